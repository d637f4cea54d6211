// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountWidgetsNearViewport } from '../../src/lib/when-near-viewport';

/** A page with two figures of one widget and one of another, each with a status line. */
function page() {
  document.body.innerHTML = `
    <figure data-widget="toy" data-state="static" data-loading-text="Loading…" data-failed-text="Could not load ({error})."><p data-t="status"></p></figure>
    <figure data-widget="toy" data-state="static" data-loading-text="Loading…"><p data-t="status"></p></figure>
    <figure data-widget="other" data-state="static"><p data-t="status"></p></figure>`;
  return [...document.querySelectorAll<HTMLElement>('figure')];
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('mountWidgetsNearViewport(name, statusSelector, load)', () => {
  it('mounts every figure of that widget (here at once: jsdom has no IntersectionObserver), saying it is loading', async () => {
    const [a, b, other] = page();
    const mounted: HTMLElement[] = [];
    mountWidgetsNearViewport('toy', '[data-t="status"]', async () => ({ mount: (figure) => mounted.push(figure) }));
    await flush();
    expect(mounted).toEqual([a, b]);
    expect(a!.dataset['state']).toBe('loading');
    expect(a!.querySelector('[data-t="status"]')!.textContent).toBe('Loading…');
    expect(other!.dataset['state']).toBe('static');
  });

  it('says why in the status line, and marks the figure failed, when the module cannot load', async () => {
    const [a] = page();
    mountWidgetsNearViewport('toy', '[data-t="status"]', () => Promise.reject(new Error('offline')));
    await flush();
    expect(a!.dataset['state']).toBe('failed');
    expect(a!.querySelector('[data-t="status"]')!.textContent).toBe('Could not load (Error: offline).');
  });
});
