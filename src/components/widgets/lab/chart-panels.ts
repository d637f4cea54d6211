/**
 * One builder per lab chart (loss curves, KL bars, rate–distortion plane): each draws its chart with its description,
 * and builds its "show as table" view, from the numbers chart-views.ts keeps. No scheduling here.
 */
import * as Plot from '@observablehq/plot';
import { fill } from '../../../i18n/widgets/vae-lab';
import { lossChart } from '../../../charts/lab/loss';
import { klBarsChart } from '../../../charts/lab/kl-bars';
import { rateDistortionChart, type SweepPoint } from '../../../charts/lab/rate-distortion';
import { buildTable, placeChart as placeInHost } from '../kit';
import type { LabContext } from './context';
import { ratePoints, type MetricHistory } from './history';
import { formatBeta, formatNats } from './numbers';
import { dropPlotStyle } from './plot-style';

/** The chart keys, in the order they are drawn when several are due. */
export const CHARTS = ['loss', 'kl', 'rd'] as const;
/** One of the lab's charts. */
export type ChartKey = (typeof CHARTS)[number];
/** Rows in the loss table: evenly spread over the run, plus the latest. */
const TABLE_ROWS = 20;

/** What the charts are drawn from: the run's history, the latest KL per dimension, active units and sweep points. */
export interface ChartData {
  readonly history: MetricHistory;
  readonly klPerDim: readonly number[];
  readonly active: readonly boolean[] | null;
  readonly sweep: readonly SweepPoint[];
}

/** A chart's two views: the plot (with its description) and the table. */
export interface ChartPanel {
  draw(data: ChartData): void;
  table(data: ChartData): HTMLTableElement;
}

/** The chart's panel in the figure. */
export function chartPanel(ctx: LabContext, key: ChartKey): HTMLElement {
  return ctx.part(`[data-chart="${key}"]`);
}

/** Where the chart's plot goes. */
export function chartHost(ctx: LabContext, key: ChartKey): HTMLElement {
  return chartPanel(ctx, key).querySelector<HTMLElement>('[data-lab="canvas"]') as HTMLElement;
}

/** Units counted as active: from the latest latents when known, else from the KL per dimension. */
export function activeFlags(data: ChartData): readonly boolean[] {
  return data.active ?? data.klPerDim.map((kl) => kl > 0.01);
}

/** Sets the chart's description, places the plot and fixes its host's height, so the host can contain its layout. */
function show(ctx: LabContext, key: ChartKey, description: string, spec: Plot.PlotOptions): void {
  const text = chartPanel(ctx, key).querySelector('[data-lab="description"]');
  if (text) text.textContent = description;
  const chart = Plot.plot(spec);
  const host = chartHost(ctx, key);
  host.style.height = `${chart.getAttribute('height') ?? 300}px`;
  placeInHost(host, dropPlotStyle(chart), `${ctx.id}-${key}-description`);
}

function lossPanel(ctx: LabContext): ChartPanel {
  const { s } = ctx;
  const labels = {
    step: s.axisStep,
    nats: s.axisNats,
    reconstruction: s.seriesRecon,
    kl: s.seriesKl,
    negElbo: s.seriesNegElbo,
    objective: s.seriesObjective,
    heldOut: s.seriesHeldOut,
    beta: 'β',
  };
  return {
    draw({ history }) {
      const latest = history.latest();
      const changes = history.betaChanges();
      const data = { points: history.points(), heldOut: history.heldOut(), betaChanges: changes };
      const width = chartHost(ctx, 'loss').clientWidth || 600;
      const spec = lossChart(data, { width, labels, ariaLabel: s.lossAria, ariaDescription: '' });
      const text = latest
        ? fill(s.lossDescription, {
            step: latest.step,
            recon: formatNats(latest.reconstruction),
            kl: formatNats(latest.kl),
            negElbo: formatNats(latest.negElbo),
            objective: formatNats(latest.objective),
            changes: changes.length ? fill(s.lossChanges, { count: changes.length }) : '',
          })
        : s.lossEmpty;
      show(ctx, 'loss', text, spec);
    },
    table({ history }) {
      const points = history.points();
      const every = Math.max(1, Math.ceil(points.length / TABLE_ROWS));
      const rows = points.filter((_, i) => i % every === 0 || i === points.length - 1);
      const held = new Map(history.heldOut().map((h) => [h.step, h.negElbo]));
      return buildTable(
        s.lossTitle,
        [s.metricStep, 'β', s.seriesRecon, s.seriesKl, s.seriesNegElbo, s.seriesObjective, s.seriesHeldOut],
        rows.map((p) => [
          String(p.step),
          formatBeta(p.beta),
          formatNats(p.reconstruction),
          formatNats(p.kl),
          formatNats(p.negElbo),
          formatNats(p.objective),
          formatNats(held.get(p.step)),
        ]),
      );
    },
  };
}

function klPanel(ctx: LabContext): ChartPanel {
  const { s } = ctx;
  const labels = { dimension: s.axisDim, kl: s.axisKl, active: s.active, inactive: s.inactive };
  return {
    draw(data) {
      const { klPerDim } = data;
      const active = activeFlags(data);
      const width = chartHost(ctx, 'kl').clientWidth || 400;
      const spec = klBarsChart({ klPerDim, active }, { width, labels, ariaLabel: s.klAria, ariaDescription: '' });
      const count = active.filter(Boolean).length;
      const total = klPerDim.reduce((a, b) => a + b, 0);
      const collapse = ctx.part('collapse');
      const collapsed = klPerDim.length - count;
      collapse.hidden = collapsed === 0 || klPerDim.length === 0;
      collapse.textContent = collapse.hidden ? '' : fill(s.collapse, { count: collapsed, latent: klPerDim.length });
      const text = klPerDim.length
        ? fill(s.klDescription, { active: count, latent: klPerDim.length, kl: formatNats(total) })
        : s.lossEmpty;
      show(ctx, 'kl', text, spec);
    },
    table(data) {
      const active = activeFlags(data);
      return buildTable(
        s.klTitle,
        [s.axisDim.replace(' →', ''), 'KL', s.active],
        data.klPerDim.map((kl, i) => [`z${i + 1}`, formatNats(kl), active[i] ? s.active : s.inactive]),
      );
    },
  };
}

function rdPanel(ctx: LabContext): ChartPanel {
  const { s } = ctx;
  const labels = { rate: s.axisRate, distortion: s.axisDistortion, current: s.readout, beta: 'β=', isoElbo: s.isoElbo };
  return {
    draw({ history, sweep }) {
      const latest = history.latest();
      const current = latest ? { rate: latest.kl, distortion: latest.reconstruction } : null;
      const width = chartHost(ctx, 'rd').clientWidth || 600;
      const spec = rateDistortionChart(
        { trajectory: ratePoints(history), sweep, current },
        { width, labels, ariaLabel: s.rdAria, ariaDescription: '' },
      );
      const points = sweep
        .map((p) => `β ${formatBeta(p.beta)}: ${formatNats(p.rate)} / ${formatNats(p.distortion)}`)
        .join('; ');
      const text = fill(s.rdDescription, {
        rate: formatNats(current?.rate),
        distortion: formatNats(current?.distortion),
        sweep: sweep.length ? fill(s.rdSweepPoints, { points }) : s.rdSweepNone,
      });
      show(ctx, 'rd', text, spec);
    },
    table({ history, sweep }) {
      const latest = history.latest();
      const rows = sweep.map((p) => [
        `β = ${formatBeta(p.beta)}`,
        formatNats(p.rate),
        formatNats(p.distortion),
        formatNats(p.rate + p.distortion),
      ]);
      if (latest)
        rows.push([s.readout, formatNats(latest.kl), formatNats(latest.reconstruction), formatNats(latest.negElbo)]);
      return buildTable(
        s.rdTitle,
        ['', s.axisRate.replace(' →', ''), s.axisDistortion.replace('↑ ', ''), s.seriesNegElbo],
        rows,
      );
    },
  };
}

/** The three charts' builders. */
export function chartPanels(ctx: LabContext): Record<ChartKey, ChartPanel> {
  return { loss: lossPanel(ctx), kl: klPanel(ctx), rd: rdPanel(ctx) };
}
