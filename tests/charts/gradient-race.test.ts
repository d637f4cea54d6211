/** Snapshot and structure tests for the gradient-race histogram: rendered to SVG with jsdom, numbers rounded. */
import { describe, expect, test } from 'vitest';
import { render, stable } from './render';
import { COLORS, bars, histogramChart, type HistogramData } from '../../src/charts/gradient-race';
import {
  averagedEstimates,
  histogram,
  sharedRange,
  type Estimator,
} from '../../src/core/toys/gradient-estimator-study';
import { square } from '../../src/core/toys/gradient-estimators';
import { createRng } from '../../src/core/random';

const [mu, sigma, bins] = [1, 0.5, 24];
const range = sharedRange(square, mu, sigma, 1);
const labels = { estimate: 'estimate', count: 'count', truth: 'true' };

/** The SVG's markup with every decimal number rounded to one place, so float noise does not break snapshots. */

function data(estimator: Estimator, seed: number): HistogramData {
  const values = averagedEstimates(square, estimator, mu, sigma, 1, 400, createRng(seed));
  return { estimator, histogram: histogram(values, ...range, bins), truth: square.trueGradMu(mu, sigma) };
}

describe('histogramChart(data, options)', () => {
  const score = data('score', 1);
  const svg = render(
    histogramChart(score, {
      width: 480,
      labels,
      ariaLabel: 'Score histogram',
      ariaDescription: 'Estimates of the gradient',
    }),
  );

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/gradient-race-histogram.svg');
  });
  test('draws one bar per bin, coloured by estimator, with heights in proportion to the counts', () => {
    const rects = [...svg.querySelectorAll('g[aria-label="rect"] rect')];
    expect(rects.length).toBe(bins);
    expect(svg.querySelector('g[aria-label="rect"]')?.getAttribute('fill')).toBe(COLORS.score);
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    const counts = score.histogram.counts;
    const tallest = counts.indexOf(Math.max(...counts));
    counts.forEach((c, i) => expect(heights[i]! / heights[tallest]!).toBeCloseTo(c / counts[tallest]!, 6));
  });
  test('spans the shared range exactly, and puts the true-gradient rule at 2μ on the x scale', () => {
    const x = svg.scale('x');
    const rects = [...svg.querySelectorAll('g[aria-label="rect"] rect')];
    expect(Number(rects[0]!.getAttribute('x'))).toBeCloseTo(x.apply(range[0]) + 0.5, 6);
    const ruleX = [...svg.querySelectorAll('g[aria-label="rule"] line')]
      .map((l) => Number(l.getAttribute('x1')))
      .filter(Number.isFinite);
    expect(ruleX.filter((v) => Math.abs(v - x.apply(2)) < 1e-6).length).toBe(1);
  });
  test('labels the counts beyond the range on the side where they fell, and only there', () => {
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    const { below, above } = score.histogram;
    expect(below + above).toBeGreaterThan(0);
    expect(texts.includes(`◂ ${below}`)).toBe(below > 0);
    expect(texts.includes(`${above} ▸`)).toBe(above > 0);
    const pathwise = render(
      histogramChart(data('pathwise', 2), { width: 480, labels, ariaLabel: '', ariaDescription: '' }),
    );
    expect([...pathwise.querySelectorAll('text')].some((t) => /[◂▸]/.test(t.textContent ?? ''))).toBe(false);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe('Score histogram');
    expect(svg.getAttribute('aria-description')).toBe('Estimates of the gradient');
  });
});

describe('bars(histogram)', () => {
  test('turns counts into adjacent bins from lo to hi', () => {
    expect(bars({ lo: -1, hi: 2, binWidth: 1, counts: [3, 0, 5], below: 0, above: 0 })).toEqual([
      { x1: -1, x2: 0, count: 3 },
      { x1: 0, x2: 1, count: 0 },
      { x1: 1, x2: 2, count: 5 },
    ]);
  });
});
