import { describe, expect, it } from 'vitest';
import { NEAR_VIEWPORT_MARGIN, whenNearViewport } from '../../src/lib/when-near-viewport';

/** A stand-in IntersectionObserver that records what it was given and lets the test fire entries. */
function fakeObserver() {
  const state = { instances: [] as FakeObserver[] };
  class FakeObserver {
    observed: Element[] = [];
    disconnected = false;
    constructor(
      readonly callback: (entries: { isIntersecting: boolean }[]) => void,
      readonly options: { rootMargin?: string },
    ) {
      state.instances.push(this);
    }
    observe(element: Element) {
      this.observed.push(element);
    }
    disconnect() {
      this.disconnected = true;
    }
    fire(isIntersecting: boolean) {
      this.callback([{ isIntersecting }]);
    }
  }
  return { state, Observer: FakeObserver as unknown as typeof IntersectionObserver };
}

const element = {} as Element;

describe('whenNearViewport(element, callback)', () => {
  it('waits until the element intersects the grown viewport, then calls back once and disconnects', () => {
    const { state, Observer } = fakeObserver();
    let calls = 0;
    whenNearViewport(element, () => calls++, { Observer });
    const observer = state.instances[0]!;
    expect(observer.observed).toEqual([element]);
    expect(observer.options.rootMargin).toBe(NEAR_VIEWPORT_MARGIN);
    observer.fire(false);
    expect(calls).toBe(0);
    observer.fire(true);
    observer.fire(true);
    expect(calls).toBe(1);
    expect(observer.disconnected).toBe(true);
  });

  it('passes a custom rootMargin through', () => {
    const { state, Observer } = fakeObserver();
    whenNearViewport(element, () => {}, { Observer, rootMargin: '10px' });
    expect(state.instances[0]!.options.rootMargin).toBe('10px');
  });

  it('calls back right away (next microtask) where IntersectionObserver is missing', async () => {
    let calls = 0;
    whenNearViewport(element, () => calls++, { Observer: null });
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
  });

  it('can be cancelled before it fires, with or without an observer', async () => {
    const { state, Observer } = fakeObserver();
    let calls = 0;
    const cancel = whenNearViewport(element, () => calls++, { Observer });
    cancel();
    state.instances[0]!.fire(true);
    whenNearViewport(element, () => calls++, { Observer: null })();
    await Promise.resolve();
    expect(calls).toBe(0);
    expect(state.instances[0]!.disconnected).toBe(true);
  });
});
