/** What the marginal-likelihood widget writes: control notes, the statistics table, status, announcement and chart views. */
import { describe, expect, test } from 'vitest';
import { MARGINAL_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/marginal-likelihood';
import { DEFAULTS, REPEATS, togglePosterior } from '../../../src/components/widgets/marginal-likelihood-state';
import { createEstimates } from '../../../src/components/widgets/marginal-likelihood-estimates';
import {
  STAT_ROWS,
  announcement,
  controlsView,
  exactLine,
  spreadRows,
  statsView,
  statusText,
} from '../../../src/components/widgets/marginal-likelihood-view';
import { convergenceView, densityView, spreadView } from '../../../src/components/widgets/marginal-likelihood-plots';

const s = MARGINAL_LIKELIHOOD_STRINGS.en;
const SMALL = { ...DEFAULTS, n: 20 };
const finished = () => {
  const estimates = createEstimates(SMALL);
  while (estimates.stepRepeat());
  return estimates;
};

describe('controlsView(s, settings) and exactLine(s, settings)', () => {
  test('names the posterior, and warns only when q is narrower than √(v/2)', () => {
    const view = controlsView(s, DEFAULTS);
    expect(view).toEqual({
      pressed: false,
      posteriorNote: 'The exact posterior for this x is p(z|x) = N(0.9412, 0.2425²).',
      warning: '',
    });
    expect(controlsView(s, togglePosterior(DEFAULTS)).posteriorNote).toBe(
      'q is the exact posterior p(z|x) = N(0.9412, 0.2425²) and follows x.',
    );
    expect(controlsView(s, { ...DEFAULTS, qStd: 0.1 }).warning).toContain('√(v/2) = 0.1715');
  });
  test('exactLine prints p(x) and its log at x', () => {
    expect(exactLine(s, DEFAULTS)).toBe('Exact value at x = 3: p(x) = 0.1209 (log p(x) = \u22122.113).');
  });
});

describe('statsView(s, lang, estimates)', () => {
  test('shows the runs and closed forms at once and "computing…" where repeats are missing', () => {
    const view = statsView(s, 'en', createEstimates(SMALL));
    expect(view.caption).toBe(`Estimates of p(x) at x = 3 with N = 20 samples; spread over ${REPEATS} repeats`);
    expect(view.exact).toBe('0.1209');
    expect(Object.keys(view.cells)).toEqual([...STAT_ROWS]);
    for (const row of ['mean', 'sd', 'band'] as const)
      expect(view.cells[row]).toEqual({ prior: s.pending, proposal: s.pending });
    expect(view.cells.run.prior).toMatch(/^\d/);
  });
  test('fills the spread rows once the repeats are done; an infinite-variance q says so', () => {
    const view = statsView(s, 'en', finished());
    expect(view.cells.band.prior).toMatch(/^[\d.]+ to [\d.]+$/);
    const narrow = createEstimates({ ...SMALL, qMean: 0.94, qStd: 0.1 });
    expect(statsView(s, 'en', narrow).cells.sdTheory.proposal).toBe(s.infinite);
    expect(statsView(s, 'en', narrow).cells.essTheory.proposal).toBe('—');
  });
});

describe('statusText, announcement and spreadRows', () => {
  test('statusText counts percent while computing, then says what was computed', () => {
    expect(statusText(s, 'en', DEFAULTS, 0.256)).toBe(
      `Computing ${REPEATS} repeats × 100 samples for each sampler… 25%`,
    );
    expect(statusText(s, 'en', DEFAULTS, 1)).toBe(`${REPEATS} repeats × 100 samples for each sampler.`);
  });
  test('announcement names the exact value and both samplers’ means', () => {
    const text = announcement(s, 'en', finished());
    expect(text).toContain('0.1209');
    expect(text).not.toContain('—');
  });
  test('spreadRows is null until both samplers are done, then one row each with REPEATS estimates', () => {
    expect(spreadRows(s, createEstimates(SMALL))).toBeNull();
    const rows = spreadRows(s, finished())!;
    expect(rows.map((r) => [r.method, r.label, r.estimates.length])).toEqual([
      ['prior', s.stripPrior, REPEATS],
      ['proposal', s.stripProposal, REPEATS],
    ]);
  });
});

describe('chart views (description + Plot spec)', () => {
  test('densityView describes q and the posterior and labels the chart', () => {
    const view = densityView(s, createEstimates(SMALL), 640);
    expect(view.description).toContain('0.9412');
    expect(view.spec.ariaLabel).toBe(s.densityAria);
    expect(view.spec.ariaDescription).toBe(view.description);
    expect(view.spec.width).toBe(640);
  });
  test('convergenceView ends its description at both final estimates', () => {
    const estimates = createEstimates(SMALL);
    const view = convergenceView(s, 'en', estimates, 400);
    expect(view.spec.ariaLabel).toBe(s.convergenceAria);
    expect(view.description).toContain('0.1209');
  });
  test('spreadView waits for the repeats', () => {
    expect(spreadView(s, 'en', createEstimates(SMALL), 400)).toBeNull();
    expect(spreadView(s, 'en', finished(), 400)?.spec.ariaLabel).toBe(s.spreadAria);
  });
});
