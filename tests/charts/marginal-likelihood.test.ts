/** Snapshot tests for the marginal-likelihood charts: rendered to SVG with jsdom, numbers rounded so snapshots are stable. */
import { describe, expect, test } from 'vitest';
import { document, render, stable } from './render';
import * as Plot from '@observablehq/plot';
import {
  convergenceChart,
  densityChart,
  type DrawnSample,
  type TracePoint,
} from '../../src/charts/marginal-likelihood';
import { jitter, spreadChart } from '../../src/charts/marginal-likelihood-spread';
import { formatTick, niceTicks } from '../../src/charts/ticks';
import {
  STANDARD_PRIOR,
  densityCurves,
  logSpacedCounts,
  relativeStd,
  repeatEstimates,
  sampleRun,
  spread,
} from '../../src/core/toys/marginal-likelihood-study';
import { logEvidence, type LinearGaussian } from '../../src/core/toys/linear-gaussian';
import { createRng } from '../../src/core/random';

const model: LinearGaussian = { w: 2, b: 1, s: 0.5 };
const x = 3;
const q = { mean: 0.5, variance: 0.25 };
const exact = Math.exp(logEvidence(model, x));

/** The SVG's markup with every decimal number rounded to one place, so float noise does not break snapshots. */

function samples(method: 'prior' | 'proposal', count: number): DrawnSample[] {
  const run = sampleRun(
    model,
    x,
    method === 'prior' ? STANDARD_PRIOR : q,
    count,
    createRng(1, method === 'prior' ? 0 : 1),
    { keep: count },
  );
  const max = Math.max(...run.logWeights);
  return Array.from(run.samples, (z, i) => ({
    method,
    z,
    relativeWeight: Math.exp((run.logWeights[i] as number) - max),
  }));
}

const densityLabels = {
  z: 'z',
  density: 'density',
  prior: 'p(z)',
  proposal: 'q(z)',
  posterior: 'p(z|x)',
  priorSamples: 'from p(z)',
  proposalSamples: 'from q',
};

describe('densityChart(data, options)', () => {
  const drawn = [...samples('prior', 30), ...samples('proposal', 30)];
  const svg = render(
    densityChart(
      { curves: densityCurves(model, x, q, 61), samples: drawn },
      { width: 640, labels: densityLabels, ariaLabel: 'Densities', ariaDescription: 'Prior, q and posterior' },
    ),
  );

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/marginal-likelihood-density.svg');
  });
  test('draws one tick per drawn sample (plus the zero rule), fading ticks by weight', () => {
    const lines = [...svg.querySelectorAll('g[aria-label="rule"] line')];
    expect(lines.length).toBe(drawn.length + 1);
    const opacities = lines
      .map((l) => l.getAttribute('stroke-opacity'))
      .filter((o) => o !== null)
      .map(Number);
    expect(Math.max(...opacities)).toBeCloseTo(1, 9);
    expect(Math.min(...opacities)).toBeLessThan(0.5);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe('Densities');
    expect(svg.getAttribute('aria-description')).toBe('Prior, q and posterior');
  });
});

describe('convergenceChart(data, options)', () => {
  const counts = logSpacedCounts(1000, 5);
  const trace = (method: 'prior' | 'proposal'): TracePoint[] => {
    const proposal = method === 'prior' ? STANDARD_PRIOR : q;
    const run = sampleRun(model, x, proposal, 1000, createRng(2, method === 'prior' ? 0 : 1), { checkpoints: counts });
    return run.trace.counts.map((count, i) => {
      const sd = exact * relativeStd(model, x, proposal, count);
      return {
        method,
        count,
        estimate: Math.exp(run.trace.logEstimates[i] as number),
        lower: Math.max(0, exact - 2 * sd),
        upper: exact + 2 * sd,
      };
    });
  };
  const points = [...trace('prior'), ...trace('proposal')];
  const labels = { count: 'samples N', estimate: 'estimate', exact: 'exact p(x)', prior: 'prior', proposal: 'q' };
  const svg = render(
    convergenceChart(
      { exact, points },
      { width: 640, labels, ariaLabel: 'Convergence', ariaDescription: 'Running estimates' },
    ),
  );

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/marginal-likelihood-convergence.svg');
  });
  test('each line has one vertex per recorded count', () => {
    const paths = [...svg.querySelectorAll('g[aria-label="line"] path')];
    expect(paths.length).toBe(2);
    for (const path of paths)
      expect((path.getAttribute('d') ?? '').split(/[ML]/).filter(Boolean).length).toBe(counts.length);
  });
  test('puts the exact value where the rule is: its y matches the y scale at p(x)', () => {
    const plot = Plot.plot({
      ...convergenceChart({ exact, points }, { width: 640, labels, ariaLabel: '', ariaDescription: '' }),
      document,
    });
    const rule = plot.querySelector('g[aria-label="rule"] line');
    expect(Number(rule?.getAttribute('y1'))).toBeCloseTo(plot.scale('y')!.apply(exact) as number, 6);
  });
});

describe('spreadChart(data, options)', () => {
  const rows = (['prior', 'proposal'] as const).map((method, r) => {
    const estimates = Array.from(
      repeatEstimates(model, x, method === 'prior' ? STANDARD_PRIOR : q, 20, 40, createRng(3, r)),
      Math.exp,
    );
    return { method, label: method === 'prior' ? 'from the prior' : 'from q', estimates, ...spread(estimates) };
  });
  const svg = render(
    spreadChart(
      { exact, rows },
      {
        width: 640,
        labels: { estimate: 'estimate', exact: 'exact' },
        ariaLabel: 'Spread',
        ariaDescription: 'Repeated estimates',
      },
    ),
  );

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/marginal-likelihood-spread.svg');
  });
  test('puts the strip labels on the side away from the exact value', () => {
    const labelAnchor = (exactAt: number) => {
      const shifted = rows.map((r) => ({ ...r, estimates: r.estimates.map((e) => e + exactAt - exact) }));
      const plot = render(
        spreadChart(
          { exact, rows: shifted },
          { width: 640, labels: { estimate: 'estimate', exact: 'exact' }, ariaLabel: '', ariaDescription: '' },
        ),
      );
      return (
        [...plot.querySelectorAll('g[aria-label="text"] text')]
          .find((t) => t.textContent === 'exact')
          ?.closest('g')
          ?.getAttribute('text-anchor') ?? 'start'
      );
    };
    // Estimates shifted right of p(x): the rule is on the left, its label reads rightwards; shifted left: the other way.
    expect(labelAnchor(exact + 0.05)).toBe('start');
    expect(labelAnchor(exact - 0.05)).toBe('end');
  });
  test('draws one dot per repeated estimate and one 90% bar per sampler', () => {
    expect(svg.querySelectorAll('g[aria-label="dot"] path, g[aria-label="dot"] circle').length).toBe(80);
    expect(svg.querySelectorAll('g[aria-label="link"] path').length).toBe(2);
  });
});

describe('helpers', () => {
  test.each([
    [0, 0.4, 4, [0, 0.1, 0.2, 0.3, 0.4]],
    [0, 1.7, 4, [0, 0.5, 1, 1.5]],
    [0, 3e-6, 3, [0, 1e-6, 2e-6, 3e-6]],
  ] as const)('niceTicks(%s, %s, %s) is %o', (lo, hi, count, expected) => {
    const ticks = niceTicks(lo, hi, count);
    expect(ticks.length).toBe(expected.length);
    ticks.forEach((t, i) => expect(t).toBeCloseTo(expected[i] as number, 12));
  });
  test('formatTick writes 3 significant digits, m×10⁻ⁿ below 10⁻³', () => {
    expect(formatTick(0.120876)).toBe('0.121');
    expect(formatTick(0)).toBe('0');
    expect(formatTick(1.5e-6)).toBe('1.5×10⁻⁶');
    expect(formatTick(2.5e-4)).toBe('2.5×10⁻⁴');
  });
  test.each([
    [0, '0'],
    [0.12345, '0.123'],
    [250, '250'],
    [0.00042, '4.2×10⁻⁴'],
    [-1.5e-7, '-1.5×10⁻⁷'],
    [123456, '1.23×10⁵'],
  ])('formatTick(%d) = "%s"', (value, text) => {
    expect(formatTick(value)).toBe(text);
  });
  test('jitter(i) stays in [0, 1) and spreads out', () => {
    const values = Array.from({ length: 100 }, (_, i) => jitter(i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values.map((v) => Math.floor(v * 10))).size).toBe(10);
  });
});
