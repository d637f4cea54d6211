import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { METRICS_EVENT, TERM_EVENT, dispatchPageEvent, pageEventDetail } from '../../src/lib/page-events';

describe('dispatchPageEvent(doc, name, detail)', () => {
  it("delivers the detail to the document's listeners, built in the document's own realm", () => {
    const doc = new JSDOM('<!doctype html><body>').window.document;
    const received: unknown[] = [];
    doc.addEventListener(TERM_EVENT, (event) =>
      received.push(event.detail, event instanceof doc.defaultView!.CustomEvent),
    );
    dispatchPageEvent(doc, TERM_EVENT, { term: 'kl', active: true });
    expect(received).toEqual([{ term: 'kl', active: true }, true]);
  });
});

describe('pageEventDetail(event)', () => {
  it('is the detail as sent, and {} for an event some other script sent without one', () => {
    const { window } = new JSDOM('<!doctype html><body>');
    const doc = window.document;
    const seen: unknown[] = [];
    doc.addEventListener(METRICS_EVENT, (event) => seen.push(pageEventDetail<typeof METRICS_EVENT>(event)));
    const detail = { step: 3, reconstruction: 100, kl: 5, elbo: -105, objective: 105, beta: 1 };
    dispatchPageEvent(doc, METRICS_EVENT, detail);
    doc.dispatchEvent(new window.CustomEvent(METRICS_EVENT, { detail: null }));
    doc.dispatchEvent(new window.Event(METRICS_EVENT));
    expect(seen).toEqual([detail, {}, {}]);
  });
});
