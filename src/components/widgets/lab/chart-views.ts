/**
 * The lab's numbers and charts: the readout, the loss curves, the per-dimension KL bars and the rate–distortion plane,
 * each with a "show as table" view. Charts redraw from the history at most once per animation frame, one chart per
 * frame and each at most every CHART_INTERVAL_MS while training, so the page never does a long task for a plot.
 */
import * as Plot from '@observablehq/plot';
import { fill } from '../../../i18n/widgets/vae-lab';
import type { EvaluationEvent, LatentsEvent, MetricsEvent } from '../../../worker/protocol';
import { lossChart } from '../../../charts/lab/loss';
import { klBarsChart } from '../../../charts/lab/kl-bars';
import { rateDistortionChart, type SweepPoint } from '../../../charts/lab/rate-distortion';
import { bindTableToggle, buildTable, placeChart as placeInHost, watchWidth } from '../kit';
import type { LabContext } from './context';
import { MetricHistory, heldOutPoint, lossPoint, ratePoints, type LossPoint } from './history';
import { ACTIVE_UNIT_THRESHOLD } from '../../../core/active-units';
import { CHART_INTERVAL_MS, HELD_OUT_COUNT } from './lab-constants';
import { formatBeta, formatNats } from './numbers';
import { dropPlotStyle } from './plot-style';

/** The chart keys, in the order they are drawn when several are due. */
const CHARTS = ['loss', 'kl', 'rd'] as const;
type ChartKey = (typeof CHARTS)[number];
/** Rows in the loss table: evenly spread over the run, plus the latest. */
const TABLE_ROWS = 20;

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

/** Places a chart and fixes its host's height to the chart's, so the host can contain its own layout (lab.css). */
function placeChart(host: HTMLElement, chart: Element, describedBy: string): void {
  host.style.height = `${chart.getAttribute('height') ?? 300}px`;
  placeInHost(host, dropPlotStyle(chart), describedBy);
}

/** Builds the readout and the three charts inside the figure. */
export function createChartViews(ctx: LabContext): ChartViews {
  const { s } = ctx;
  const history = new MetricHistory();
  let klPerDim: number[] = [];
  let active: boolean[] | null = null;
  let sweep: SweepPoint[] = [];
  let heldOut: number | null = null;
  let epoch: number | null = null;
  const lastDrawn: Record<ChartKey, number> = { loss: 0, kl: 0, rd: 0 };
  const dirty = new Set<ChartKey | 'readout'>();
  let frame = 0;

  const panel = (key: ChartKey) => ctx.part(`[data-chart="${key}"]`);
  const host = (key: ChartKey) => panel(key).querySelector<HTMLElement>('[data-lab="canvas"]') as HTMLElement;
  const describe = (key: ChartKey, text: string) => {
    const description = panel(key).querySelector('[data-lab="description"]');
    if (description) description.textContent = text;
  };
  const readout = (metric: string, text: string) => {
    const cell = ctx.figure.querySelector(`[data-metric="${metric}"] dd`);
    if (cell && cell.textContent !== text) cell.textContent = text;
  };
  const activeFlags = () => active ?? klPerDim.map((kl) => kl > 0.01);

  const draw = {
    loss() {
      const latest = history.latest();
      const changes = history.betaChanges();
      const spec = lossChart(
        { points: history.points(), heldOut: history.heldOut(), betaChanges: changes },
        {
          width: host('loss').clientWidth || 600,
          labels: {
            step: s.axisStep,
            nats: s.axisNats,
            reconstruction: s.seriesRecon,
            kl: s.seriesKl,
            negElbo: s.seriesNegElbo,
            objective: s.seriesObjective,
            heldOut: s.seriesHeldOut,
            beta: 'β',
          },
          ariaLabel: s.lossAria,
          ariaDescription: '',
        },
      );
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
      describe('loss', text);
      placeChart(host('loss'), Plot.plot(spec), `${ctx.id}-loss-description`);
    },
    kl() {
      const flags = activeFlags();
      const spec = klBarsChart(
        { klPerDim, active: flags },
        {
          width: host('kl').clientWidth || 400,
          labels: { dimension: s.axisDim, kl: s.axisKl, active: s.active, inactive: s.inactive },
          ariaLabel: s.klAria,
          ariaDescription: '',
        },
      );
      const count = flags.filter(Boolean).length;
      const total = klPerDim.reduce((a, b) => a + b, 0);
      describe(
        'kl',
        klPerDim.length
          ? fill(s.klDescription, { active: count, latent: klPerDim.length, kl: formatNats(total) })
          : s.lossEmpty,
      );
      const collapse = ctx.part('collapse');
      const collapsed = klPerDim.length - count;
      collapse.hidden = collapsed === 0 || klPerDim.length === 0;
      collapse.textContent = collapse.hidden ? '' : fill(s.collapse, { count: collapsed, latent: klPerDim.length });
      placeChart(host('kl'), Plot.plot(spec), `${ctx.id}-kl-description`);
    },
    rd() {
      const latest = history.latest();
      const current = latest ? { rate: latest.kl, distortion: latest.reconstruction } : null;
      const spec = rateDistortionChart(
        { trajectory: ratePoints(history), sweep, current },
        {
          width: host('rd').clientWidth || 600,
          labels: {
            rate: s.axisRate,
            distortion: s.axisDistortion,
            current: s.readout,
            beta: 'β=',
            isoElbo: s.isoElbo,
          },
          ariaLabel: s.rdAria,
          ariaDescription: '',
        },
      );
      const points = sweep
        .map((p) => `β ${formatBeta(p.beta)}: ${formatNats(p.rate)} / ${formatNats(p.distortion)}`)
        .join('; ');
      describe(
        'rd',
        fill(s.rdDescription, {
          rate: formatNats(current?.rate),
          distortion: formatNats(current?.distortion),
          sweep: sweep.length ? fill(s.rdSweepPoints, { points }) : s.rdSweepNone,
        }),
      );
      placeChart(host('rd'), Plot.plot(spec), `${ctx.id}-rd-description`);
    },
  };

  const tables: Record<ChartKey, () => HTMLTableElement> = {
    loss: () => {
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
    kl: () => {
      const flags = activeFlags();
      return buildTable(
        s.klTitle,
        [s.axisDim.replace(' →', ''), 'KL', s.active],
        klPerDim.map((kl, i) => [`z${i + 1}`, formatNats(kl), flags[i] ? s.active : s.inactive]),
      );
    },
    rd: () => {
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
  const tableOpen = Object.fromEntries(
    CHARTS.map((key) => {
      const region = panel(key).querySelector<HTMLElement>('[data-lab="table"]') as HTMLElement;
      const fillTable = () => region.replaceChildren(tables[key]());
      return [
        key,
        {
          ...bindTableToggle(
            panel(key).querySelector('[data-lab="table-toggle"]') as HTMLButtonElement,
            region,
            { show: s.showTable, hide: s.hideTable },
            fillTable,
          ),
          fillTable,
        },
      ];
    }),
  ) as Record<ChartKey, { isOpen(): boolean; fillTable(): void }>;

  const updateReadout = () => {
    const latest = history.latest();
    readout('step', latest ? String(latest.step) : s.none);
    readout('epoch', epoch === null ? s.none : epoch.toFixed(2));
    readout('reconstruction', formatNats(latest?.reconstruction));
    readout('kl', formatNats(latest?.kl));
    readout('negElbo', formatNats(latest?.negElbo));
    readout('objective', formatNats(latest?.objective));
    readout('heldOut', formatNats(heldOut));
    readout('active', active ? `${active.filter(Boolean).length} / ${active.length}` : s.none);
  };

  /** Draws the readout, then the most overdue chart that is due; asks for another frame while charts wait. */
  const onFrame = () => {
    frame = 0;
    if (dirty.delete('readout')) updateReadout();
    const now = performance.now();
    const due = CHARTS.filter((key) => dirty.has(key) && onScreen.has(key)).sort((a, b) => lastDrawn[a] - lastDrawn[b]);
    const next = due[0];
    if (next && (ctx.phase !== 'training' || now - lastDrawn[next] >= CHART_INTERVAL_MS)) {
      dirty.delete(next);
      lastDrawn[next] = now;
      draw[next]();
      if (tableOpen[next].isOpen()) tableOpen[next].fillTable();
    }
    // Charts off screen stay dirty and are drawn when they scroll into view; no frames are spent waiting for them.
    if ([...dirty].some((p) => p === 'readout' || onScreen.has(p))) frame = requestAnimationFrame(onFrame);
  };
  const request = (...parts: (ChartKey | 'readout')[]) => {
    for (const p of parts) dirty.add(p);
    if (!frame) frame = requestAnimationFrame(onFrame);
  };
  for (const key of CHARTS) watchWidth(host(key), () => request(key));
  const onScreen = new Set<ChartKey>(typeof IntersectionObserver === 'function' ? [] : CHARTS);
  if (typeof IntersectionObserver === 'function') {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const key = (entry.target as HTMLElement).closest<HTMLElement>('[data-chart]')?.dataset['chart'] as
          ChartKey | undefined;
        if (!key) continue;
        if (entry.isIntersecting) onScreen.add(key);
        else onScreen.delete(key);
      }
      if (CHARTS.some((key) => dirty.has(key) && onScreen.has(key))) request();
    });
    for (const key of CHARTS) observer.observe(panel(key));
  }

  return {
    onMetrics(event) {
      history.push(lossPoint(event.step, event));
      epoch = event.epoch;
      if (event.heldOut) {
        history.pushHeldOut(heldOutPoint(event.step, event.heldOut));
        heldOut = -event.heldOut.elbo;
      }
      klPerDim = Array.from(event.klPerDim);
      request('readout', 'loss', 'kl', 'rd');
    },
    onEvaluation(event) {
      heldOut = -event.elbo;
      if (klPerDim.length === 0) klPerDim = Array.from(event.klPerDim);
      const note = ctx.figure.querySelector('[data-lab="readout-note"]');
      if (note) note.textContent = fill(s.metricNote, { count: event.count || HELD_OUT_COUNT });
      request('readout', 'kl');
    },
    onLatents(event) {
      active = Array.from(event.unitVariances, (variance) => variance > ACTIVE_UNIT_THRESHOLD);
      request('readout', 'kl');
    },
    onSweepPoint(point) {
      sweep = [...sweep, { beta: point.beta, rate: point.rate, distortion: point.distortion }];
      request('rd');
    },
    clearSweep() {
      sweep = [];
      request('rd');
    },
    clear() {
      history.clear();
      klPerDim = [];
      active = null;
      heldOut = null;
      epoch = null;
      request('readout', ...CHARTS);
    },
    rewind(step) {
      history.rewind(step);
      request('readout', ...CHARTS);
    },
    latest: () => history.latest(),
    klPerDim: () => klPerDim,
  };
}
