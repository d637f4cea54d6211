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
/** Lets the loads settle and every queued start run (each widget starts in a task of its own, after a yield). */
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

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

  it('starts each widget in a task of its own, one after another, so two starts never add up to one long task', async () => {
    const [a, b] = page();
    const log: string[] = [];
    let tasks = 0;
    mountWidgetsNearViewport('toy', '[data-t="status"]', async () => ({
      mount: (figure) => {
        log.push(`${figure === a ? 'a' : 'b'} in task ${tasks}`);
        // A macrotask queued now runs before the next widget starts only if that start waits for a new task.
        setTimeout(() => (tasks += 1), 0);
      },
    }));
    await flush();
    expect(b).toBeDefined();
    expect(log).toEqual(['a in task 0', 'b in task 1']);
  });

  it('says why in the status line, and marks the figure failed, when the module cannot load', async () => {
    const [a] = page();
    mountWidgetsNearViewport('toy', '[data-t="status"]', () => Promise.reject(new Error('offline')));
    await flush();
    expect(a!.dataset['state']).toBe('failed');
    expect(a!.querySelector('[data-t="status"]')!.textContent).toBe('Could not load (Error: offline).');
  });
});
