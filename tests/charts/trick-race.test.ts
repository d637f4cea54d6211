/** Snapshot and structure tests for the race chart of chapter 5 (src/charts/trick-race.ts). */
import { describe, expect, test } from 'vitest';
import { MetricHistory, heldOutPoint, lossPoint } from '../../src/components/widgets/lab/history';
import { RACE_DASHES, ZOOM_FROM_STEP, raceChart, type RaceSeries } from '../../src/charts/trick-race';
import type { RunKey } from '../../src/components/widgets/trick-on-real-vae-state';
import { render, stable } from './lab/render';

const labels = { step: 'training step →', nats: '↑ −ELBO', start: 'start' };
const aria = {
  ariaLabel: 'Held-out −ELBO against the step',
  ariaDescription: 'Pathwise falls faster than the score function',
};

/** A run of `steps` steps whose −ELBO decays from 640 towards `floor`, batch points every 5 steps, held-out every 25. */
function series(key: RunKey, steps: number, floor: number, rate: number): RaceSeries {
  const history = new MetricHistory(1000);
  const negElbo = (step: number) => floor + (640 - floor) * Math.exp(-step / rate);
  history.pushHeldOut(heldOutPoint(0, { reconstruction: 630, kl: 10, elbo: -640 }));
  for (let step = 5; step <= steps; step += 5) {
    const wobble = 6 * Math.sin(step);
    history.push(
      lossPoint(step, {
        reconstruction: negElbo(step) + wobble - 12,
        kl: 12,
        elbo: -(negElbo(step) + wobble),
        objective: negElbo(step) + wobble,
        beta: 1,
      }),
    );
    if (step % 25 === 0)
      history.pushHeldOut(heldOutPoint(step, { reconstruction: negElbo(step) - 12, kl: 12, elbo: -negElbo(step) }));
  }
  return { key, heldOut: history.heldOut(), batch: history.points() };
}

const runs = [series('pathwise', 300, 130, 60), series('scoreBaseline', 300, 170, 120)];

describe('raceChart(data, options)', () => {
  const svg = render(raceChart({ runs, budget: 600 }, { width: 640, labels, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/trick-race.svg');
  });
  test('spans the whole budget on x however far the runs have got, so the race fills the axis as it goes', () => {
    expect(svg.scale('x')!.domain).toEqual([0, 600]);
  });
  test('scales y to every held-out and batch value from step 25 on, with 4 % padding', () => {
    const values = runs.flatMap((r) =>
      [...r.heldOut, ...r.batch].filter((p) => p.step >= ZOOM_FROM_STEP).map((p) => p.negElbo),
    );
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const [y0, y1] = svg.scale('y')!.domain as [number, number];
    expect(y0).toBeCloseTo(lo - 0.04 * (hi - lo), 9);
    expect(y1).toBeCloseTo(hi + 0.04 * (hi - lo), 9);
  });
  test('writes the off-scale starting value at the top of the axis, and clips the lines that start above it', () => {
    expect([...svg.querySelectorAll('g.tr-start-label text')].map((t) => t.textContent)).toEqual(['start 640 ↑']);
    expect((svg.scale('y')!.domain as number[])[1]).toBeLessThan(640);
    expect(svg.querySelector('g.tr-held-out-pathwise')!.parentElement!.getAttribute('clip-path')).toMatch(/^url\(#/);
  });
  test('draws one marker per held-out evaluation (step 0 and every 25 steps to 300: 13 per run)', () => {
    for (const key of ['pathwise', 'scoreBaseline'])
      expect(svg.querySelectorAll(`g.tr-points-${key} :is(path, circle)`).length).toBe(13);
  });
  test('tells runs apart by dash as well as colour, and draws a thick held-out line over a thin batch line', () => {
    for (const run of runs) {
      const heldOut = svg.querySelector(`g.tr-held-out-${run.key}`)!;
      const dash = RACE_DASHES[run.key];
      expect(heldOut.getAttribute('stroke-dasharray')).toBe(dash === 'none' ? null : dash);
      expect(Number(heldOut.getAttribute('stroke-width'))).toBeGreaterThan(
        Number(svg.querySelector(`g.tr-batch-${run.key}`)!.getAttribute('stroke-width')),
      );
    }
  });
  test('draws only the runs it is given (the optional third run is absent until switched on)', () => {
    expect(svg.querySelector('g.tr-held-out-score')).toBeNull();
    const three = render(
      raceChart({ runs: [...runs, series('score', 100, 200, 150)], budget: 600 }, { width: 360, labels, ...aria }),
    );
    expect(three.querySelectorAll('g.tr-points-score :is(path, circle)').length).toBe(5);
  });
  test('before any step (one shared starting point) the y axis still has a range', () => {
    const start = render(
      raceChart(
        { runs: runs.map((r) => ({ ...r, heldOut: r.heldOut.slice(0, 1), batch: [] })), budget: 600 },
        { width: 360, labels, ...aria },
      ),
    );
    expect(start.scale('y')!.domain).toEqual([639.5, 640.5]);
    expect(start.querySelector('g.tr-start-label')).toBeNull();
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe(aria.ariaLabel);
    expect(svg.getAttribute('aria-description')).toBe(aria.ariaDescription);
  });
});
