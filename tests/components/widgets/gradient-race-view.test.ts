/** What the gradient-race widget writes: the true gradient, the table (pending until the repeats finish), status, announcement, histograms. */
import { describe, expect, test } from 'vitest';
import { GRADIENT_RACE_STRINGS } from '../../../src/i18n/widgets/gradient-race';
import { ESTIMATORS } from '../../../src/core/toys/gradient-estimator-study';
import { DEFAULTS } from '../../../src/components/widgets/gradient-race-state';
import { createRepeats } from '../../../src/components/widgets/gradient-race-repeats';
import {
  analyticOf,
  announcement,
  histogramView,
  statsView,
  statusText,
  truthOf,
} from '../../../src/components/widgets/gradient-race-view';

const s = GRADIENT_RACE_STRINGS.en;

describe('truthOf and analyticOf', () => {
  test('d/dμ E[z²] = 2μ; the pathwise variance of z² at N = 1 is 4σ², and N samples divide it by N', () => {
    expect(truthOf(DEFAULTS)).toBe(2);
    expect(analyticOf(DEFAULTS, 'pathwise')).toBeCloseTo(1, 12);
    expect(analyticOf({ ...DEFAULTS, n: 10 }, 'pathwise')).toBeCloseTo(0.1, 12);
  });
});

describe('statsView(s, lang, repeats)', () => {
  test('before the repeats finish: the closed forms are there, the empirical cells pending', () => {
    const view = statsView(s, 'en', createRepeats(DEFAULTS));
    expect(view.exact).toContain('2');
    expect(view.caption).toContain('2,000');
    for (const e of ESTIMATORS) {
      expect(view.cells[e].mean).toBe(s.pending);
      expect(view.cells[e].empirical).toBe(s.pending);
      expect(view.cells[e].analytic).not.toBe(s.pending);
    }
    expect(view.noise.length).toBeGreaterThan(20);
  });
  test('after: every cell is a number, and the score estimator’s variance exceeds the pathwise one’s', () => {
    const repeats = createRepeats(DEFAULTS);
    while (repeats.step());
    const view = statsView(s, 'en', repeats);
    const number = (text: string) => Number(text.replace('\u2212', '-'));
    for (const e of ESTIMATORS) expect(Number.isFinite(number(view.cells[e].empirical))).toBe(true);
    expect(number(view.cells.score.empirical)).toBeGreaterThan(number(view.cells.pathwise.empirical));
    expect(announcement(s, 'en', repeats)).toContain(view.cells.score.empirical);
  });
});

describe('statusText and histogramView', () => {
  test('the status counts percent while computing and says done after', () => {
    expect(statusText(s, 'en', DEFAULTS, 0.42)).toContain('42');
    expect(statusText(s, 'en', DEFAULTS, 1)).not.toBe(statusText(s, 'en', DEFAULTS, 0.42));
  });
  test('no histogram until every estimator is complete; then one with its description as the aria description', () => {
    const repeats = createRepeats(DEFAULTS);
    expect(histogramView(s, 'en', repeats, 'pathwise', 400)).toBeNull();
    while (repeats.step());
    const view = histogramView(s, 'en', repeats, 'pathwise', 400)!;
    expect(view.spec.width).toBe(400);
    expect(view.spec.ariaDescription).toBe(view.description);
    expect(view.description).toContain('2,000');
  });
});
