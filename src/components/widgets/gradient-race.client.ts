/**
 * The interactive part of GradientRace.astro, loaded with import() when the figure nears the viewport. It owns the
 * settings, draws the repeated estimates of each estimator from core in slices between frames (cancelled when a
 * setting changes), and draws the histograms from src/charts with Plot, at most once per animation frame.
 */
import * as Plot from '@observablehq/plot';
import { createRng, type Rng } from '../../core/random';
import { empiricalMoments } from '../../core/toys/gradient-estimators';
import { ESTIMATORS, analyticVarianceMu, averagedEstimates, histogram, sharedRange, type Estimator, type Histogram } from '../../core/toys/gradient-estimator-study';
import { histogramChart } from '../../charts/gradient-race';
import { isLang } from '../../i18n/langs';
import { GRADIENT_RACE_STRINGS, fill } from '../../i18n/widgets/gradient-race';
import { BINS, DEFAULTS, OBJECTIVES, RANGE_REACH, REPEATS, formatCount, formatNumber, noiseNote, settingsKey, type NumericSetting, type Settings } from './gradient-race-state';
import { bindControls } from './gradient-race-controls';
import { histogramTable } from './gradient-race-tables';
import { JobGeneration, bindTableToggle, frameScheduler, placeChart, politeAnnouncer, plotSectionParts, requirePart, runInSlices, watchWidth, type PlotSectionParts } from './kit';

type Part = 'inputs' | 'stats' | 'status' | Estimator;
/** Samples per slice step: a step draws whole estimates until it has used about this many ε. */
const SAMPLES_PER_STEP = 20_000;

/** One estimator's repeated estimates, filled in slices; `key` says which settings they belong to. */
interface RepeatState {
  key: string;
  rng: Rng;
  values: Float64Array;
  done: number;
  summary: { mean: number; variance: number; histogram: Histogram } | null;
}

/** Finds a required element inside the figure. */
const part = <T extends Element>(root: ParentNode, selector: string): T => requirePart<T>(root, selector, 'gradient-race');

/** Starts the widget inside a server-rendered `figure[data-widget="gradient-race"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = GRADIENT_RACE_STRINGS[lang];
  let settings: Settings = { ...DEFAULTS };
  const objective = () => OBJECTIVES[settings.fn];
  const fnName = () => (settings.fn === 'square' ? s.fnSquare : s.fnSine);
  const truth = () => objective().trueGradMu(settings.mu, settings.sigma);
  const analytic = (estimator: Estimator) => analyticVarianceMu(objective(), estimator, settings.mu, settings.sigma, settings.n);

  // ── The repeats: up to 3 × 2,000 × 1,000 draws, so they run in slices and restart when a setting changes. ──
  const fresh = (estimator: Estimator): RepeatState => ({
    key: settingsKey(settings),
    // One stream per estimator: changing nothing but the seed ("New draws") changes every draw; each estimator's
    // draws are independent of the others', so their empirical variances are too.
    rng: createRng(settings.seed, ESTIMATORS.indexOf(estimator)),
    values: new Float64Array(REPEATS),
    done: 0,
    summary: null,
  });
  const repeats = Object.fromEntries(ESTIMATORS.map((e) => [e, fresh(e)])) as Record<Estimator, RepeatState>;
  const jobs = new JobGeneration();
  const progress = () => ESTIMATORS.reduce((sum, e) => sum + repeats[e].done, 0) / (ESTIMATORS.length * REPEATS);
  const computing = () => progress() < 1;

  async function computeRepeats(): Promise<void> {
    for (const e of ESTIMATORS) if (repeats[e].key !== settingsKey(settings)) repeats[e] = fresh(e);
    const alive = jobs.next();
    figure.dataset['state'] = computing() ? 'computing' : 'ready';
    scheduler.request('status', 'stats', ...ESTIMATORS);
    const chunk = Math.max(1, Math.floor(SAMPLES_PER_STEP / settings.n));
    const step = () => {
      // Fill the estimators in turn so the three histograms finish together.
      const estimator = ESTIMATORS.reduce((a, b) => (repeats[b].done < repeats[a].done ? b : a));
      const state = repeats[estimator];
      if (state.done >= REPEATS) return false;
      const count = Math.min(chunk, REPEATS - state.done);
      state.values.set(averagedEstimates(objective(), estimator, settings.mu, settings.sigma, settings.n, count, state.rng), state.done);
      state.done += count;
      if (state.done === REPEATS) {
        const [lo, hi] = sharedRange(objective(), settings.mu, settings.sigma, settings.n, RANGE_REACH);
        state.summary = { ...empiricalMoments(state.values), histogram: histogram(state.values, lo, hi, BINS) };
      }
      scheduler.request('status');
      return true;
    };
    if (!(await runInSlices(step, alive))) return;
    figure.dataset['state'] = 'ready';
    scheduler.request('status', 'stats', ...ESTIMATORS);
    const variance = (e: Estimator) => formatNumber(repeats[e].summary?.variance ?? NaN);
    announce(
      fill(s.announce, {
        fn: fnName(),
        mu: formatNumber(settings.mu),
        sigma: formatNumber(settings.sigma),
        n: formatCount(settings.n, lang),
        pathwise: variance('pathwise'),
        score: variance('score'),
        baseline: variance('scoreBaseline'),
      }),
    );
  }

  /** Applies new settings: the controls, exact values and status redraw in the next frame; the repeats restart. */
  function update(next: Partial<Settings>): void {
    settings = { ...settings, ...next };
    scheduler.request('inputs', 'stats', 'status', ...ESTIMATORS);
    void computeRepeats();
  }

  // ── Elements ──
  const controls = part<HTMLFieldSetElement>(figure, '[data-part="controls"]');
  const statsTable = part<HTMLTableElement>(figure, '[data-part="stats"]');
  const status = part<HTMLElement>(figure, '[data-part="status"]');
  const progressBar = part<HTMLProgressElement>(figure, '[data-part="progress"]');
  const plots = part<HTMLElement>(figure, '[data-part="plots"]');
  const announce = politeAnnouncer(part<HTMLElement>(figure, '[data-part="announce"]'));
  const charts = Object.fromEntries(ESTIMATORS.map((e) => [e, plotSectionParts(plots, e, 'gradient-race')])) as Record<Estimator, PlotSectionParts>;

  // ── Controls ──
  const inputs = bindControls(controls, s, lang, (change) => update({ [change.setting]: change.value }));
  part<HTMLButtonElement>(figure, '[data-part="new-draws"]').addEventListener('click', () => update({ seed: settings.seed + 1 }));

  const tableOf = (e: Estimator) => {
    const summary = repeats[e].summary;
    if (!summary) return document.createTextNode(s.pending);
    return histogramTable(s, `${s[e]} (${fill(s.tableCaption, { fn: fnName(), mu: formatNumber(settings.mu), sigma: formatNumber(settings.sigma), repeats: formatCount(REPEATS, lang), n: formatCount(settings.n, lang) })})`, summary.histogram);
  };
  const toggles = Object.fromEntries(
    ESTIMATORS.map((e) => {
      const { toggle, table } = charts[e];
      toggle.hidden = false;
      return [e, bindTableToggle(toggle, table, { show: s.showTable, hide: s.hideTable }, () => table.replaceChildren(tableOf(e)))];
    }),
  ) as Record<Estimator, { isOpen: () => boolean }>;

  // ── Drawing (one frame at a time) ──
  function drawInputs(): void {
    for (const setting of Object.keys(inputs.numeric) as NumericSetting[]) inputs.numeric[setting].show(settings[setting]);
    inputs.showFunction(settings.fn);
  }

  function drawStats(): void {
    const values = { fn: fnName(), mu: formatNumber(settings.mu), sigma: formatNumber(settings.sigma) };
    part<HTMLElement>(figure, '[data-part="exact"]').textContent = fill(s.exactAt, { ...values, truth: formatNumber(truth()) });
    part<HTMLElement>(statsTable, '[data-part="stats-caption"]').textContent = fill(s.tableCaption, { ...values, repeats: formatCount(REPEATS, lang), n: formatCount(settings.n, lang) });
    for (const e of ESTIMATORS) {
      const cell = (column: string) => part<HTMLTableCellElement>(statsTable, `tr[data-estimator="${e}"] td[data-col="${column}"]`);
      const summary = repeats[e].summary;
      cell('mean').textContent = summary ? formatNumber(summary.mean) : s.pending;
      cell('empirical').textContent = summary ? formatNumber(summary.variance) : s.pending;
      cell('analytic').textContent = formatNumber(analytic(e));
    }
    part<HTMLElement>(figure, '[data-part="noise"]').textContent = noiseNote(s, lang, settings);
    statsTable.toggleAttribute('aria-busy', computing());
  }

  function drawStatus(): void {
    status.textContent = fill(computing() ? s.computing : s.computed, { repeats: formatCount(REPEATS, lang), n: formatCount(settings.n, lang), percent: Math.floor(progress() * 100) });
    progressBar.hidden = !computing();
    progressBar.value = progress();
  }

  function drawHistogram(e: Estimator): void {
    const { canvas, description } = charts[e];
    canvas.classList.toggle('is-stale', computing());
    const summary = repeats[e].summary;
    if (!summary || computing()) return;
    const h = summary.histogram;
    description.textContent = fill(s.histDescription, {
      n: formatCount(settings.n, lang),
      truth: formatNumber(truth()),
      mean: formatNumber(summary.mean),
      variance: formatNumber(summary.variance),
      analytic: formatNumber(analytic(e)),
      outside: formatCount(h.below + h.above, lang),
      repeats: formatCount(REPEATS, lang),
      lo: formatNumber(h.lo),
      hi: formatNumber(h.hi),
    });
    const labels = { estimate: s.axisEstimate, count: s.axisCount, truth: s.truthRule };
    const width = Math.max(260, Math.round(canvas.clientWidth || 640));
    const spec = histogramChart({ estimator: e, histogram: h, truth: truth() }, { width, labels, ariaLabel: fill(s.histAria, { repeats: formatCount(REPEATS, lang), name: s[e] }), ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
  }

  const scheduler = frameScheduler<Part>((parts) => {
    if (parts.has('inputs')) drawInputs();
    if (parts.has('stats')) drawStats();
    if (parts.has('status')) drawStatus();
    for (const e of ESTIMATORS) {
      if (!parts.has(e)) continue;
      drawHistogram(e);
      if (toggles[e].isOpen()) charts[e].table.replaceChildren(tableOf(e));
    }
  });

  watchWidth(plots, () => scheduler.request(...ESTIMATORS));
  part<HTMLElement>(figure, '[data-part="static-note"]').hidden = true;
  controls.disabled = false;
  update({});
}
