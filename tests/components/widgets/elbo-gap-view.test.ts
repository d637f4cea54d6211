/** What the elbo-gap widget shows of a measurement (src/components/widgets/elbo-gap-view.ts). */
import { describe, expect, test } from 'vitest';
import { ELBO_GAP_STRINGS } from '../../../src/i18n/widgets/elbo-gap';
import { PRETRAINED_STRINGS } from '../../../src/i18n/widgets/pretrained';
import { ELBO_GAP_PLAN as PLAN, summarize, type BoundValues } from '../../../src/components/widgets/pretrained-bounds';
import {
  announcement,
  ladderHead,
  ladderRows,
  ladderView,
  statsView,
} from '../../../src/components/widgets/elbo-gap-view';

const s = ELBO_GAP_STRINGS.en;
const p = PRETRAINED_STRINGS.en;
/** Every series of the plan measured: its repeats alternate `mean − 0.1` and `mean + 0.1`. */
const values = (means: Record<string, number>): BoundValues =>
  new Map(
    [PLAN.elbo, ...PLAN.ladder].map((series) => [
      series.key,
      Array.from({ length: series.repeats }, (_, i) => means[series.key]! + (i % 2 ? 0.1 : -0.1)),
    ]),
  );
const means = Object.fromEntries([PLAN.elbo, ...PLAN.ladder].map((series, i) => [series.key, -100 + 2 * i]));
const done = summarize(PLAN, values(means));
const empty = summarize(PLAN, new Map());

describe('statsView(s, p, measured)', () => {
  test('while measuring: every estimate pending, the gap sentence waits, no climb note', () => {
    const view = statsView(s, p, { image: 7, summary: empty, computing: true });
    expect(view.caption).toBe(s.tableCaption.replace('{image}', '7'));
    expect(Object.keys(view.cells)).toEqual([PLAN.elbo.key, ...PLAN.ladder.map((series) => series.key), 'gap']);
    expect(new Set(Object.values(view.cells))).toEqual(new Set([p.pending]));
    expect(view.gap).not.toContain('{');
    expect(view.climbs).toEqual({ value: null, text: '' });
  });
  test('after a failure nothing is pending: “—” where no value came', () => {
    expect(new Set(Object.values(statsView(s, p, { image: 0, summary: empty, computing: false }).cells))).toEqual(
      new Set(['—']),
    );
  });
  test('once done: estimates with their error, the gap between the top bound and the ELBO, and a climbing ladder', () => {
    const view = statsView(s, p, { image: 0, summary: done, computing: false });
    const top = PLAN.ladder.at(-1)!;
    expect(view.cells[PLAN.elbo.key]).toMatch(/^−100\.0 ± /);
    expect(view.cells[top.key]).toMatch(new RegExp(`^−${100 - 2 * PLAN.ladder.length}\\.0 ± `));
    expect(view.gap).toContain(`≈ ${2 * PLAN.ladder.length} nats`);
    expect(view.climbs).toEqual({ value: true, text: s.climbs });
  });
});

describe('ladderView, ladderRows and announcement', () => {
  test('the chart waits with a pending description, then describes the ELBO, the first and last bound and the gap', () => {
    expect(ladderView(s, { image: 0, summary: empty, computing: true }, 640).description).toBe(s.chartPending);
    const view = ladderView(s, { image: 3, summary: done, computing: false }, 640);
    expect(view.description).toContain('−100.0');
    expect(view.spec.ariaDescription).toBe(view.description);
    expect(view.spec.width).toBe(640);
  });
  test('the table has the ELBO then one row per K, with repeats; pending before the values', () => {
    const rows = ladderRows(s, p, done);
    expect(rows.map((row) => row[0])).toEqual([s.ruleElbo, ...PLAN.ladder.map((series) => String(series.k))]);
    expect(rows[0]).toEqual([s.ruleElbo, '−100.0', expect.any(String), String(PLAN.elbo.repeats)]);
    expect(ladderRows(s, p, empty)[1]!.slice(1, 3)).toEqual([p.pending, p.pending]);
    expect(ladderHead(s).head).toHaveLength(rows[0]!.length);
  });
  test('the announcement names the image, the ELBO, the top bound and the gap', () => {
    const said = announcement(s, done, 3);
    for (const text of [
      'image 3',
      '−100.0',
      `−${100 - 2 * PLAN.ladder.length}.0`,
      `about ${2 * PLAN.ladder.length} nats`,
    ])
      expect(said).toContain(text);
  });
});
