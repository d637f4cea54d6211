import { describe, expect, it } from 'vitest';
import { NEAR_VIEWPORT_MARGIN, whenNearViewport, type ReaderMoves } from '../../src/lib/when-near-viewport';

interface Rect {
  top: number;
  bottom: number;
}

/** A stand-in IntersectionObserver that records what it was given and lets the test fire entries. */
function fakeObserver() {
  const state = { instances: [] as FakeObserver[] };
  class FakeObserver {
    observed: Element[] = [];
    disconnected = false;
    constructor(
      readonly callback: (entries: { isIntersecting: boolean; boundingClientRect?: Rect }[]) => void,
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
    fire(isIntersecting: boolean, boundingClientRect?: Rect) {
      this.callback([{ isIntersecting, ...(boundingClientRect ? { boundingClientRect } : {}) }]);
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

/** Reader moves the test controls: `move()` is the first scroll; `waiting` counts the callbacks still waiting. */
function fakeMoves() {
  let moved = false;
  const waiting = new Set<() => void>();
  const moves: ReaderMoves = {
    moved: () => moved,
    onFirstMove(callback) {
      waiting.add(callback);
      return () => waiting.delete(callback);
    },
  };
  const move = () => {
    moved = true;
    for (const callback of [...waiting]) {
      waiting.delete(callback);
      callback();
    }
  };
  return { moves, move, waiting };
}

// A 800 px screen: the widget's top 100 px below its bottom edge is within the 600 px margin but not on screen.
const viewportHeight = () => 800;
const belowTheScreen = { top: 900, bottom: 1300 };
const onTheScreen = { top: 700, bottom: 1100 };

/** Watches `element` with a fake observer and fake reader moves (moved first when `scrolled`); what the test drives and reads. */
function watchWithMoves({ scrolled = false } = {}) {
  const { state, Observer } = fakeObserver();
  const { moves, move, waiting } = fakeMoves();
  if (scrolled) move();
  let calls = 0;
  const cancel = whenNearViewport(element, () => calls++, { Observer, moves, viewportHeight });
  return { observer: state.instances[0]!, move, waiting, cancel, calls: () => calls };
}

describe('whenNearViewport before the reader has scrolled', () => {
  it('starts an element on the first screen at once', () => {
    const { observer, calls } = watchWithMoves();
    observer.fire(true, onTheScreen);
    expect(calls()).toBe(1);
  });

  it('leaves an element only within the margin until the first scroll, then starts it', () => {
    const { observer, move, waiting, calls } = watchWithMoves();
    observer.fire(true, belowTheScreen);
    expect(calls()).toBe(0);
    expect(waiting.size).toBe(1);
    move();
    expect(calls()).toBe(1);
    expect(observer.disconnected).toBe(true);
  });

  it('starts an element within the margin at once once the reader has scrolled', () => {
    const { observer, calls } = watchWithMoves({ scrolled: true });
    observer.fire(true, belowTheScreen);
    expect(calls()).toBe(1);
  });

  it('does not start an element the first scroll carried out of the margin, and keeps one wait at a time', () => {
    const { observer, move, waiting, calls } = watchWithMoves();
    observer.fire(true, belowTheScreen);
    observer.fire(true, belowTheScreen);
    expect(waiting.size).toBe(1);
    observer.fire(false);
    expect(waiting.size).toBe(0);
    move();
    expect(calls()).toBe(0);
    observer.fire(true, belowTheScreen);
    expect(calls()).toBe(1);
  });

  it('stops waiting for the scroll when cancelled', () => {
    const { observer, move, waiting, cancel, calls } = watchWithMoves();
    observer.fire(true, belowTheScreen);
    cancel();
    expect(waiting.size).toBe(0);
    move();
    expect(calls()).toBe(0);
  });
});
