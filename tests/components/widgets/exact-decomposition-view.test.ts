/** What the exact-decomposition widget writes: the readout, the fit's status and its two charts as data. */
import { describe, expect, test } from 'vitest';
import { EXACT_DECOMPOSITION_STRINGS } from '../../../src/i18n/widgets/exact-decomposition';
import { DEFAULTS, posteriorSettings, readout } from '../../../src/components/widgets/exact-decomposition-state';
import {
  READOUT_ROWS,
  barsView,
  curvesOf,
  densityView,
  fitStatus,
  readoutView,
  termsOf,
} from '../../../src/components/widgets/exact-decomposition-view';

const s = EXACT_DECOMPOSITION_STRINGS.en;

describe('termsOf(settings) and curvesOf(settings)', () => {
  test('the two bars have the same length: reconstruction cost + KL = −log p(x) + gap', () => {
    const t = termsOf(DEFAULTS);
    expect(Math.abs(t.reconstructionCost + t.klPrior - (t.negEvidence + t.gap))).toBeLessThan(1e-12);
  });
  test('a narrow q gets a finer density grid', () => {
    expect(curvesOf({ ...DEFAULTS, qStd: 0.01 }).length).toBeGreaterThan(curvesOf(DEFAULTS).length);
  });
});

describe('readoutView(s, settings)', () => {
  test('fills every row, shows the identity error in m × 10ⁿ and a zero gap at the posterior', () => {
    const view = readoutView(s, DEFAULTS);
    expect(Object.keys(view.cells)).toEqual([...READOUT_ROWS]);
    expect(view.cells.evidence).toBe(view.cells.sum);
    expect(view.cells.error === '0' || view.cells.error.includes('× 10')).toBe(true);
    expect(readoutView(s, posteriorSettings(DEFAULTS)).cells.gap).toBe('0');
    expect(view.announcement).toContain(view.cells.elbo);
  });
});

describe('fitStatus(s, phase, point)', () => {
  const point = { step: 120, mean: 0.9, std: 0.25, gap: 0.0123, elbo: -2.2 };
  test('counts steps while fitting, names the end, and clears on cancel', () => {
    expect(fitStatus(s, 'fitting', point)).toContain('120');
    expect(fitStatus(s, 'done', point)).toContain('0.0123');
    expect(fitStatus(s, 'stopped', point)).toContain('120');
    expect(fitStatus(s, 'cancelled', point)).toBe('');
  });
});

describe('barsView and densityView', () => {
  test('describe the numbers they draw and label the charts', () => {
    const bars = barsView(s, DEFAULTS, 500);
    expect(bars.spec.ariaLabel).toBe(s.barsAria);
    expect(bars.description).toContain(readoutView(s, DEFAULTS).cells.gap);
    const density = densityView(s, DEFAULTS, 500);
    expect(density.spec.ariaDescription).toBe(density.description);
    expect(density.description).toContain(String(Number(readout(DEFAULTS).posterior.mean.toPrecision(4))));
  });
});
