// @vitest-environment jsdom
/** The parts of a widget's figure (widget-parts.ts): the shared ones, those a widget lists by element, and two writes. */
import { describe, expect, it } from 'vitest';
import { showProgress, showText, widgetParts } from '../../../src/components/widgets/widget-parts';

function figure(extra: string): HTMLElement {
  document.body.innerHTML = `<figure><p data-part="status"></p><div data-part="plots"></div>
    <p data-part="static-note"></p><p data-part="announce"></p>${extra}</figure>`;
  return document.querySelector('figure')!;
}

describe('widgetParts', () => {
  it('finds the shared parts and the listed ones under camel-case keys, typed by their element', () => {
    const parts = widgetParts(
      figure(
        '<fieldset data-part="controls"></fieldset><button data-part="use-posterior"></button><span data-part="best-w"></span>',
      ),
      'test',
      { fieldset: ['controls'], button: ['use-posterior'], element: ['best-w'] },
    );
    expect(parts.status.dataset['part']).toBe('status');
    expect(parts.plots.dataset['part']).toBe('plots');
    expect(parts.staticNote.dataset['part']).toBe('static-note');
    expect(parts.announce.dataset['part']).toBe('announce');
    expect(parts.controls.disabled).toBe(false);
    expect(parts.usePosterior.tagName).toBe('BUTTON');
    expect(parts.bestW.tagName).toBe('SPAN');
  });

  it('names the widget and the part when one is missing or is not the element listed', () => {
    expect(() => widgetParts(figure(''), 'test', { button: ['fit'] })).toThrow(
      'test widget: missing [data-part="fit"]',
    );
    expect(() => widgetParts(figure('<div data-part="fit"></div>'), 'test', { button: ['fit'] })).toThrow(
      'test widget: [data-part="fit"] is a <div>, not a <button>',
    );
    expect(() => widgetParts(figure('<button data-part="fit"></button>'), 'test', { element: ['fit'] })).not.toThrow();
  });
});

describe('showText and showProgress', () => {
  it('showText leaves an element alone when its text is already the same (no repeated live-region change)', async () => {
    const p = document.createElement('p');
    let changes = 0;
    new MutationObserver((records) => (changes += records.length)).observe(p, { childList: true });
    showText(p, 'a');
    showText(p, 'a');
    expect(p.textContent).toBe('a');
    await Promise.resolve();
    expect(changes).toBe(1);
  });

  it('showProgress writes the status and shows the bar until the progress reaches 1', () => {
    const parts = { status: document.createElement('p'), progress: document.createElement('progress') };
    showProgress(parts, 0.25, 'a quarter');
    expect(parts.status.textContent).toBe('a quarter');
    expect(parts.progress.hidden).toBe(false);
    expect(parts.progress.value).toBe(0.25);
    showProgress(parts, 1, 'done');
    expect(parts.progress.hidden).toBe(true);
  });
});
