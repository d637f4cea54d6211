/** What the prior-samples widget shows of a measurement (src/components/widgets/prior-samples-view.ts). */
import { describe, expect, test } from 'vitest';
import { PRIOR_SAMPLES_STRINGS } from '../../../src/i18n/widgets/prior-samples';
import { PRETRAINED_STRINGS } from '../../../src/i18n/widgets/pretrained';
import {
  PRIOR_SAMPLES_PLAN as PLAN,
  SAMPLE_COUNT,
  summarize,
  type BoundValues,
} from '../../../src/components/widgets/pretrained-bounds';
import {
  announcement,
  chartTitle,
  comparisonTable,
  comparisonView,
  formatPower,
  samplesText,
  statsView,
} from '../../../src/components/widgets/prior-samples-view';

const s = PRIOR_SAMPLES_STRINGS.en;
const p = PRETRAINED_STRINGS.en;
const BOUND = PLAN.ladder[0]!;
/** Both series measured: their repeats alternate `mean − 0.1` and `mean + 0.1`. */
const values = (elbo: number, bound: number): BoundValues =>
  new Map([
    [PLAN.elbo.key, Array.from({ length: PLAN.elbo.repeats }, (_, i) => elbo + (i % 2 ? 0.1 : -0.1))],
    [BOUND.key, Array.from({ length: BOUND.repeats }, (_, i) => bound + (i % 2 ? 0.1 : -0.1))],
  ]);
const done = summarize(PLAN, values(-100, -92));
const empty = summarize(PLAN, new Map());

describe('formatPower(logProbability)', () => {
  test.each([
    // e^(−100) = 3.72 × 10⁻⁴⁴
    [-100, '3.7 × 10⁻⁴⁴'],
    // e^0 = 1
    [0, '1.0 × 10⁰'],
  ])('formatPower(%d) = %s', (log, text) => {
    expect(formatPower(log)).toBe(text);
  });
});

describe('statsView(s, p, measured)', () => {
  test('pending while measuring, “—” after a failure, no per-pixel line before 𝓛₅₀₀', () => {
    const measuring = statsView(s, p, { image: 4, inputSize: 784, summary: empty, computing: true });
    expect(measuring.caption).toBe(s.tableCaption.replace('{image}', '4'));
    expect(measuring.cells).toEqual({ [BOUND.key]: p.pending, [PLAN.elbo.key]: p.pending, gap: p.pending });
    expect(measuring.perPixel).toBe('');
    expect(
      new Set(Object.values(statsView(s, p, { image: 4, inputSize: 784, summary: empty, computing: false }).cells)),
    ).toEqual(new Set(['—']));
  });
  test('once done: 𝓛₅₀₀, the ELBO and the gap with errors; p(x) as a power of ten and bits per pixel', () => {
    const view = statsView(s, p, { image: 0, inputSize: 784, summary: done, computing: false });
    expect(view.cells[BOUND.key]).toMatch(/^−92\.0 ± /);
    expect(view.cells[PLAN.elbo.key]).toMatch(/^−100\.0 ± /);
    expect(view.perPixel).toContain(formatPower(-92));
    // 92 nats over 784 pixels: 92 / (784 ln 2) bits each
    expect(view.perPixel).toContain((92 / (784 * Math.LN2)).toFixed(3));
  });
});

describe('comparisonView, comparisonTable, samplesText and announcement', () => {
  test('no chart until both estimates and the gap are known; then a description that is also its aria-description', () => {
    expect(comparisonView(s, empty, 640)).toBeNull();
    const view = comparisonView(s, done, 500)!;
    expect(view.description).toContain('−92.0');
    expect(view.spec.ariaDescription).toBe(view.description);
    expect(view.spec.width).toBe(500);
  });
  test('the table: the ELBO and 𝓛₅₀₀ with mean, error and “repeats × K”, titled by the image', () => {
    const table = comparisonTable(s, p, 3, done);
    expect(table.caption).toBe(chartTitle(s, 3));
    expect(table.rows.map((row) => [row[1], row[3]])).toEqual([
      ['−100.0', `${PLAN.elbo.repeats} × ${PLAN.elbo.k}`],
      ['−92.0', `${BOUND.repeats} × ${BOUND.k}`],
    ]);
    expect(comparisonTable(s, p, 3, empty).rows[0]!.slice(1, 3)).toEqual([p.pending, p.pending]);
  });
  test('the samples are named by their count and set; the announcement by the image and both estimates', () => {
    expect(samplesText(s, 2).caption).toContain(String(SAMPLE_COUNT));
    expect(samplesText(s, 2).aria).not.toBe(samplesText(s, 1).aria);
    for (const text of ['−92.0', '−100.0']) expect(announcement(s, done, 5)).toContain(text);
  });
});
