/**
 * The interactive part of PriorSamples.astro, loaded with import() when the figure nears the viewport. It starts the
 * worker on the pretrained model, paints images decoded from z ~ N(0, I), and for the picked test digit estimates
 * log p(x) by importance sampling (𝓛₅₀₀) and the ELBO, summarised by src/core/bound-summary, drawn once per frame.
 */
import * as Plot from '@observablehq/plot';
import { comparisonChart, type ComparisonRow } from '../../charts/elbo-gap';
import { bitsPerDimension, powerOfTen } from '../../core/bound-summary';
import { isLang } from '../../i18n/langs';
import { PRETRAINED_STRINGS } from '../../i18n/widgets/pretrained';
import { PRIOR_SAMPLES_STRINGS, fill } from '../../i18n/widgets/prior-samples';
import { JobGeneration, bindTableToggle, buildTable, frameScheduler, placeChart, politeAnnouncer, requirePart, watchWidth } from './kit';
import { paintGrid, themeColors } from './lab/image-grid';
import { formatNats } from './lab/numbers';
import { DEFAULT_IMAGE, PRIOR_SAMPLES_PLAN as PLAN, SAMPLE_COLUMNS, SAMPLE_COUNT, boundName, formatCount, formatError, formatEstimate, planSamples, summarize, type BoundSummary } from './pretrained-bounds';
import { backendName, measureImage, priorSamples, startPretrained, testImages, watchTheme, type PretrainedVae } from './pretrained-vae';
import { bindTestImagePicker } from './test-image-picker';

type Part = 'stats' | 'status' | 'chart';
const TOTAL_SAMPLES = planSamples(PLAN);
const BOUND = PLAN.ladder[0]!;
const NAME = boundName(BOUND.k);
/** Upscaling of the sample grid's canvas (CSS then fits it to the column). */
const SAMPLE_SCALE = 3;

/** "2.1 × 10⁻⁴³": a probability far below floating point's range, from its log. */
function formatPower(logProbability: number): string {
  const { mantissa, exponent } = powerOfTen(logProbability);
  const superscript = String(exponent).replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] as string);
  return `${mantissa.toFixed(1)} × 10${superscript}`;
}

/** Starts the widget inside a server-rendered `figure[data-widget="prior-samples"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = PRIOR_SAMPLES_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const part = <T extends Element>(selector: string) => requirePart<T>(figure, `[data-ps="${selector}"]`, 'prior-samples');
  const sampleControls = part<HTMLFieldSetElement>('sample-controls');
  const digitControls = part<HTMLFieldSetElement>('digit-controls');
  const samplesCanvas = part<HTMLCanvasElement>('samples');
  const digit = part<HTMLCanvasElement>('image');
  const stats = part<HTMLTableElement>('stats');
  const status = part<HTMLElement>('status');
  const progress = part<HTMLProgressElement>('progress');
  const canvas = part<HTMLElement>('canvas');
  const description = part<HTMLElement>('description');
  const tableRegion = part<HTMLElement>('table');
  const announce = politeAnnouncer(part<HTMLElement>('announce'));

  let vae: PretrainedVae | null = null;
  let image = DEFAULT_IMAGE;
  let sampleSet = 0;
  let samples: { pixels: Float32Array; width: number; height: number } | null = null;
  let pixels: { data: Float32Array; width: number; height: number } | null = null;
  let summary: BoundSummary = summarize(PLAN, new Map());
  let samplesDone = 0;
  let failure: string | null = null;
  const jobs = new JobGeneration();
  const computing = () => figure.dataset['state'] === 'computing';
  const fail = (template: string, error: unknown) => {
    failure = fill(template, { message: error instanceof Error ? error.message : String(error) });
    figure.dataset['state'] = 'failed';
    scheduler.request('status', 'stats');
  };

  const paintSamples = () => {
    if (samples) paintGrid(samplesCanvas, samples.pixels, SAMPLE_COUNT, samples.width, samples.height, { columns: SAMPLE_COLUMNS, scale: SAMPLE_SCALE, gap: 2, colors: themeColors(figure) });
  };
  const paintDigit = () => {
    if (pixels) paintGrid(digit, pixels.data, 1, pixels.width, pixels.height, { columns: 1, scale: 1, gap: 0, colors: themeColors(figure) });
  };

  async function newSamples(): Promise<void> {
    if (!vae) return;
    const set = ++sampleSet;
    status.textContent = fill(s.sampling, { count: SAMPLE_COUNT });
    try {
      const event = await priorSamples(vae.worker, SAMPLE_COUNT, set);
      if (set !== sampleSet) return;
      samples = event;
      paintSamples();
      samplesCanvas.setAttribute('aria-label', fill(s.samplesAria, { count: SAMPLE_COUNT, set }));
      samplesCanvas.dataset['set'] = String(set);
      part<HTMLElement>('samples-caption').textContent = fill(s.samplesCaption, { count: SAMPLE_COUNT, set });
      scheduler.request('status');
    } catch (error) {
      fail(p.requestFailed, error);
    }
  }

  async function compute(next: number): Promise<void> {
    if (!vae) return;
    image = next;
    summary = summarize(PLAN, new Map());
    samplesDone = 0;
    failure = null;
    figure.dataset['state'] = 'computing';
    scheduler.request('stats', 'status', 'chart');
    const alive = jobs.next();
    try {
      const final = await measureImage(vae.worker, PLAN, next, alive, (update) => {
        ({ summary, samplesDone } = update);
        scheduler.request(...((update.seriesDone ? ['status', 'stats', 'chart'] : ['status']) as Part[]));
      });
      if (!final) return;
      figure.dataset['state'] = 'ready';
      scheduler.request('status', 'stats', 'chart');
      announce(fill(s.announce, { image, bound: formatNats(final.ladder[0]?.estimate?.mean), elbo: formatNats(final.elbo?.mean) }));
    } catch (error) {
      if (alive()) fail(p.requestFailed, error);
    }
  }

  function drawStats(): void {
    part<HTMLElement>('stats-caption').textContent = fill(s.tableCaption, { image });
    const bound = summary.ladder[0]?.estimate ?? null;
    const show = (key: string, text: string | null) =>
      (requirePart<HTMLElement>(stats, `tr[data-stat="${key}"] td[data-col="estimate"]`, 'prior-samples').textContent = text ?? (computing() ? p.pending : '—'));
    show(BOUND.key, bound && formatEstimate(bound));
    show(PLAN.elbo.key, summary.elbo && formatEstimate(summary.elbo));
    show('gap', summary.gap && formatEstimate(summary.gap));
    stats.toggleAttribute('aria-busy', computing());
    stats.dataset['image'] = String(image);
    const inputSize = pixels ? pixels.width * pixels.height : 784;
    part<HTMLElement>('per-pixel').textContent = bound
      ? fill(s.perPixel, { power: formatPower(bound.mean), bits: bitsPerDimension(bound.mean, inputSize).toFixed(3) })
      : '';
  }

  function drawStatus(): void {
    const state = figure.dataset['state'];
    progress.hidden = state !== 'computing';
    progress.value = samplesDone / TOTAL_SAMPLES;
    if (failure) status.textContent = failure;
    else if (state === 'computing') status.textContent = fill(s.computing, { image, percent: Math.floor((100 * samplesDone) / TOTAL_SAMPLES), samples: formatCount(TOTAL_SAMPLES) });
    else if (state === 'ready') status.textContent = fill(s.computed, { image, samples: formatCount(TOTAL_SAMPLES) });
  }

  function comparisonRows(): ComparisonRow[] {
    const bound = summary.ladder[0]?.estimate;
    if (!bound || !summary.elbo) return [];
    return [
      { label: s.labelElbo, kind: 'elbo', mean: summary.elbo.mean, standardError: summary.elbo.standardError },
      { label: fill(s.labelBound, { name: NAME }), kind: 'bound', mean: bound.mean, standardError: bound.standardError },
    ];
  }

  function drawChart(): void {
    part<HTMLElement>('chart-title').textContent = fill(s.chartTitle, { image });
    const rows = comparisonRows();
    canvas.classList.toggle('is-stale', computing());
    if (rows.length === 0 || !summary.gap) {
      description.textContent = s.chartPending;
      canvas.replaceChildren();
      return;
    }
    const [elbo, bound] = rows as [ComparisonRow, ComparisonRow];
    description.textContent = fill(s.chartDescription, { elbo: formatEstimate(elbo), bound: formatEstimate(bound), gap: formatNats(summary.gap.mean) });
    const spec = comparisonChart(rows, { width: Math.max(260, Math.round(canvas.clientWidth || 640)), labels: { nats: s.axisNats }, ariaLabel: s.chartAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
    if (toggle.isOpen()) tableRegion.replaceChildren(chartTable());
  }

  function chartTable(): HTMLTableElement {
    const rows = [
      { label: s.labelElbo, series: PLAN.elbo, estimate: summary.elbo },
      { label: fill(s.labelBound, { name: NAME }), series: BOUND, estimate: summary.ladder[0]?.estimate ?? null },
    ].map(({ label, series, estimate }) => [
      label,
      estimate ? formatNats(estimate.mean) : p.pending,
      estimate ? formatError(estimate.standardError) : p.pending,
      `${series.repeats} × ${series.k}`,
    ]);
    return buildTable(fill(s.chartTitle, { image }), [s.tableEstimate, s.tableMean, s.tableSe, s.tableRepeats], rows);
  }

  const scheduler = frameScheduler<Part>((parts) => {
    if (parts.has('stats')) drawStats();
    if (parts.has('status')) drawStatus();
    if (parts.has('chart')) drawChart();
  });
  const toggleButton = part<HTMLButtonElement>('table-toggle');
  toggleButton.hidden = false;
  const toggle = bindTableToggle(toggleButton, tableRegion, { show: p.showTable, hide: p.hideTable }, () => tableRegion.replaceChildren(chartTable()));
  watchWidth(part<HTMLElement>('plots'), () => scheduler.request('chart'));
  part<HTMLElement>('static-note').hidden = true;
  figure.dataset['state'] = 'starting';

  void startPretrained(p, (text) => (status.textContent = text)).then(
    async (started) => {
      vae = started;
      const backend = part<HTMLElement>('backend');
      backend.textContent = fill(p.engine, { backend: backendName(p, started.backend) });
      backend.dataset['backend'] = started.backend;
      const picker = bindTestImagePicker(requirePart<HTMLElement>(digitControls, '[data-picker="root"]', 'prior-samples'), {
        s: p,
        load: (offset, count) => testImages(started.worker, offset, count),
        onPick: (next, data, size) => {
          pixels = { data, ...size };
          paintDigit();
          digit.setAttribute('aria-label', fill(p.imageAria, { n: next }));
          void compute(next);
        },
        onError: (message) => fail(p.requestFailed, message),
      });
      part<HTMLButtonElement>('new-samples').addEventListener('click', () => void newSamples());
      watchTheme(() => {
        paintSamples();
        paintDigit();
        picker.repaint();
      });
      sampleControls.disabled = false;
      digitControls.disabled = false;
      await newSamples();
      picker.pick(DEFAULT_IMAGE);
    },
    (error: unknown) => fail(p.startFailed, error),
  );
}
