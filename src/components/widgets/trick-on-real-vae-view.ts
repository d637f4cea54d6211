/**
 * What the race widget draws from its runs: the readout table (one column per run), the headline gap, the chart with
 * its description (as a chart view), and the chart's "show as table" alternative. Pure functions of the runs' histories,
 * plus the readout's cell writes.
 */
import { fill, type TrickOnRealVaeStrings } from '../../i18n/widgets/trick-on-real-vae';
import { ZOOM_FROM_STEP, raceChart } from '../../charts/trick-race';
import { formatNats } from './lab/numbers';
import type { HeldOutPoint, LossPoint } from './lab/history';
import {
  RACE_BUDGET,
  RACE_CONFIG,
  ROUND_STEPS,
  RUN_KEYS,
  gapAtCommonStep,
  type RunKey,
} from './trick-on-real-vae-state';
import { buildTable } from './kit';
import type { ChartView } from './chart-view';

/** What the view reads of a run. */
export interface RunView {
  readonly key: RunKey;
  readonly step: number;
  readonly msPerStep: number | null;
  readonly heldOut: readonly HeldOutPoint[];
  readonly batch: readonly LossPoint[];
}

/** A run's full name (table headers, messages) and short name (legend, announcements). */
export function runNames(s: TrickOnRealVaeStrings): { long: Record<RunKey, string>; short: Record<RunKey, string> } {
  return {
    long: { pathwise: s.runPathwise, scoreBaseline: s.runScoreBaseline, score: s.runScore },
    short: { pathwise: s.shortPathwise, scoreBaseline: s.shortScoreBaseline, score: s.shortScore },
  };
}

/** Shows or hides everything that belongs to run `key` (readout column, legend entry). */
export function showRun(figure: HTMLElement, key: RunKey, visible: boolean): void {
  const selector = `[data-part="readout"] [data-run="${key}"], [data-part="legend"] li[data-run="${key}"]`;
  for (const element of figure.querySelectorAll<HTMLElement>(selector)) element.hidden = !visible;
}

/** Fills the readout: steps, latest held-out −ELBO, reconstruction and KL, latest batch −ELBO and time per step. */
export function drawReadout(table: HTMLTableElement, runs: readonly RunView[]): void {
  for (const run of runs) {
    const heldOut = run.heldOut.at(-1);
    const batch = run.batch.at(-1);
    const values: Record<string, string> = {
      step: String(run.step),
      negElbo: formatNats(heldOut?.negElbo),
      reconstruction: formatNats(heldOut?.reconstruction),
      kl: formatNats(heldOut?.kl),
      batch: formatNats(batch?.negElbo),
      speed: run.msPerStep === null ? '—' : run.msPerStep.toFixed(run.msPerStep < 10 ? 1 : 0),
    };
    for (const [stat, text] of Object.entries(values)) {
      const cell = table.querySelector(`tr[data-stat="${stat}"] td[data-run="${run.key}"]`);
      if (cell && cell.textContent !== text) cell.textContent = text;
    }
  }
}

/** The headline: the two runs' held-out −ELBO at the latest step both were evaluated at, and the gap between them. */
export function summaryText(s: TrickOnRealVaeStrings, runs: readonly RunView[]): string {
  const pathwise = runs.find((run) => run.key === 'pathwise');
  const other = runs.find((run) => run.key === 'scoreBaseline');
  if (!pathwise || !other) return '';
  const common = gapAtCommonStep(pathwise.heldOut, other.heldOut);
  if (!common) return '';
  const at = (run: RunView) => formatNats(run.heldOut.find((p) => p.step === common.step)?.negElbo);
  if (common.step === 0) return fill(s.summaryStart, { value: at(pathwise) });
  const values = {
    step: common.step,
    gap: formatNats(Math.abs(common.gap)),
    pathwise: at(pathwise),
    scoreBaseline: at(other),
  };
  return fill(common.gap >= 0 ? s.summaryAhead : s.summaryBehind, values);
}

/** "pathwise 195.5 nats, score + baseline 213.3 nats": each run's latest held-out −ELBO, for announcements. */
export function latestValues(s: TrickOnRealVaeStrings, runs: readonly RunView[]): string {
  const { short } = runNames(s);
  return runs
    .filter((run) => run.heldOut.length > 0)
    .map((run) => fill(s.announceValue, { run: short[run.key], value: formatNats(run.heldOut.at(-1)?.negElbo) }))
    .join(s.listSeparator);
}

/** The chart as data: its description (the latest held-out values, or a note while there are none) and its Plot spec. */
export function raceChartView(s: TrickOnRealVaeStrings, runs: readonly RunView[], width: number): ChartView {
  const { short } = runNames(s);
  const latest = runs
    .filter((run) => run.heldOut.length > 0)
    .map((run) => {
      const point = run.heldOut.at(-1)!;
      return fill(s.chartLatest, { run: short[run.key], value: formatNats(point.negElbo), step: point.step });
    })
    .join(' ');
  const start = runs[0]?.heldOut.find((p) => p.step === 0)?.negElbo;
  const description = fill(s.chartDescription, {
    count: RACE_CONFIG.evalSize,
    every: RACE_CONFIG.evalEvery,
    round: ROUND_STEPS,
    start: formatNats(start),
    zoom: ZOOM_FROM_STEP,
    latest: latest || s.chartEmpty,
  });
  const spec = raceChart(
    { runs: runs.map(({ key, heldOut, batch }) => ({ key, heldOut, batch })), budget: RACE_BUDGET },
    {
      width,
      labels: { step: s.axisStep, nats: s.axisNats, start: s.chartStart },
      ariaLabel: s.chartAria,
      ariaDescription: description,
    },
  );
  return { description, spec };
}

/** The chart as a table: one row per evaluation step, one column per shown run by its short name ('—' where it has no value). */
export function raceTable(s: TrickOnRealVaeStrings, runs: readonly RunView[]): HTMLTableElement {
  const { short } = runNames(s);
  const ordered = RUN_KEYS.map((key) => runs.find((run) => run.key === key)).filter(
    (run): run is RunView => run !== undefined,
  );
  const steps = [...new Set(ordered.flatMap((run) => run.heldOut.map((p) => p.step)))].sort((a, b) => a - b);
  const byStep = ordered.map((run) => new Map(run.heldOut.map((p) => [p.step, p.negElbo])));
  const rows = steps.map((step) => [String(step), ...byStep.map((values) => formatNats(values.get(step)))]);
  const table = buildTable(s.tableCaption, [s.tableStep, ...ordered.map((run) => short[run.key])], rows);
  for (const [i, row] of [...table.tBodies[0]!.rows].entries()) row.dataset['step'] = String(steps[i]);
  ordered.forEach((run, i) => {
    for (const row of table.rows) row.cells[i + 1]?.setAttribute('data-run', run.key);
  });
  return table;
}
