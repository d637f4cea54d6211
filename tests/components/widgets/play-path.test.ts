import { describe, expect, it } from 'vitest';
import { playPath, type PlaybackClock } from '../../../src/components/widgets/play-path';

/** A clock whose frames run only when the test says, each `frameMs` after the last. */
function fakeClock(frameMs = 16, reduced = false) {
  let time = 1000;
  let pending: ((time: number) => void) | null = null;
  let handle = 0;
  const clock: PlaybackClock = {
    now: () => time,
    request: (callback) => {
      pending = callback;
      return ++handle;
    },
    cancel: () => (pending = null),
    reducedMotion: () => reduced,
  };
  const frame = () => {
    const run = pending;
    pending = null;
    run?.(time);
    time += frameMs;
    return run !== null;
  };
  return { clock, frame, pending: () => pending !== null };
}

const path = (n: number) => Array.from({ length: n }, (_, step) => ({ step }));

describe('playPath(path, options)', () => {
  it('plays the whole path over the duration, at least one new point a frame, then calls onDone once with the last point', () => {
    const { clock, frame } = fakeClock(16);
    const shown: number[] = [];
    const done: number[] = [];
    playPath(path(101), {
      durationMs: 320,
      statusEvery: 25,
      clock,
      onFrame: (p) => shown.push(p.step),
      onDone: (p) => done.push(p.step),
    });
    expect(shown).toEqual([]); // nothing before the first frame
    let frames = 0;
    while (frame()) frames++;
    expect(done).toEqual([100]);
    expect(shown.at(-1)).toBe(100);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThan(shown[i - 1]!);
    expect(frames).toBe(21); // 320 ms at 16 ms a frame, plus the first
  });

  it('with ease t ↦ t², shows few steps early and many late', () => {
    const { clock, frame } = fakeClock(16);
    const shown: number[] = [];
    playPath(path(1001), {
      durationMs: 320,
      ease: (t) => t * t,
      statusEvery: 100,
      clock,
      onFrame: (p) => shown.push(p.step),
      onDone: () => {},
    });
    while (frame());
    expect(shown[10]).toBeLessThan(300); // halfway in time, about a quarter of the way
    expect(shown.at(-1)).toBe(1000);
  });

  it('says a status is due only when the step enters a new block', () => {
    const { clock, frame } = fakeClock(16);
    const due: number[] = [];
    playPath(path(101), {
      durationMs: 320,
      statusEvery: 25,
      clock,
      onFrame: (p, statusDue) => statusDue && due.push(p.step),
      onDone: () => {},
    });
    while (frame());
    expect(due.map((step) => Math.floor(step / 25))).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the last point on the first frame when the reader prefers reduced motion', () => {
    const { clock, frame } = fakeClock(16, true);
    const shown: number[] = [];
    let done = 0;
    playPath(path(500), {
      durationMs: 3000,
      statusEvery: 25,
      clock,
      onFrame: (p) => shown.push(p.step),
      onDone: () => done++,
    });
    frame();
    expect(shown).toEqual([499]);
    expect(done).toBe(1);
  });

  it('stop() ends it where it is: current() keeps that point, no more frames and no onDone', () => {
    const { clock, frame, pending } = fakeClock(16);
    let done = 0;
    const playback = playPath(path(101), {
      durationMs: 320,
      statusEvery: 25,
      clock,
      onFrame: () => {},
      onDone: () => done++,
    });
    for (let i = 0; i < 5; i++) frame();
    const at = playback.current().step;
    expect(at).toBeGreaterThan(0);
    playback.stop();
    expect(pending()).toBe(false);
    expect(playback.current().step).toBe(at);
    expect(done).toBe(0);
  });

  it('a one-point path (already at the top) finishes on its first frame', () => {
    const { clock, frame } = fakeClock();
    const done: number[] = [];
    playPath(path(1), {
      durationMs: 3000,
      statusEvery: 25,
      clock,
      onFrame: () => {},
      onDone: (p) => done.push(p.step),
    });
    frame();
    expect(done).toEqual([0]);
  });
});
