/**
 * The interactive part of ExactDecomposition.astro, loaded with import() when the figure nears the viewport. It owns
 * the settings, reads every number from core (closed forms; the fit from `fitPath`), and draws the pure chart specs
 * from src/charts with Plot, at most once per animation frame. "Fit q" computes the whole path at once (400 steps of
 * 1024 draws take about as long as one redraw) and then plays it a few steps per frame, or jumps to its end for reduced motion.
 */
import * as Plot from '@observablehq/plot';
import { createRng } from '../../core/random';
import { FIT_DEFAULTS, FIT_STEPS, fitPath, type FitPoint } from '../../core/toys/elbo-fit';
import { densityCurves, densityRange } from '../../core/toys/marginal-likelihood-study';
import { decompositionChart, densityChart, type DecompositionTerms } from '../../charts/exact-decomposition';
import { isLang } from '../../i18n/langs';
import { EXACT_DECOMPOSITION_STRINGS, fill } from '../../i18n/widgets/exact-decomposition';
import {
  DEFAULTS,
  LIMITS,
  MODEL,
  densityGridPoints,
  fieldText,
  formatGap,
  formatNumber,
  formatScientific,
  parseSetting,
  posteriorSettings,
  proposalOf,
  readout,
  type Setting,
  type Settings,
} from './exact-decomposition-state';
import { barsTable, densityTable } from './exact-decomposition-tables';
import { bindPairedInput, bindTableToggle, frameScheduler, placeChart, politeAnnouncer, plotSectionParts, requirePart, watchWidth } from './kit';
import { playPath, type PathPlayback } from './play-path';

type Part = 'inputs' | 'readout' | 'status' | 'bars' | 'density';
type ChartKey = 'bars' | 'density';
/** How long the fit plays, whatever the frame rate: the step shown grows as (elapsed / duration)², so the fast early
 * steps play slowly and the slow late ones quickly (at 60 frames a second, a few steps a frame on average). */
const FIT_DURATION_MS = 2500;
/** The status line (a live region) tells the fit's progress every this many steps, not every frame. */
const STATUS_EVERY = 100;
/** The seed of the fit's draws; each press of "Fit q" uses the next stream, so two fits differ but a reload repeats them. */
const FIT_SEED = 3;

const part = <T extends Element>(root: ParentNode, selector: string): T => requirePart<T>(root, selector, 'exact-decomposition');

/** Starts the widget inside a server-rendered `figure[data-widget="exact-decomposition"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = EXACT_DECOMPOSITION_STRINGS[lang];
  let settings: Settings = { ...DEFAULTS };
  let status = '';

  // ── Elements ──
  const controls = part<HTMLFieldSetElement>(figure, '[data-part="controls"]');
  const readoutTable = part<HTMLTableElement>(figure, '[data-part="readout"]');
  const statusLine = part<HTMLElement>(figure, '[data-part="status"]');
  const fitButton = part<HTMLButtonElement>(figure, '[data-part="fit"]');
  const plots = part<HTMLElement>(figure, '[data-part="plots"]');
  const announce = politeAnnouncer(part<HTMLElement>(figure, '[data-part="announce"]'));
  const chart = (key: ChartKey) => plotSectionParts(plots, key, 'exact-decomposition');
  const charts = { bars: chart('bars'), density: chart('density') };

  // ── The fit: a precomputed path played a few steps per frame; any other change cancels it. ──
  let fit: PathPlayback<FitPoint> | null = null;
  let fits = 0;
  const atPoint = (point: FitPoint): Settings => ({ ...settings, qMean: point.mean, qStd: point.std });
  const gapText = (point: FitPoint) => formatGap(point.gap);

  function stopFit(reason: 'done' | 'stopped' | 'cancelled'): void {
    if (!fit) return;
    fit.stop();
    const point = fit.current();
    if (reason === 'done') status = fill(s.fitted, { steps: FIT_STEPS, gap: gapText(point) });
    else if (reason === 'stopped') status = fill(s.stopped, { step: point.step, steps: FIT_STEPS, gap: gapText(point) });
    else status = '';
    fit = null;
    fitButton.textContent = s.fit;
    figure.dataset['state'] = 'ready';
    scheduler.request('status');
  }

  function startFit(): void {
    const path = fitPath(MODEL, settings.x, proposalOf(settings), FIT_STEPS, FIT_DEFAULTS, createRng(FIT_SEED, fits++));
    figure.dataset['state'] = 'fitting';
    fitButton.textContent = s.stopFit;
    fit = playPath(path, {
      durationMs: FIT_DURATION_MS,
      ease: (t) => t * t,
      statusEvery: STATUS_EVERY,
      onFrame: (point, statusDue) => {
        settings = atPoint(point);
        if (statusDue) status = fill(s.fitting, { step: point.step, steps: FIT_STEPS, gap: gapText(point) });
        scheduler.request('inputs', 'readout', 'status', 'bars', 'density');
      },
      onDone: () => stopFit('done'),
    });
  }

  /** Applies settings the reader chose (cancelling a fit in progress) and redraws everything in the next frame. */
  function update(next: Partial<Settings>): void {
    stopFit('cancelled');
    settings = { ...settings, ...next };
    status = '';
    scheduler.request('inputs', 'readout', 'status', 'bars', 'density');
  }

  // ── Controls ──
  const inputs = Object.fromEntries(
    (Object.keys(LIMITS) as Setting[]).map((setting) => {
      const row = part<HTMLElement>(controls, `[data-setting="${setting}"]`);
      const { min, max } = LIMITS[setting];
      const binding = bindPairedInput({
        range: part<HTMLInputElement>(row, 'input[type="range"]'),
        field: part<HTMLInputElement>(row, 'input[type="text"]'),
        message: part<HTMLElement>(row, '.widget-field-message'),
        parse: (raw) => {
          const parsed = parseSetting(setting, raw);
          if (parsed.ok) return parsed.value;
          return fill(setting === 'qStd' ? s.invalidStd : s.invalidNumber, { min: formatNumber(min), max: formatNumber(max) });
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
  fitButton.addEventListener('click', () => (fit ? stopFit('stopped') : startFit()));
  part<HTMLButtonElement>(figure, '[data-part="use-posterior"]').addEventListener('click', () => update(posteriorSettings(settings)));
  part<HTMLButtonElement>(figure, '[data-part="reset"]').addEventListener('click', () => update({ qMean: DEFAULTS.qMean, qStd: DEFAULTS.qStd }));

  // ── What is drawn ──
  const terms = (): DecompositionTerms => {
    const r = readout(settings);
    return { reconstructionCost: -r.reconstruction, klPrior: r.klPrior, negEvidence: -r.logEvidence, gap: r.gap };
  };
  const curves = () => {
    const q = proposalOf(settings);
    const range = densityRange(MODEL, settings.x, q);
    return densityCurves(MODEL, settings.x, q, densityGridPoints(range, settings.qStd), range);
  };
  const tables = { bars: () => barsTable(s, terms()), density: () => densityTable(s, curves()) };
  const toggles = Object.fromEntries(
    (Object.keys(charts) as ChartKey[]).map((key) => {
      const { toggle, table } = charts[key];
      toggle.hidden = false;
      return [key, bindTableToggle(toggle, table, { show: s.showTable, hide: s.hideTable }, () => table.replaceChildren(tables[key]()))] as const;
    }),
  ) as Record<ChartKey, { isOpen: () => boolean }>;
  const widthOf = (el: HTMLElement) => Math.max(260, Math.round(el.clientWidth || 640));
  const qText = () => ({ qMean: formatNumber(settings.qMean), qStd: formatNumber(settings.qStd) });

  function drawInputs(): void {
    for (const setting of Object.keys(inputs) as Setting[]) inputs[setting].show(settings[setting]);
  }

  function drawReadout(): void {
    const r = readout(settings);
    part<HTMLElement>(figure, '[data-part="exact"]').textContent = fill(s.exactAt, {
      x: formatNumber(settings.x),
      logEvidence: formatNumber(r.logEvidence),
      postMean: formatNumber(r.posterior.mean),
      postStd: formatNumber(Math.sqrt(r.posterior.variance)),
    });
    part<HTMLElement>(readoutTable, '[data-part="readout-caption"]').textContent = fill(s.tableCaption, { x: formatNumber(settings.x), ...qText() });
    const values: Record<string, string> = {
      evidence: formatNumber(r.logEvidence),
      elbo: formatNumber(r.elbo),
      gap: formatGap(r.gap),
      sum: formatNumber(r.sum),
      error: formatScientific(r.identityError),
      reconstruction: formatNumber(r.reconstruction),
      klPrior: formatNumber(r.klPrior),
    };
    for (const [key, text] of Object.entries(values)) part<HTMLElement>(readoutTable, `tr[data-stat="${key}"] td`).textContent = text;
    if (!fit) announce(fill(s.announce, { x: formatNumber(settings.x), ...qText(), elbo: formatNumber(r.elbo), gap: formatGap(r.gap), sum: formatNumber(r.sum) }));
  }

  function drawBars(): void {
    const { canvas, description } = charts.bars;
    const t = terms();
    description.textContent = fill(s.barsDescription, {
      negElbo: formatNumber(t.reconstructionCost + t.klPrior),
      reconstructionCost: formatNumber(t.reconstructionCost),
      klPrior: formatNumber(t.klPrior),
      negEvidence: formatNumber(t.negEvidence),
      gap: formatGap(t.gap),
    });
    const labels = {
      axis: s.barsAxis,
      rowElbo: s.barsRowElbo,
      rowEvidence: s.barsRowEvidence,
      rule: s.barsRule,
      parts: { reconstruction: s.segReconstruction, klPrior: s.segKlPrior, evidence: s.segEvidence, gap: s.segGap },
    };
    const spec = decompositionChart(t, { width: widthOf(canvas), labels, format: (v) => formatNumber(v, 3), ariaLabel: s.barsAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
  }

  function drawDensity(): void {
    const { canvas, description } = charts.density;
    const post = readout(settings).posterior;
    description.textContent = fill(s.densityDescription, { postMean: formatNumber(post.mean), postStd: formatNumber(Math.sqrt(post.variance)), ...qText() });
    const labels = { z: s.densityAxisZ, density: s.densityAxisY, prior: s.densityPrior, posterior: s.densityPosterior, q: s.densityQ };
    placeChart(canvas, Plot.plot(densityChart(curves(), { width: widthOf(canvas), labels, ariaLabel: s.densityAria, ariaDescription: description.textContent })), description.id);
  }

  const scheduler = frameScheduler<Part>((parts) => {
    if (parts.has('inputs')) drawInputs();
    if (parts.has('readout')) drawReadout();
    if (parts.has('status') && statusLine.textContent !== status) statusLine.textContent = status;
    if (parts.has('bars')) drawBars();
    if (parts.has('density')) drawDensity();
    for (const key of Object.keys(charts) as ChartKey[]) if (parts.has(key) && toggles[key].isOpen()) charts[key].table.replaceChildren(tables[key]());
  });

  watchWidth(plots, () => scheduler.request('bars', 'density'));
  part<HTMLElement>(figure, '[data-part="static-note"]').hidden = true;
  controls.disabled = false;
  figure.dataset['state'] = 'ready';
  update({});
}
