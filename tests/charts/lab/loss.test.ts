/** Snapshot and structure tests for the lab's loss chart. */
import { describe, expect, test } from 'vitest';
import { MetricHistory, type LossPoint } from '../../../src/components/widgets/lab/history';
import { lossChart, lossMarginRight, type LossLabels } from '../../../src/charts/lab/loss';
import { approxTextWidth } from '../../../src/charts/frame';
import { VAE_LAB_EN } from '../../../src/i18n/widgets/vae-lab.en';
import { VAE_LAB_ZH } from '../../../src/i18n/widgets/vae-lab.zh';
import type { VaeLabStrings } from '../../../src/i18n/widgets/vae-lab';
import { render, stable, texts } from './render';

const labels: LossLabels = {
  step: 'step',
  nats: 'nats per image',
  reconstruction: 'reconstruction',
  kl: 'KL',
  negElbo: '−ELBO',
  objective: 'objective',
  heldOut: 'held-out',
  beta: 'β',
};
const aria = { ariaLabel: 'Loss curves', ariaDescription: 'Loss terms against the training step' };

/** A run of 600 steps: β = 1, then 4 from step 200, then 0.5 from step 400; held-out −ELBO every 100 steps. */
function run(): MetricHistory {
  const history = new MetricHistory(100);
  for (let step = 1; step <= 600; step++) {
    const beta = step < 200 ? 1 : step < 400 ? 4 : 0.5;
    const reconstruction = 90 + 150 * Math.exp(-step / 80) + (beta > 1 ? 12 : 0);
    const kl = beta > 1 ? 8 : 25 - 10 * Math.exp(-step / 60);
    const point: LossPoint = {
      step,
      reconstruction,
      kl,
      negElbo: reconstruction + kl,
      objective: reconstruction + beta * kl,
      beta,
    };
    history.push(point);
    if (step % 100 === 0)
      history.pushHeldOut({ step, reconstruction: reconstruction + 4, kl, negElbo: reconstruction + kl + 4 });
  }
  return history;
}

const history = run();
const data = { points: history.points(), heldOut: history.heldOut(), betaChanges: history.betaChanges() };

describe('lossChart(data, options)', () => {
  const svg = render(lossChart(data, { width: 640, labels, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/loss.svg');
  });
  test('draws one rule and one "β from→to" label per β change', () => {
    expect(svg.querySelectorAll('g.lab-beta-change line').length).toBe(2);
    expect(texts(svg, 'lab-beta-label')).toEqual(['β 1→4', 'β 4→0.5']);
  });
  test('draws the objective only where β ≠ 1, so its line starts at the first kept point after the change', () => {
    const first = data.points.find((p) => p.beta !== 1)!;
    expect(first.step).toBeGreaterThanOrEqual(200);
    const plot = svg;
    const d = plot.querySelector('g.lab-series-objective path')?.getAttribute('d') ?? '';
    const firstX = Number(/^M([-\d.]+)/.exec(d)?.[1]);
    expect(firstX).toBeCloseTo(plot.scale('x')!.apply(first.step) as number, 2);
  });
  test('names every series at its right end, labels at least 12 px apart', () => {
    expect(texts(svg, 'lab-end-label').sort()).toEqual(['KL', 'held-out', 'objective', 'reconstruction', '−ELBO']);
    const ys = [...svg.querySelectorAll('g.lab-end-label')].map((g) => {
      const dy = Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1] ?? 0);
      return (
        Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(g.querySelector('text')?.getAttribute('transform') ?? '')?.[1]) +
        dy
      );
    });
    const sorted = ys.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(12.99);
  });
  test('draws the held-out −ELBO as one dot per evaluation', () => {
    expect(svg.querySelectorAll('g.lab-held-out path, g.lab-held-out circle').length).toBe(6);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe(aria.ariaLabel);
    expect(svg.getAttribute('aria-description')).toBe(aria.ariaDescription);
  });
  test('logY draws a log axis', () => {
    const plot = render(lossChart(data, { width: 640, labels, ...aria, logY: true }));
    expect(plot.scale('y')?.type).toBe('log');
    expect(plot.querySelectorAll('g.lab-series-kl path').length).toBe(1);
  });
});

describe('lossMarginRight(labels): room for the end labels', () => {
  const seriesNames = (s: VaeLabStrings) => [
    s.seriesRecon,
    s.seriesKl,
    s.seriesNegElbo,
    s.seriesObjective,
    s.seriesHeldOut,
  ];
  test('keeps the default 124 px for short labels', () => {
    expect(lossMarginRight(['KL', '−ELBO'])).toBe(124);
  });
  test('widens for a long one: "reconstruction loss" (19 characters, semibold) gets over 140 px', () => {
    expect(lossMarginRight(['reconstruction loss', 'KL'])).toBeGreaterThan(140);
  });
  test.each([
    ['en', VAE_LAB_EN],
    ['zh', VAE_LAB_ZH],
  ])('the book’s %s series names each fit beside the plot (dx 6 + their semibold width)', (_, strings) => {
    const names = seriesNames(strings);
    const margin = lossMarginRight(names);
    for (const name of names) expect(6 + approxTextWidth(name) * 1.1).toBeLessThanOrEqual(margin);
  });
  test('the chart uses that margin: the plot ends that far from the right edge', () => {
    const long = { ...labels, reconstruction: 'reconstruction loss' };
    const plot = render(lossChart(data, { width: 640, labels: long, ...aria }));
    const right = [...plot.scale('x')!.range!][1] as number;
    expect(640 - right).toBe(lossMarginRight(['reconstruction loss', 'KL', '−ELBO', 'objective', 'held-out']));
  });
});

describe('lossChart edge cases', () => {
  test('0 points: an empty frame with both axes, no lines, no end labels', () => {
    const svg = render(lossChart({ points: [], heldOut: [], betaChanges: [] }, { width: 400, labels, ...aria }));
    expect(svg.querySelector('g[aria-label="x-axis tick"]')).not.toBeNull();
    expect(svg.querySelector('g[aria-label="y-axis tick"]')).not.toBeNull();
    expect(svg.querySelectorAll('g.lab-end-label').length).toBe(0);
    expect(svg.querySelectorAll('g[aria-label="line"] path').length).toBe(0);
  });
  test('0 points on a log axis does not throw', () => {
    expect(() =>
      render(lossChart({ points: [], heldOut: [], betaChanges: [] }, { width: 400, labels, ...aria, logY: true })),
    ).not.toThrow();
  });
  test('1 point: its series are labelled, without the objective at β = 1', () => {
    const point: LossPoint = { step: 0, reconstruction: 540, kl: 0.2, negElbo: 540.2, objective: 540.2, beta: 1 };
    const svg = render(
      lossChart({ points: [point], heldOut: [], betaChanges: [] }, { width: 400, labels, ...aria, logY: true }),
    );
    expect(texts(svg, 'lab-end-label').sort()).toEqual(['KL', 'reconstruction', '−ELBO']);
  });
  test('a zero KL on a log axis leaves a gap instead of breaking the chart', () => {
    const points: LossPoint[] = [0, 1, 2].map((step) => ({
      step,
      reconstruction: 100,
      kl: step === 0 ? 0 : 1,
      negElbo: 100,
      objective: 100,
      beta: 1,
    }));
    const svg = render(
      lossChart({ points, heldOut: [], betaChanges: [] }, { width: 400, labels, ...aria, logY: true }),
    );
    expect(svg.querySelector('g.lab-series-kl path')?.getAttribute('d')).not.toContain('NaN');
  });
});
