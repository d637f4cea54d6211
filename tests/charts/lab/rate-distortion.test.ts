/** Snapshot and structure tests for the lab's rate–distortion chart. */
import { describe, expect, test } from 'vitest';
import { rateDistortionChart, type RateDistortionLabels } from '../../../src/charts/lab/rate-distortion';
import { render, stable, texts } from './render';

const labels: RateDistortionLabels = {
  rate: 'rate (KL, nats)',
  distortion: 'distortion (nats)',
  current: 'now',
  beta: 'β=',
  isoElbo: 'equal −ELBO',
};
const aria = { ariaLabel: 'Rate and distortion', ariaDescription: 'The run on the rate–distortion plane' };

const trajectory = Array.from({ length: 40 }, (_, i) => ({
  step: i * 50,
  rate: 30 * (1 - Math.exp(-i / 8)),
  distortion: 95 + 150 * Math.exp(-i / 6),
}));
const sweep = [
  { beta: 4, rate: 6, distortion: 170 },
  { beta: 0.25, rate: 45, distortion: 82 },
  { beta: 1, rate: 26, distortion: 100 },
  { beta: 2, rate: 14, distortion: 128 },
];
const current = { rate: trajectory[39]!.rate, distortion: trajectory[39]!.distortion };

describe('rateDistortionChart(data, options)', () => {
  const spec = rateDistortionChart({ trajectory, sweep, current }, { width: 560, labels, ...aria });
  const svg = render(spec);

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/rate-distortion.svg');
  });
  test('labels every sweep point with its β, and joins them in β order', () => {
    expect(texts(svg, 'lab-sweep-label')).toEqual(['β=0.25', 'β=1', 'β=2', 'β=4']);
    expect(svg.querySelectorAll('g.lab-sweep-point path').length).toBe(4);
    const plot = svg;
    const start = /^M([-\d.]+),([-\d.]+)/.exec(plot.querySelector('g.lab-sweep-curve path')?.getAttribute('d') ?? '');
    expect(Number(start?.[1])).toBeCloseTo(plot.scale('x')!.apply(45) as number, 2);
  });
  test('draws the trajectory in two parts that meet, the older one faint', () => {
    const old = svg.querySelector('g.lab-trajectory-old');
    expect(old?.getAttribute('stroke-opacity')).toBe('0.3');
    const vertices = (cls: string) =>
      (svg.querySelector(`g.${cls} path`)?.getAttribute('d') ?? '').split(/[ML]/).filter(Boolean);
    expect(vertices('lab-trajectory-old').length + vertices('lab-trajectory-recent').length).toBe(
      trajectory.length + 1,
    );
    expect(vertices('lab-trajectory-old').at(-1)).toBe(vertices('lab-trajectory-recent')[0]);
  });
  test('marks the current point and the line of equal −ELBO through it', () => {
    expect(svg.querySelectorAll('g.lab-current circle').length).toBe(1);
    expect(texts(svg, 'lab-current-label')).toEqual(['now']);
    expect(texts(svg, 'lab-iso-elbo-label')).toEqual(['equal −ELBO']);
    const plot = svg;
    const [x, y] = [plot.scale('x')!, plot.scale('y')!];
    // Both ends of the iso line satisfy rate + distortion = current −ELBO.
    const ends = (plot.querySelector('g.lab-iso-elbo path')?.getAttribute('d') ?? '')
      .split(/[ML]/)
      .filter(Boolean)
      .map((v) => v.split(',').map(Number));
    for (const [px, py] of ends)
      expect(x.invert!(px!) + y.invert!(py!)).toBeCloseTo(current.rate + current.distortion, 2);
  });
  test('starts the rate axis at 0', () => {
    expect([...(svg.scale('x')?.domain ?? [])][0]).toBe(0);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe(aria.ariaLabel);
    expect(svg.getAttribute('aria-description')).toBe(aria.ariaDescription);
  });
});

describe('rateDistortionChart edge cases', () => {
  test('no data at all: axes, no marks, no throw', () => {
    const svg = render(
      rateDistortionChart({ trajectory: [], sweep: [], current: null }, { width: 400, labels, ...aria }),
    );
    expect(svg.querySelector('g[aria-label="x-axis tick"]')).not.toBeNull();
    expect(svg.querySelectorAll('g.lab-current circle, g.lab-iso-elbo path, g.lab-sweep-label text').length).toBe(0);
  });
  test('one point: the trajectory and the current dot, no throw', () => {
    const one = [{ step: 0, rate: 0.1, distortion: 540 }];
    const svg = render(
      rateDistortionChart(
        { trajectory: one, sweep: [], current: { rate: 0.1, distortion: 540 } },
        { width: 400, labels, ...aria },
      ),
    );
    expect(svg.querySelectorAll('g.lab-current circle').length).toBe(1);
  });
});
