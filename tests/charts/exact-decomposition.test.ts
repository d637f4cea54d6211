/** Snapshot and geometry tests for the exact-decomposition charts: rendered to SVG with jsdom, numbers rounded. */
import { describe, expect, test } from 'vitest';
import { render, stable } from './render';
import {
  barDomain,
  barSegments,
  decompositionChart,
  densityChart,
  type DecompositionTerms,
} from '../../src/charts/exact-decomposition';
import { approxTextWidth } from '../../src/charts/frame';
import {
  expectedLogLikelihood,
  klToPosterior,
  klToPrior,
  logEvidence,
  exactPosterior,
  type Gaussian1D,
  type LinearGaussian,
} from '../../src/core/toys/linear-gaussian';
import { densityCurves } from '../../src/core/toys/marginal-likelihood-study';

const model: LinearGaussian = { w: 2, b: 1, s: 0.5 };
const x = 3;

/** The SVG's markup with every decimal number rounded to one place, so float noise does not break snapshots. */

/** The identity's terms as costs for q at x = 3. */
function termsFor(q: Gaussian1D): DecompositionTerms {
  return {
    reconstructionCost: -expectedLogLikelihood(model, x, q),
    klPrior: klToPrior(q),
    negEvidence: -logEvidence(model, x),
    gap: klToPosterior(model, x, q),
  };
}
const defaultTerms = termsFor({ mean: 0.5, variance: 0.25 });
const format = (v: number) => v.toFixed(3);
const barLabels = {
  axis: 'nats →',
  rowElbo: '−ELBO = reconstruction + KL to prior',
  rowEvidence: '−ELBO = −log p(x) + gap',
  rule: '−log p(x)',
  parts: { reconstruction: 'reconstruction', klPrior: 'KL to prior', evidence: '−log p(x)', gap: 'gap' },
};
const barsOptions = (width: number) => ({
  width,
  labels: barLabels,
  format,
  ariaLabel: 'Bars',
  ariaDescription: 'Two bars',
});

describe('barSegments(terms)', () => {
  test('both bars end at −ELBO: reconstruction cost + KL(q‖p(z)) = −log p(x) + gap to 1e-9', () => {
    const [recon, kl, evidence, gap] = barSegments(defaultTerms);
    expect(Math.abs(kl!.x2 - gap!.x2)).toBeLessThan(1e-9);
    expect(recon!.x1).toBe(0);
    expect(evidence!.x2).toBe(defaultTerms.negEvidence);
    expect(gap!.x1).toBe(evidence!.x2);
    expect(kl!.x1).toBe(recon!.x2);
  });
});

describe('barDomain(terms)', () => {
  test.each([
    // at the posterior the bars end on the line, which sits at half the axis
    [2, 'posterior', termsFor(exactPosterior(model, x))],
    // the default q: −ELBO = 4.67 ≈ 2.2 × 2.113 → the axis is 4 × −log p(x)
    [4, 'default q', defaultTerms],
    // the prior as q: −ELBO = 16.2 → 8 ×
    [8, 'prior', termsFor({ mean: 0, variance: 1 })],
  ])('is [0, −log p(x) · %i] for q = the %s', (factor, _label, terms) => {
    const [lo, hi] = barDomain(terms);
    expect(lo).toBe(0);
    expect(hi / terms.negEvidence).toBeCloseTo(factor, 12);
    expect(hi).toBeGreaterThanOrEqual(terms.negEvidence + terms.gap);
  });
  test('falls back to the bars’ extent when −log p(x) ≤ 0', () => {
    const [lo, hi] = barDomain({ reconstructionCost: -1, klPrior: 0.5, negEvidence: -0.8, gap: 0.3 });
    expect(lo).toBeCloseTo(-1.05, 12);
    expect(hi).toBeGreaterThan(0);
  });
});

describe('approxTextWidth(text)', () => {
  test('counts CJK characters about twice as wide as Latin ones', () => {
    expect(approxTextWidth('gap')).toBeCloseTo(19.8, 9);
    expect(approxTextWidth('间隙')).toBe(24);
  });
});

describe('decompositionChart(terms, options)', () => {
  const svg = render(decompositionChart(defaultTerms, barsOptions(640)));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/exact-decomposition-bars.svg');
  });
  test('draws the two bars the same length, and the −log p(x) line where the bottom bar’s first part ends', () => {
    const plot = render(decompositionChart(defaultTerms, barsOptions(640)));
    const xScale = plot.scale('x')!;
    const rects = [...plot.querySelectorAll('g[aria-label="rect"] rect')];
    expect(rects.length).toBe(4);
    const right = (r: Element) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'));
    expect(Math.abs(right(rects[1]!) - right(rects[3]!))).toBeLessThan(0.01);
    const rule = plot.querySelector('g[aria-label="rule"] line');
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(xScale.apply(defaultTerms.negEvidence) as number, 6);
    expect(right(rects[2]!)).toBeCloseTo(xScale.apply(defaultTerms.negEvidence) as number, 6);
  });
  test('names a part on the bar when the name fits, shows only the value when only that fits, and nothing otherwise', () => {
    const texts = (width: number) =>
      [
        ...render(decompositionChart(defaultTerms, barsOptions(width))).querySelectorAll('g[aria-label="text"] text'),
      ].map((t) => t.textContent);
    expect(texts(640)).toContain(`gap ${format(defaultTerms.gap)}`);
    const narrow = texts(220);
    expect(narrow).not.toContain(`gap ${format(defaultTerms.gap)}`);
    expect(narrow).toContain(format(defaultTerms.gap));
    // At the posterior the gap has no width, so it gets no label at all.
    const atPosterior = termsFor(exactPosterior(model, x));
    const posteriorTexts = [
      ...render(decompositionChart(atPosterior, barsOptions(640))).querySelectorAll('g[aria-label="text"] text'),
    ].map((t) => t.textContent ?? '');
    expect(posteriorTexts.some((t) => t.startsWith('gap'))).toBe(false);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe('Bars');
    expect(svg.getAttribute('aria-description')).toBe('Two bars');
  });
});

describe('densityChart(curves, options)', () => {
  const labels = { z: 'z', density: 'density', prior: 'p(z)', posterior: 'p(z|x)', q: 'q(z)' };
  const options = { width: 640, labels, ariaLabel: 'Densities', ariaDescription: 'Prior, posterior and q' };
  const q = { mean: 0.5, variance: 0.25 };

  test('matches its snapshot', async () => {
    await expect(stable(render(densityChart(densityCurves(model, x, q, 61), options)))).toMatchFileSnapshot(
      '__snapshots__/exact-decomposition-density.svg',
    );
  });
  test('draws three curves, the shaded posterior and labels for each', () => {
    const plot = render(densityChart(densityCurves(model, x, q, 61), options));
    expect(plot.querySelectorAll('g[aria-label="line"] path').length).toBe(3);
    expect(plot.querySelectorAll('g[aria-label="area"] path').length).toBe(1);
    expect([...plot.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent)).toEqual([
      'p(z)',
      'p(z|x)',
      'q(z)',
    ]);
  });
  test('cuts off a q much narrower than the posterior at the top instead of squashing the other curves, and says so', () => {
    const narrow = { mean: 1, variance: 0.02 ** 2 };
    const plot = render(densityChart(densityCurves(model, x, narrow, 2001), options));
    const yDomain = plot.scale('y')!.domain as number[];
    const posteriorPeak = 1 / Math.sqrt(2 * Math.PI * exactPosterior(model, x).variance);
    expect(yDomain[1]).toBeLessThan(3 * posteriorPeak);
    expect([...plot.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent)).toContain('q(z) ↑');
  });
});
