/**
 * The interactive part of ToyLikelihood.astro, loaded with import() when the figure nears the viewport. It owns the
 * settings, reads every number from core (closed forms; the climb from `ascentPath`), and draws the pure chart specs
 * from src/charts with Plot, at most once per animation frame. The climb is computed whole at once (a few hundred
 * steps of O(N)) and then played over a few seconds, or shown at its end for reduced motion.
 */
import * as Plot from '@observablehq/plot';
import { ascentPath, logLikelihoodOverW, type AscentPoint } from '../../core/toys/maximum-likelihood';
import { curveChart, densityChart, pointsChart, type CurvePoint, type DataPoint, type PointBar } from '../../charts/toy-likelihood';
import { isLang } from '../../i18n/langs';
import { TOY_LIKELIHOOD_STRINGS, fill } from '../../i18n/widgets/toy-likelihood';
import {
  CURVE_POINTS,
  DATA_LIMITS,
  DEFAULTS,
  LIMITS,
  dataText,
  densityCurve,
  densityRange,
  fieldText,
  formatNats,
  formatValue,
  modelOf,
  parseData,
  parseSetting,
  pointName,
  readout,
  type Setting,
  type Settings,
} from './toy-likelihood-state';
import { curveTable, densityTable, pointsTable } from './toy-likelihood-tables';
import { bindPairedInput, bindTableToggle, frameScheduler, placeChart, politeAnnouncer, plotSectionParts, requirePart, watchWidth } from './kit';
import { playPath, type PathPlayback } from './play-path';

type Part = 'inputs' | 'readout' | 'status' | ChartKey;
type ChartKey = 'density' | 'points' | 'curve';
const CHART_KEYS: readonly ChartKey[] = ['density', 'points', 'curve'];
/** How long the climb plays, whatever its number of steps: step shown ∝ elapsed time, so early big steps look fast. */
const ASCENT_DURATION_MS = 3000;
/** The status line (a live region) tells the climb's progress every this many steps, not every frame. */
const STATUS_EVERY = 25;

const part = <T extends Element>(root: ParentNode, selector: string): T => requirePart<T>(root, selector, 'toy-likelihood');

/** Starts the widget inside a server-rendered `figure[data-widget="toy-likelihood"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = TOY_LIKELIHOOD_STRINGS[lang];
  let settings: Settings = { ...DEFAULTS };
  let status = '';

  // ── Elements ──
  const controls = part<HTMLFieldSetElement>(figure, '[data-part="controls"]');
  const readoutTable = part<HTMLTableElement>(figure, '[data-part="readout"]');
  const statusLine = part<HTMLElement>(figure, '[data-part="status"]');
  const ascendButton = part<HTMLButtonElement>(figure, '[data-part="ascend"]');
  const dataRow = part<HTMLElement>(controls, '[data-setting="data"]');
  const dataField = part<HTMLInputElement>(dataRow, 'input[type="text"]');
  const dataMessage = part<HTMLElement>(dataRow, '.widget-field-message');
  const plots = part<HTMLElement>(figure, '[data-part="plots"]');
  const announce = politeAnnouncer(part<HTMLElement>(figure, '[data-part="announce"]'));
  const chart = (key: ChartKey) => plotSectionParts(plots, key, 'toy-likelihood');
  const charts = { density: chart('density'), points: chart('points'), curve: chart('curve') };

  // ── The climb: a precomputed path played over ASCENT_DURATION_MS; any other change cancels it. ──
  let climb: { playback: PathPlayback<AscentPoint>; steps: number } | null = null;

  function stopClimb(reason: 'done' | 'stopped' | 'cancelled'): void {
    if (!climb) return;
    climb.playback.stop();
    const point = climb.playback.current();
    const r = readout(settings);
    if (reason === 'done')
      status = fill(s.reached, {
        steps: point.step,
        total: formatNats(point.logLikelihood),
        b: formatValue(point.b),
        variance: formatValue(r.variance),
        w: formatValue(point.w),
        s: formatValue(point.s),
      });
    else if (reason === 'stopped') status = fill(s.stopped, { step: point.step, steps: climb.steps, total: formatNats(point.logLikelihood) });
    else status = '';
    climb = null;
    ascendButton.textContent = s.ascend;
    figure.dataset['state'] = 'ready';
    scheduler.request('status');
  }

  function startClimb(): void {
    const path = ascentPath(modelOf(settings), settings.data);
    const steps = path.length - 1;
    figure.dataset['state'] = 'climbing';
    ascendButton.textContent = s.stopAscent;
    const playback = playPath(path, {
      durationMs: ASCENT_DURATION_MS,
      statusEvery: STATUS_EVERY,
      onFrame: (point, statusDue) => {
        settings = { ...settings, w: point.w, b: point.b, s: point.s };
        if (statusDue) status = fill(s.ascending, { step: point.step, steps, total: formatNats(point.logLikelihood) });
        scheduler.request('inputs', 'readout', 'status', ...CHART_KEYS);
      },
      onDone: () => stopClimb('done'),
    });
    climb = { playback, steps };
  }

  /** Applies settings the reader chose (cancelling a climb in progress) and redraws everything in the next frame. */
  function update(next: Partial<Settings>): void {
    stopClimb('cancelled');
    settings = { ...settings, ...next };
    status = '';
    scheduler.request('inputs', 'readout', 'status', ...CHART_KEYS);
    const r = readout(settings);
    announce(fill(s.announce, { w: formatValue(settings.w), b: formatValue(settings.b), s: formatValue(settings.s), total: formatNats(r.total) }));
  }

  // ── Controls ──
  const limitText = (setting: Setting) => ({ min: formatValue(LIMITS[setting].min), max: formatValue(LIMITS[setting].max) });
  const inputs = Object.fromEntries(
    (Object.keys(LIMITS) as Setting[]).map((setting) => {
      const row = part<HTMLElement>(controls, `[data-setting="${setting}"]`);
      const binding = bindPairedInput({
        range: part<HTMLInputElement>(row, 'input[type="range"]'),
        field: part<HTMLInputElement>(row, 'input[type="text"]'),
        message: part<HTMLElement>(row, '.widget-field-message'),
        parse: (raw) => {
          const parsed = parseSetting(setting, raw);
          return parsed.ok ? parsed.value : fill(setting === 's' ? s.invalidStd : s.invalidNumber, limitText(setting));
        },
        toSlider: (value) => value,
        fromSlider: (position) => position,
        valueText: fieldText,
        format: fieldText,
        apply: (value) => update({ [setting]: value }),
      });
      return [setting, binding] as const;
    }),
  ) as Record<Setting, ReturnType<typeof bindPairedInput>>;

  const dataRange = { min: formatValue(DATA_LIMITS.min), max: formatValue(DATA_LIMITS.max) };
  const showDataMessage = (message: string) => {
    dataMessage.textContent = message;
    if (message) dataField.setAttribute('aria-invalid', 'true');
    else dataField.removeAttribute('aria-invalid');
  };
  const commitData = () => {
    const parsed = parseData(dataField.value);
    if (parsed.ok) {
      showDataMessage('');
      update({ data: parsed.data });
      return;
    }
    const messages = {
      notANumber: () => fill(s.dataNotANumber, { entry: 'entry' in parsed ? parsed.entry : '' }),
      outOfRange: () => fill(s.dataOutOfRange, { entry: 'entry' in parsed ? parsed.entry : '', ...dataRange }),
      tooFew: () => fill(s.dataTooFew, { count: DATA_LIMITS.minCount }),
      tooMany: () => fill(s.dataTooMany, { count: DATA_LIMITS.maxCount }),
      allEqual: () => s.dataAllEqual,
    };
    showDataMessage(messages[parsed.reason]());
  };
  dataField.addEventListener('change', commitData);
  dataField.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commitData();
  });
  ascendButton.addEventListener('click', () => (climb ? stopClimb('stopped') : startClimb()));
  part<HTMLButtonElement>(figure, '[data-part="reset"]').addEventListener('click', () => {
    showDataMessage('');
    for (const row of controls.querySelectorAll('.widget-field-message')) row.textContent = '';
    for (const field of controls.querySelectorAll('input[aria-invalid]')) field.removeAttribute('aria-invalid');
    dataField.value = dataText(DEFAULTS.data);
    update({ ...DEFAULTS });
  });

  // ── What is drawn ──
  const densityPoints = (): DataPoint[] => {
    const r = readout(settings);
    return settings.data.map((x, i) => ({ x, density: Math.exp(r.points[i] as number) }));
  };
  const bars = (): PointBar[] => {
    const r = readout(settings);
    return settings.data.map((x, i) => ({ name: pointName(s, i, x), logLikelihood: r.points[i] as number }));
  };
  const curve = (): CurvePoint[] => logLikelihoodOverW(modelOf(settings), settings.data, [LIMITS.w.min, LIMITS.w.max], CURVE_POINTS);
  const current = (): CurvePoint => ({ w: settings.w, logLikelihood: readout(settings).total });
  const tables = {
    density: () => densityTable(s, densityPoints()),
    points: () => pointsTable(s, bars()),
    curve: () => curveTable(s, curve(), current()),
  };
  const toggles = Object.fromEntries(
    CHART_KEYS.map((key) => {
      const { toggle, table } = charts[key];
      toggle.hidden = false;
      return [key, bindTableToggle(toggle, table, { show: s.showTable, hide: s.hideTable }, () => table.replaceChildren(tables[key]()))] as const;
    }),
  ) as Record<ChartKey, { isOpen: () => boolean }>;
  const widthOf = (el: HTMLElement) => Math.max(260, Math.round(el.clientWidth || 640));
  const theta = () => ({ w: formatValue(settings.w), b: formatValue(settings.b), s: formatValue(settings.s) });

  function drawInputs(): void {
    for (const setting of Object.keys(inputs) as Setting[]) inputs[setting].show(settings[setting]);
  }

  function drawReadout(): void {
    const r = readout(settings);
    part<HTMLElement>(figure, '[data-part="total"]').textContent = formatNats(r.total);
    part<HTMLElement>(readoutTable, '[data-part="readout-caption"]').textContent = fill(s.tableCaption, { ...theta(), variance: formatValue(r.variance) });
    const body = part<HTMLTableSectionElement>(readoutTable, '[data-part="readout-body"]');
    const rows = settings.data.map((x, i) => {
      const row = body.querySelector<HTMLTableRowElement>(`tr[data-point="${i}"]`) ?? document.createElement('tr');
      if (!row.dataset['point']) {
        row.dataset['point'] = String(i);
        const th = document.createElement('th');
        th.scope = 'row';
        row.append(th, document.createElement('td'));
      }
      (row.cells[0] as HTMLTableCellElement).textContent = pointName(s, i, x);
      (row.cells[1] as HTMLTableCellElement).textContent = formatNats(r.points[i] as number);
      return row;
    });
    body.replaceChildren(...rows);
    part<HTMLElement>(readoutTable, 'tr[data-stat="total"] td').textContent = formatNats(r.total);
    const { maximum } = r;
    part<HTMLElement>(figure, '[data-part="maximum"]').textContent = fill(s.maximum, {
      b: formatValue(maximum.b),
      variance: formatValue(maximum.variance),
      max: formatNats(maximum.logLikelihood),
    });
    const best = { bestW: formatValue(Math.abs(r.bestW)), bestValue: formatNats(r.bestWLogLikelihood) };
    part<HTMLElement>(figure, '[data-part="best-w"]').textContent = r.bestW === 0 ? fill(s.bestWZero, best) : fill(s.bestW, best);
  }

  function drawDensity(): void {
    const { canvas, description } = charts.density;
    const r = readout(settings);
    description.textContent = fill(s.densityDescription, { b: formatValue(settings.b), variance: formatValue(r.variance) });
    const data = {
      curve: densityCurve(settings, densityRange(settings.data)),
      points: densityPoints(),
      referencePeak: 1 / Math.sqrt(2 * Math.PI * r.maximum.variance),
    };
    const labels = { x: s.densityAxisX, density: s.densityAxisY, curve: s.densityCurve };
    placeChart(canvas, Plot.plot(densityChart(data, { width: widthOf(canvas), labels, ariaLabel: s.densityAria, ariaDescription: description.textContent })), description.id);
  }

  function drawPoints(): void {
    const { canvas, description } = charts.points;
    const rows = bars();
    const worst = rows.reduce((a, b) => (b.logLikelihood < a.logLikelihood ? b : a));
    const worstX = settings.data[rows.indexOf(worst)] as number;
    description.textContent = fill(s.pointsDescription, { total: formatNats(readout(settings).total), worst: formatValue(worstX), worstValue: formatNats(worst.logLikelihood) });
    const spec = pointsChart(rows, { width: widthOf(canvas), labels: { axis: s.pointsAxis }, format: formatNats, ariaLabel: s.pointsAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
  }

  function drawCurve(): void {
    const { canvas, description } = charts.curve;
    const r = readout(settings);
    const best = { w: r.bestW, logLikelihood: r.bestWLogLikelihood };
    description.textContent = fill(s.curveDescription, {
      ...theta(),
      total: formatNats(r.total),
      bestW: formatValue(Math.abs(r.bestW)),
      bestValue: formatNats(r.bestWLogLikelihood),
      max: formatNats(r.maximum.logLikelihood),
    });
    const labels = { w: s.curveAxisX, logLikelihood: s.curveAxisY, now: s.curveNow, best: s.curveBest, ceiling: s.curveCeiling };
    const data = { curve: curve(), current: current(), best, ceiling: r.maximum.logLikelihood };
    placeChart(canvas, Plot.plot(curveChart(data, { width: widthOf(canvas), labels, ariaLabel: s.curveAria, ariaDescription: description.textContent })), description.id);
  }

  const draw: Record<ChartKey, () => void> = { density: drawDensity, points: drawPoints, curve: drawCurve };
  const scheduler = frameScheduler<Part>((parts) => {
    if (parts.has('inputs')) drawInputs();
    if (parts.has('readout')) drawReadout();
    if (parts.has('status') && statusLine.textContent !== status) statusLine.textContent = status;
    for (const key of CHART_KEYS) {
      if (!parts.has(key)) continue;
      draw[key]();
      if (toggles[key].isOpen()) charts[key].table.replaceChildren(tables[key]());
    }
  });

  watchWidth(plots, () => scheduler.request(...CHART_KEYS));
  part<HTMLElement>(figure, '[data-part="static-note"]').hidden = true;
  controls.disabled = false;
  figure.dataset['state'] = 'ready';
  update({});
}
