/**
 * The lab's numbers and charts: the readout, the loss curves, the per-dimension KL bars and the rate–distortion plane,
 * each with a "show as table" view. chart-panels.ts builds each chart, chart-schedule.ts says when it redraws; this
 * module keeps the numbers they draw from and wires the worker's events to them.
 */
import { fill } from '../../../i18n/widgets/vae-lab';
import type { EvaluationEvent, LatentsEvent, MetricsEvent } from '../../../worker/protocol';
import type { SweepPoint } from '../../../charts/lab/rate-distortion';
import { bindTableToggle } from '../kit';
import type { LabContext } from './context';
import { MetricHistory, heldOutPoint, lossPoint, type LossPoint } from './history';
import { ACTIVE_UNIT_THRESHOLD } from '../../../core/active-units';
import { HELD_OUT_COUNT } from './lab-constants';
import { formatNats } from './numbers';
import { CHARTS, chartPanel, chartPanels, type ChartKey } from './chart-panels';
import { scheduleCharts } from './chart-schedule';

/** What the client calls when worker events arrive. */
export interface ChartViews {
  onMetrics(event: MetricsEvent): void;
  onEvaluation(event: EvaluationEvent): void;
  onLatents(event: LatentsEvent): void;
  onSweepPoint(point: SweepPoint): void;
  clearSweep(): void;
  clear(): void;
  /** Forgets what was drawn after `step`: training went back there (a non-finite loss undid the steps after it). */
  rewind(step: number): void;
  latest(): LossPoint | null;
  /** The latest KL per latent dimension (empty before the first step or evaluation). */
  klPerDim(): readonly number[];
}

/** The numbers the charts and the readout draw from, as the worker's events leave them. */
interface ChartNumbers {
  readonly history: MetricHistory;
  klPerDim: readonly number[];
  active: readonly boolean[] | null;
  sweep: readonly SweepPoint[];
  heldOut: number | null;
  epoch: number | null;
}

/** Binds each chart's "show as table" button; returns whether a chart's table is open and how to refill it. */
function bindTables(ctx: LabContext, fillTable: (key: ChartKey, region: HTMLElement) => void) {
  const toggles = CHARTS.map((key) => {
    const region = chartPanel(ctx, key).querySelector<HTMLElement>('[data-lab="table"]') as HTMLElement;
    const refill = () => fillTable(key, region);
    const button = chartPanel(ctx, key).querySelector('[data-lab="table-toggle"]') as HTMLButtonElement;
    const toggle = bindTableToggle(button, region, { show: ctx.s.showTable, hide: ctx.s.hideTable }, refill);
    return [key, { isOpen: () => toggle.isOpen(), fillTable: refill }] as const;
  });
  return Object.fromEntries(toggles) as Record<ChartKey, { isOpen(): boolean; fillTable(): void }>;
}

/** Writes the readout's cells (step, epoch, the latest terms, held-out −ELBO, active units). */
function updateReadout(ctx: LabContext, numbers: ChartNumbers): void {
  const { s } = ctx;
  const readout = (metric: string, text: string) => {
    const cell = ctx.figure.querySelector(`[data-metric="${metric}"] dd`);
    if (cell && cell.textContent !== text) cell.textContent = text;
  };
  const { history, epoch, heldOut, active } = numbers;
  const latest = history.latest();
  readout('step', latest ? String(latest.step) : s.none);
  readout('epoch', epoch === null ? s.none : epoch.toFixed(2));
  readout('reconstruction', formatNats(latest?.reconstruction));
  readout('kl', formatNats(latest?.kl));
  readout('negElbo', formatNats(latest?.negElbo));
  readout('objective', formatNats(latest?.objective));
  readout('heldOut', formatNats(heldOut));
  readout('active', active ? `${active.filter(Boolean).length} / ${active.length}` : s.none);
}

/** Builds the readout and the three charts inside the figure. */
export function createChartViews(ctx: LabContext): ChartViews {
  const numbers: ChartNumbers = {
    history: new MetricHistory(),
    klPerDim: [],
    active: null,
    sweep: [],
    heldOut: null,
    epoch: null,
  };
  const { history } = numbers;
  const panels = chartPanels(ctx);
  const tables = bindTables(ctx, (key, region) => region.replaceChildren(panels[key].table(numbers)));
  const request = scheduleCharts(ctx, {
    readout: () => updateReadout(ctx, numbers),
    chart(key) {
      panels[key].draw(numbers);
      if (tables[key].isOpen()) tables[key].fillTable();
    },
  });

  return {
    onMetrics(event) {
      history.push(lossPoint(event.step, event));
      numbers.epoch = event.epoch;
      if (event.heldOut) {
        history.pushHeldOut(heldOutPoint(event.step, event.heldOut));
        numbers.heldOut = -event.heldOut.elbo;
      }
      numbers.klPerDim = Array.from(event.klPerDim);
      request('readout', 'loss', 'kl', 'rd');
    },
    onEvaluation(event) {
      numbers.heldOut = -event.elbo;
      if (numbers.klPerDim.length === 0) numbers.klPerDim = Array.from(event.klPerDim);
      const note = ctx.figure.querySelector('[data-lab="readout-note"]');
      if (note) note.textContent = fill(ctx.s.metricNote, { count: event.count || HELD_OUT_COUNT });
      request('readout', 'kl');
    },
    onLatents(event) {
      numbers.active = Array.from(event.unitVariances, (variance) => variance > ACTIVE_UNIT_THRESHOLD);
      request('readout', 'kl');
    },
    onSweepPoint(point) {
      numbers.sweep = [...numbers.sweep, { beta: point.beta, rate: point.rate, distortion: point.distortion }];
      request('rd');
    },
    clearSweep() {
      numbers.sweep = [];
      request('rd');
    },
    clear() {
      history.clear();
      numbers.klPerDim = [];
      numbers.active = null;
      numbers.heldOut = null;
      numbers.epoch = null;
      request('readout', ...CHARTS);
    },
    rewind(step) {
      history.rewind(step);
      request('readout', ...CHARTS);
    },
    latest: () => history.latest(),
    klPerDim: () => numbers.klPerDim,
  };
}
