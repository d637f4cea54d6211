/**
 * Everything the elbo-gap widget shows of the picked image's measurement, computed from its summary: the statistics
 * cells, the gap and climb sentences, the chart view, the chart's table rows and the announcement. Pure (summary in,
 * strings and specs out); elbo-gap-render.ts puts them into the page.
 */
import { boundLadderChart, type LadderPoint } from '../../charts/elbo-gap';
import { fill, type ElboGapStrings } from '../../i18n/widgets/elbo-gap';
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import { formatNats } from './lab/numbers';
import { ELBO_GAP_PLAN as PLAN, boundName, formatError, formatEstimate, type BoundSummary } from './pretrained-bounds';
import type { ChartView } from './chart-view';

const TOP = PLAN.ladder.at(-1)!;

/** The measurement as the view reads it: the picked image, its summary so far and whether it is still running. */
export interface Measured {
  readonly image: number;
  readonly summary: BoundSummary;
  readonly computing: boolean;
}

/** The statistics table: its caption, each row's estimate by `data-stat` key, the gap sentence and whether 𝓛_K climbs. */
export function statsView(s: ElboGapStrings, p: PretrainedStrings, m: Measured) {
  const { summary } = m;
  const text = (estimate: BoundSummary['elbo']) =>
    estimate ? formatEstimate(estimate) : m.computing ? p.pending : '—';
  const cells: Record<string, string> = { [PLAN.elbo.key]: text(summary.elbo) };
  PLAN.ladder.forEach((series, i) => (cells[series.key] = text(summary.ladder[i]?.estimate ?? null)));
  cells['gap'] = text(summary.gap);
  const name = boundName(TOP.k);
  return {
    caption: fill(s.tableCaption, { image: m.image }),
    cells,
    gap: summary.gap ? fill(s.gapSentence, { name, gap: formatNats(summary.gap.mean) }) : fill(s.gapPending, { name }),
    climbs: { value: summary.climbs, text: summary.climbs === null ? '' : summary.climbs ? s.climbs : s.falls },
  };
}

/** The ladder chart: 𝓛_K with error bars per K, the ELBO as a rule and the gap bracket, and its description. */
export function ladderView(s: ElboGapStrings, m: Measured, width: number): ChartView {
  const { summary } = m;
  const points: LadderPoint[] = summary.ladder.flatMap((rung) =>
    rung.estimate ? [{ k: rung.k, mean: rung.estimate.mean, standardError: rung.estimate.standardError }] : [],
  );
  const first = summary.ladder[0]?.estimate;
  const last = summary.ladder.at(-1)?.estimate;
  const description =
    summary.elbo && first && last && summary.gap
      ? fill(s.chartDescription, {
          image: m.image,
          elbo: formatEstimate(summary.elbo),
          first: formatEstimate(first),
          last: formatEstimate(last),
          gap: formatNats(summary.gap.mean),
        })
      : s.chartPending;
  const spec = boundLadderChart(
    { points, elbo: summary.elbo, ks: PLAN.ladder.map((series) => series.k) },
    {
      width,
      labels: { k: s.axisK, nats: s.axisNats, elbo: s.ruleElbo, gap: s.bracketGap },
      ariaLabel: s.chartAria,
      ariaDescription: description,
    },
  );
  return { description, spec };
}

/** The chart as table rows: the ELBO then each K, with mean, standard error and repeats (pending where not yet known). */
export function ladderRows(s: ElboGapStrings, p: PretrainedStrings, summary: BoundSummary): string[][] {
  return [PLAN.elbo, ...PLAN.ladder].map((series, i) => {
    const estimate = i === 0 ? summary.elbo : (summary.ladder[i - 1]?.estimate ?? null);
    const name = i === 0 ? s.ruleElbo : String(series.k);
    return [
      name,
      estimate ? formatNats(estimate.mean) : p.pending,
      estimate ? formatError(estimate.standardError) : p.pending,
      String(series.repeats),
    ];
  });
}

/** The table's caption and column heads. */
export const ladderHead = (s: ElboGapStrings) => ({
  caption: s.chartTitle,
  head: [s.tableK, s.tableMean, s.tableSe, s.tableRepeats],
});

/** What a screen reader hears once the image is measured: the ELBO, the top bound and the gap. */
export function announcement(s: ElboGapStrings, final: BoundSummary, image: number): string {
  const bound = final.ladder.at(-1)?.estimate;
  return fill(s.announce, {
    image,
    elbo: formatNats(final.elbo?.mean),
    bound: formatNats(bound?.mean),
    gap: formatNats(final.gap?.mean),
  });
}
