/** The toy-likelihood widget's climb, on a test clock: it plays to the closed-form maximum, and stops or cancels on demand. */
import { describe, expect, test } from 'vitest';
import type { AscentPoint } from '../../../src/core/toys/maximum-likelihood';
import { DEFAULTS, readout } from '../../../src/components/widgets/toy-likelihood-state';
import { createClimb } from '../../../src/components/widgets/toy-likelihood-climb';
import type { PlaybackClock } from '../../../src/components/widgets/play-path';

/** A clock whose frames run only when the test says. */
function testClock() {
  let time = 0;
  let pending: ((time: number) => void) | null = null;
  const clock: PlaybackClock = {
    now: () => time,
    request: (callback) => ((pending = callback), 1),
    cancel: () => (pending = null),
    reducedMotion: () => false,
  };
  const frame = () => {
    const run = pending;
    pending = null;
    run?.((time += 16));
    return run !== null;
  };
  return { clock, frame };
}

function recorder() {
  const { clock, frame } = testClock();
  const frames: { point: AscentPoint; statusDue: boolean; steps: number }[] = [];
  const ends: { phase: string; point: AscentPoint; steps: number }[] = [];
  const climb = createClimb({
    clock,
    onFrame: (point, statusDue, steps) => frames.push({ point, statusDue, steps }),
    onEnd: (phase, point, steps) => ends.push({ phase, point, steps }),
  });
  return { climb, frame, frames, ends };
}

describe('createClimb(hooks)', () => {
  test('from b = −2 it climbs to ℓ = −7.508 at b̂ = 1, w² + s² = 2.5, and ends once as done', () => {
    const { climb, frame, frames, ends } = recorder();
    climb.start({ ...DEFAULTS, b: -2 });
    expect(climb.running()).toBe(true);
    while (frame());
    expect(climb.running()).toBe(false);
    expect(ends).toHaveLength(1);
    const end = ends[0]!;
    expect(end.phase).toBe('done');
    expect(end.point.step).toBe(end.steps);
    expect(end.point.b).toBeCloseTo(1, 5);
    expect(end.point.w ** 2 + end.point.s ** 2).toBeCloseTo(2.5, 4);
    expect(end.point.logLikelihood).toBeCloseTo(readout(DEFAULTS).maximum.logLikelihood, 6);
    expect(frames.at(-1)!.point).toBe(end.point);
    expect(frames.filter((f) => f.statusDue).length).toBeLessThan(frames.length);
  });
  test('stop ends a running climb where it is, with the phase asked; with none running it does nothing', () => {
    const { climb, frame, frames, ends } = recorder();
    climb.stop('stopped');
    expect(ends).toEqual([]);
    climb.start({ ...DEFAULTS, b: -2 });
    frame();
    frame();
    climb.stop('stopped');
    expect(ends.map((e) => e.phase)).toEqual(['stopped']);
    expect(ends[0]!.point).toBe(frames.at(-1)!.point);
    expect(ends[0]!.point.step).toBeLessThan(ends[0]!.steps);
    expect(frame()).toBe(false);
    climb.start(DEFAULTS);
    climb.stop('cancelled');
    expect(ends.map((e) => e.phase)).toEqual(['stopped', 'cancelled']);
  });
});
