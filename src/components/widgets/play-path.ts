/** Plays a precomputed path (a fit, a climb) over a fixed time, a few points a frame, as the exact-decomposition and toy-likelihood widgets do. */

/** A playback in progress. */
export interface PathPlayback<P> {
  /** The point on screen now. */
  current(): P;
  /** Stops where it is: no more frames, no `onDone`. */
  stop(): void;
}

/** The frame clock and the reader's motion preference; the page's by default, a test's own otherwise. */
export interface PlaybackClock {
  now(): number;
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
  reducedMotion(): boolean;
}

const pageClock = (): PlaybackClock => ({
  now: () => performance.now(),
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  reducedMotion: () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
});

/** How a path plays. */
export interface PlayOptions<P> {
  readonly durationMs: number;
  /** Share of the path shown after a share t of the time; t ↦ t² plays the fast early steps slowly. Default: linear. */
  readonly ease?: (t: number) => number;
  /** `statusDue` turns true once each time `step` enters a new block of this many steps (live regions need no more). */
  readonly statusEvery: number;
  /** Each frame's point, from the first frame on; always shows at least one new point a frame. */
  onFrame(point: P, statusDue: boolean): void;
  /** The last point was shown (at once when the reader prefers reduced motion). */
  onDone(point: P): void;
  readonly clock?: PlaybackClock;
}

/** Starts playing `path` (at least one point) from the next frame. */
export function playPath<P extends { readonly step: number }>(
  path: readonly P[],
  options: PlayOptions<P>,
): PathPlayback<P> {
  const clock = options.clock ?? pageClock();
  const ease = options.ease ?? ((t: number) => t);
  const last = path.length - 1;
  let shown = 0;
  let lastBlock = -1;
  let start: number | null = null;
  let frame = 0;
  let stopped = false;
  const advance = (time: number) => {
    if (stopped) return;
    start ??= time;
    const progress = Math.min(1, Math.max(0, time - start) / options.durationMs);
    shown = clock.reducedMotion()
      ? last
      : Math.min(last, Math.max(shown + (last > 0 ? 1 : 0), Math.ceil(last * ease(progress))));
    const point = path[shown] as P;
    const block = Math.floor(point.step / options.statusEvery);
    options.onFrame(point, block !== lastBlock);
    lastBlock = block;
    if (shown >= last) {
      stopped = true;
      options.onDone(point);
    } else frame = clock.request(advance);
  };
  frame = clock.request(advance);
  return {
    current: () => path[shown] as P,
    stop: () => {
      stopped = true;
      clock.cancel(frame);
    },
  };
}
