import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { LIVE_TERMS, bindLiveValues, formatLive, isLiveTerm } from '../../../src/components/source/live-value.client';
import { ACTIVE_CLASS } from '../../../src/components/source/formula-binding.client';
import { METRICS_EVENT, TERM_EVENT } from '../../../src/lib/page-events';

describe('formatLive(term, value)', () => {
  it.each([
    // nats like the lab's readout: one decimal from 10 up, three significant digits below, a real minus sign
    ['reconstruction', 123.456, '123.5'],
    ['kl', 4.5678, '4.57'],
    ['elbo', -128.02, '\u2212128.0'],
    ['objective', 0, '0'],
    // β as typed, the step whole
    ['beta', 0.25, '0.25'],
    ['step', 1200, '1200'],
  ] as const)('formatLive(%s, %d) is %s', (term, value, text) => {
    expect(formatLive(term, value)).toBe(text);
  });

  it.each([NaN, Infinity, undefined, '12', null])('gives null for %s, so the shown number stays', (value) => {
    expect(formatLive('kl', value)).toBeNull();
  });
});

describe('isLiveTerm(value)', () => {
  it("accepts exactly the lab's metric names", () => {
    expect(LIVE_TERMS.filter(isLiveTerm)).toEqual(['step', 'reconstruction', 'kl', 'elbo', 'objective', 'beta']);
    expect(isLiveTerm('mu-sq')).toBe(false);
    expect(isLiveTerm(undefined)).toBe(false);
  });
});

describe('bindLiveValues(doc)', () => {
  function setup() {
    const { window } = new JSDOM(`<!doctype html><body>
      <span class="live-value" data-live-term="kl" data-state="idle"><span aria-hidden="true">—</span><span>no value yet</span></span>
      <span class="live-value" data-live-term="beta" data-state="idle">—</span>
      <span class="live-value" data-live-term="kl" data-state="idle">—</span>`);
    const doc = window.document;
    const values = [...doc.querySelectorAll<HTMLElement>('[data-live-term]')];
    const send = (type: string, detail: unknown) => doc.dispatchEvent(new window.CustomEvent(type, { detail }));
    return { doc, values, send };
  }

  it('writes each reported number into every value of its term', () => {
    const { doc, values, send } = setup();
    bindLiveValues(doc);
    bindLiveValues(doc);
    expect(values.map((v) => v.textContent)).toEqual(['—no value yet', '—', '—']);
    send(METRICS_EVENT, { step: 10, reconstruction: 200, kl: 12.34, elbo: -212.3, objective: 212.3, beta: 1 });
    expect(values.map((v) => v.textContent)).toEqual(['12.3', '1', '12.3']);
    expect(values.map((v) => v.dataset['state'])).toEqual(['live', 'live', 'live']);
    // A missing or broken number leaves the last good one; a broken event changes nothing.
    send(METRICS_EVENT, { step: 11, kl: NaN, beta: 4 });
    send(METRICS_EVENT, null);
    expect(values.map((v) => v.textContent)).toEqual(['12.3', '4', '12.3']);
  });

  it('lights the values of the term a formula points at', () => {
    const { doc, values, send } = setup();
    bindLiveValues(doc);
    send(TERM_EVENT, { term: 'kl', active: true });
    expect(values.map((v) => v.classList.contains(ACTIVE_CLASS))).toEqual([true, false, true]);
    send(TERM_EVENT, { term: 'kl', active: false });
    expect(values.map((v) => v.classList.contains(ACTIVE_CLASS))).toEqual([false, false, false]);
  });
});
