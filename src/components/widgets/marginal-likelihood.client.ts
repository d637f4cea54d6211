/**
 * The interactive part of MarginalLikelihood.astro, loaded with import() when the figure nears the viewport. It owns
 * the settings, runs the estimators from core (one run of each sampler at once, the repeats in slices between
 * frames), and draws the pure chart specs from src/charts with Plot, at most once per animation frame.
 */
import * as Plot from '@observablehq/plot';
import { createRng, type Rng } from '../../core/random';
import { exactPosterior, logEvidence, type Gaussian1D } from '../../core/toys/linear-gaussian';
import {
  STANDARD_PRIOR,
  densityCurves,
  expectedEssFraction,
  logSpacedCounts,
  relativeSecondMoment,
  relativeStd,
  sampleRun,
  spread,
  type Run,
  type Spread,
} from '../../core/toys/marginal-likelihood-study';
import { convergenceChart, densityChart, spreadChart, type DrawnSample, type Method, type TracePoint } from '../../charts/marginal-likelihood';
import { isLang } from '../../i18n/langs';
import { MARGINAL_LIKELIHOOD_STRINGS, fill } from '../../i18n/widgets/marginal-likelihood';
import { DEFAULTS, MODEL, REPEATS, SHOWN_SAMPLES, formatCount, formatNumber, type NumericSetting, type Settings } from './marginal-likelihood-state';
import { densityTable, convergenceTable, spreadTable } from './marginal-likelihood-tables';
import { bindSettingInputs } from './marginal-likelihood-controls';
import { JobGeneration, bindTableToggle, frameScheduler, plotSectionParts, requirePart, placeChart, politeAnnouncer, runInSlices, watchWidth } from './kit';

type Part = 'inputs' | 'stats' | 'status' | 'density' | 'convergence' | 'spread';
const METHODS: readonly Method[] = ['prior', 'proposal'];
/** Random streams: one run of each sampler, then the repeats of each (so changing q never changes the prior's draws). */
const STREAM = Object.freeze({ prior: 0, proposal: 1, priorRepeats: 2, proposalRepeats: 3 });
/** Running-estimate points per factor of 10 in N. */
const TRACE_PER_DECADE = 12;

/** Repeated estimates of one sampler, filled in slices; `key` says which settings they belong to. */
interface RepeatState {
  key: string;
  rng: Rng;
  logEstimates: Float64Array;
  done: number;
  spread: Spread | null;
}

/** Finds a required element inside the figure. */
const part = <T extends Element>(root: ParentNode, selector: string): T => requirePart<T>(root, selector, 'marginal-likelihood');


/** Starts the widget inside a server-rendered `figure[data-widget="marginal-likelihood"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = MARGINAL_LIKELIHOOD_STRINGS[lang];
  let settings: Settings = { ...DEFAULTS };

  const proposal = (): Gaussian1D => (settings.qIsPosterior ? exactPosterior(MODEL, settings.x) : { mean: settings.qMean, variance: settings.qStd ** 2 });
  const proposalOf = (method: Method) => (method === 'prior' ? STANDARD_PRIOR : proposal());
  const exact = () => Math.exp(logEvidence(MODEL, settings.x));
  const sdOf = (method: Method, n: number) => exact() * relativeStd(MODEL, settings.x, proposalOf(method), n);
  const infiniteVariance = (method: Method) => relativeSecondMoment(MODEL, settings.x, proposalOf(method)) === Infinity;

  // ── One run of each sampler: cheap (≤ 2 × 100,000 samples), done at once on every change. ──
  let runs: Record<Method, Run>;
  const computeRuns = () => {
    const checkpoints = logSpacedCounts(settings.n, TRACE_PER_DECADE);
    const run = (method: Method) => sampleRun(MODEL, settings.x, proposalOf(method), settings.n, createRng(settings.seed, STREAM[method]), { keep: SHOWN_SAMPLES, checkpoints });
    runs = { prior: run('prior'), proposal: run('proposal') };
  };

  // ── The repeats: up to 2 × 200 × 100,000 samples, so they run in slices and restart when a setting changes. ──
  const repeatKey = (method: Method) => {
    const q = proposalOf(method);
    return [settings.x, settings.n, settings.seed, q.mean, q.variance].join('|');
  };
  const freshRepeats = (method: Method): RepeatState => ({
    key: repeatKey(method),
    rng: createRng(settings.seed, method === 'prior' ? STREAM.priorRepeats : STREAM.proposalRepeats),
    logEstimates: new Float64Array(REPEATS),
    done: 0,
    spread: null,
  });
  const repeats: Record<Method, RepeatState> = { prior: freshRepeats('prior'), proposal: freshRepeats('proposal') };
  const jobs = new JobGeneration();
  const progress = () => (repeats.prior.done + repeats.proposal.done) / (2 * REPEATS);
  const computing = () => progress() < 1;

  async function computeRepeats(): Promise<void> {
    for (const method of METHODS) if (repeats[method].key !== repeatKey(method)) repeats[method] = freshRepeats(method);
    const alive = jobs.next();
    figure.dataset['state'] = computing() ? 'computing' : 'ready';
    scheduler.request('status', 'stats', 'spread');
    const step = () => {
      // Alternate the samplers so both strips fill in together.
      const method = METHODS.reduce((a, b) => (repeats[b].done < repeats[a].done ? b : a));
      const state = repeats[method];
      if (state.done >= REPEATS) return false;
      state.logEstimates[state.done++] = sampleRun(MODEL, settings.x, proposalOf(method), settings.n, state.rng).logEstimate;
      if (state.done === REPEATS) state.spread = spread(Array.from(state.logEstimates, Math.exp));
      scheduler.request('status');
      return true;
    };
    if (!(await runInSlices(step, alive))) return;
    figure.dataset['state'] = 'ready';
    scheduler.request('status', 'stats', 'spread');
    announce(
      fill(s.announce, {
        x: formatNumber(settings.x),
        n: formatCount(settings.n, lang),
        exact: formatNumber(exact()),
        priorMean: formatNumber(repeats.prior.spread?.mean ?? NaN),
        priorSd: formatNumber(repeats.prior.spread?.sd ?? NaN),
        qMean: formatNumber(repeats.proposal.spread?.mean ?? NaN),
        qSd: formatNumber(repeats.proposal.spread?.sd ?? NaN),
      }),
    );
  }

  /** Applies new settings: the single runs are redone in the next frame (once, however many events came), the repeats restart. */
  let runsStale = true;
  function update(next: Partial<Settings>): void {
    settings = { ...settings, ...next };
    runsStale = true;
    scheduler.request('inputs', 'stats', 'density', 'convergence', 'spread', 'status');
    void computeRepeats();
  }

  // ── Elements ──
  const controls = part<HTMLFieldSetElement>(figure, '[data-ml="controls"]');
  const statsTable = part<HTMLTableElement>(figure, '[data-ml="stats"]');
  const status = part<HTMLElement>(figure, '[data-ml="status"]');
  const progressBar = part<HTMLProgressElement>(figure, '[data-ml="progress"]');
  const warning = part<HTMLElement>(figure, '[data-ml="warning"]');
  const posteriorButton = part<HTMLButtonElement>(figure, '[data-ml="use-posterior"]');
  const posteriorNote = part<HTMLElement>(figure, '[data-ml="posterior-note"]');
  const plots = part<HTMLElement>(figure, '[data-ml="plots"]');
  const announce = politeAnnouncer(part<HTMLElement>(figure, '[data-ml="announce"]'));
  const chart = (key: 'density' | 'convergence' | 'spread') => plotSectionParts(plots, key, 'ml', 'marginal-likelihood');
  const charts = { density: chart('density'), convergence: chart('convergence'), spread: chart('spread') };

  // ── Controls ──
  const inputs = bindSettingInputs(controls, s, lang, (setting, value) => {
    if (setting === 'qMean' || setting === 'qStd') {
      const q = proposal();
      update({ qIsPosterior: false, qMean: q.mean, qStd: Math.sqrt(q.variance), [setting]: value });
    } else update({ [setting]: value });
  });
  posteriorButton.addEventListener('click', () => {
    if (settings.qIsPosterior) {
      const q = proposal();
      update({ qIsPosterior: false, qMean: q.mean, qStd: Math.sqrt(q.variance) });
    } else update({ qIsPosterior: true });
  });
  part<HTMLButtonElement>(figure, '[data-ml="new-draws"]').addEventListener('click', () => update({ seed: settings.seed + 1 }));

  // ── Drawing (one frame at a time) ──
  const cell = (stat: string, method: Method) => part<HTMLTableCellElement>(statsTable, `tr[data-stat="${stat}"] td[data-method="${method}"]`);
  const tables = {
    density: () => densityTable(s, settings.x, proposal()),
    convergence: () => convergenceTable(s, lang, runs),
    spread: () => spreadTable(s, repeats),
  };
  const toggles = Object.fromEntries(
    (Object.keys(charts) as (keyof typeof charts)[]).map((key) => {
      const { toggle, table } = charts[key];
      toggle.hidden = false;
      return [key, bindTableToggle(toggle, table, { show: s.showTable, hide: s.hideTable }, () => table.replaceChildren(tables[key]()))] as const;
    }),
  ) as Record<keyof typeof charts, { isOpen: () => boolean }>;

  const widthOf = (el: HTMLElement) => Math.max(260, Math.round(el.clientWidth || 640));

  function drawInputs(): void {
    const q = proposal();
    const shown: Record<NumericSetting, number> = { x: settings.x, n: settings.n, qMean: q.mean, qStd: Math.sqrt(q.variance) };
    for (const setting of Object.keys(inputs) as NumericSetting[]) inputs[setting].show(shown[setting]);
    posteriorButton.setAttribute('aria-pressed', String(settings.qIsPosterior));
    const post = exactPosterior(MODEL, settings.x);
    posteriorNote.textContent = fill(settings.qIsPosterior ? s.posteriorOn : s.posteriorOff, { mean: formatNumber(post.mean), std: formatNumber(Math.sqrt(post.variance)) });
    const narrow = infiniteVariance('proposal');
    warning.hidden = !narrow;
    warning.textContent = narrow ? fill(s.qNarrow, { limit: formatNumber(Math.sqrt(post.variance / 2)) }) : '';
  }

  function drawStats(): void {
    const p = exact();
    part<HTMLElement>(figure, '[data-ml="exact"]').textContent = fill(s.exactAt, { x: formatNumber(settings.x), exact: formatNumber(p), logExact: formatNumber(Math.log(p)) });
    part<HTMLElement>(statsTable, '[data-ml="stats-caption"]').textContent = fill(s.tableCaption, { x: formatNumber(settings.x), n: formatCount(settings.n, lang), repeats: REPEATS });
    for (const td of statsTable.querySelectorAll('tr[data-stat="exact"] td')) td.textContent = formatNumber(exact());
    for (const method of METHODS) {
      const state = repeats[method];
      const spreadText = (f: (sp: Spread) => string) => (state.spread ? f(state.spread) : s.pending);
      cell('run', method).textContent = formatNumber(Math.exp(runs[method].logEstimate));
      cell('mean', method).textContent = spreadText((sp) => formatNumber(sp.mean));
      cell('sd', method).textContent = spreadText((sp) => formatNumber(sp.sd));
      cell('band', method).textContent = spreadText((sp) => fill(s.between, { lower: formatNumber(sp.lower), upper: formatNumber(sp.upper) }));
      cell('sdTheory', method).textContent = infiniteVariance(method) ? s.infinite : formatNumber(sdOf(method, settings.n));
      cell('ess', method).textContent = formatNumber(runs[method].effectiveSampleSize);
      cell('essTheory', method).textContent = infiniteVariance(method) ? '—' : formatNumber(settings.n * expectedEssFraction(MODEL, settings.x, proposalOf(method)));
    }
    statsTable.toggleAttribute('aria-busy', computing());
  }

  function drawStatus(): void {
    const values = { repeats: REPEATS, n: formatCount(settings.n, lang), percent: Math.floor(progress() * 100) };
    status.textContent = fill(computing() ? s.computing : s.computed, values);
    progressBar.hidden = !computing();
    progressBar.value = progress();
  }

  function drawDensity(): void {
    const { canvas, description } = charts.density;
    const q = proposal();
    const post = exactPosterior(MODEL, settings.x);
    const samples: DrawnSample[] = METHODS.flatMap((method) => {
      const { samples: zs, logWeights } = runs[method];
      const max = Math.max(...logWeights);
      return Array.from(zs, (z, i) => ({ method, z, relativeWeight: Math.exp((logWeights[i] as number) - max) }));
    });
    const labels = { z: s.densityAxisZ, density: s.densityAxisY, prior: s.densityPrior, proposal: s.densityProposal, posterior: s.densityPosterior, priorSamples: s.samplesPrior, proposalSamples: s.samplesProposal };
    description.textContent = fill(s.densityDescription, {
      qMean: formatNumber(q.mean),
      qStd: formatNumber(Math.sqrt(q.variance)),
      postMean: formatNumber(post.mean),
      postStd: formatNumber(Math.sqrt(post.variance)),
      shown: Math.min(SHOWN_SAMPLES, settings.n),
    });
    const spec = densityChart({ curves: densityCurves(MODEL, settings.x, q, 241), samples }, { width: widthOf(canvas), labels, ariaLabel: s.densityAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
  }

  function drawConvergence(): void {
    const { canvas, description } = charts.convergence;
    const p = exact();
    const points: TracePoint[] = METHODS.flatMap((method) => {
      const infinite = infiniteVariance(method);
      return runs[method].trace.counts.map((count, i) => {
        const sd = sdOf(method, count);
        return { method, count, estimate: Math.exp(runs[method].trace.logEstimates[i] ?? NaN), lower: infinite ? NaN : Math.max(0, p - 2 * sd), upper: infinite ? NaN : p + 2 * sd };
      });
    });
    description.textContent = fill(s.convergenceDescription, {
      n: formatCount(settings.n, lang),
      exact: formatNumber(p),
      priorEnd: formatNumber(Math.exp(runs.prior.logEstimate)),
      qEnd: formatNumber(Math.exp(runs.proposal.logEstimate)),
    });
    const labels = { count: s.convergenceAxisX, estimate: s.convergenceAxisY, exact: s.exactRule, prior: s.seriesPrior, proposal: s.seriesProposal };
    placeChart(canvas, Plot.plot(convergenceChart({ exact: p, points }, { width: widthOf(canvas), labels, ariaLabel: s.convergenceAria, ariaDescription: description.textContent })), description.id);
  }

  function drawSpread(): void {
    const { canvas, description } = charts.spread;
    canvas.classList.toggle('is-stale', computing());
    if (!repeats.prior.spread || !repeats.proposal.spread) return;
    const rows = METHODS.map((method) => ({
      method,
      label: method === 'prior' ? s.stripPrior : s.stripProposal,
      estimates: Array.from(repeats[method].logEstimates, Math.exp),
      ...repeats[method].spread!,
    }));
    description.textContent = fill(s.spreadDescription, { n: formatCount(settings.n, lang), exact: formatNumber(exact()), priorSd: formatNumber(rows[0]!.sd), qSd: formatNumber(rows[1]!.sd) });
    const spec = spreadChart({ exact: exact(), rows }, { width: widthOf(canvas), labels: { estimate: s.spreadAxisX, exact: s.exactRule }, ariaLabel: s.spreadAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
  }

  const scheduler = frameScheduler<Part>((parts) => {
    if (runsStale) {
      computeRuns();
      runsStale = false;
    }
    if (parts.has('inputs')) drawInputs();
    if (parts.has('stats')) drawStats();
    if (parts.has('status')) drawStatus();
    if (parts.has('density')) drawDensity();
    if (parts.has('convergence')) drawConvergence();
    if (parts.has('spread')) drawSpread();
    for (const key of Object.keys(charts) as (keyof typeof charts)[])
      if (parts.has(key) && toggles[key].isOpen()) charts[key].table.replaceChildren(tables[key]());
  });

  watchWidth(plots, () => scheduler.request('density', 'convergence', 'spread'));
  part<HTMLElement>(figure, '[data-ml="static-note"]').hidden = true;
  controls.disabled = false;
  update({});
}
