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
import { superscript } from '../../lib/numbers';
import { createImageMeasurement, type MeasurementPart } from './image-measurement';
import { bindTableToggle, buildTable, frameScheduler, placeChart, politeAnnouncer, requirePart, watchWidth } from './kit';
import { paintGrid, themeColors } from './lab/image-grid';
import { formatNats } from './lab/numbers';
import { PRIOR_SAMPLES_PLAN as PLAN, SAMPLE_COLUMNS, SAMPLE_COUNT, boundName, formatError, formatEstimate } from './pretrained-bounds';
import { priorSamples, type PretrainedVae } from './pretrained-vae';

const BOUND = PLAN.ladder[0]!;
const NAME = boundName(BOUND.k);
/** Upscaling of the sample grid's canvas (CSS then fits it to the column). */
const SAMPLE_SCALE = 3;

/** "2.1 × 10⁻⁴³": a probability far below floating point's range, from its log. */
function formatPower(logProbability: number): string {
  const { mantissa, exponent } = powerOfTen(logProbability);
  return `${mantissa.toFixed(1)} × 10${superscript(exponent)}`;
}

/** Starts the widget inside a server-rendered `figure[data-widget="prior-samples"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = PRIOR_SAMPLES_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const part = <T extends Element>(selector: string) => requirePart<T>(figure, `[data-part="${selector}"]`, 'prior-samples');
  const sampleControls = part<HTMLFieldSetElement>('sample-controls');
  const digitControls = part<HTMLFieldSetElement>('digit-controls');
  const samplesCanvas = part<HTMLCanvasElement>('samples');
  const stats = part<HTMLTableElement>('stats');
  const status = part<HTMLElement>('status');
  const canvas = part<HTMLElement>('canvas');
  const description = part<HTMLElement>('description');
  const tableRegion = part<HTMLElement>('table');
  const announce = politeAnnouncer(part<HTMLElement>('announce'));
  const m = createImageMeasurement({
    figure,
    widget: 'prior-samples',
    plan: PLAN,
    p,
    templates: { computing: s.computing, computed: s.computed },
    status,
    progress: part<HTMLProgressElement>('progress'),
    digit: part<HTMLCanvasElement>('image'),
    pickerRoot: digitControls,
    backend: part<HTMLElement>('backend'),
    request: (...parts) => scheduler.request(...parts),
    onMeasured: (final, image) => announce(fill(s.announce, { image, bound: formatNats(final.ladder[0]?.estimate?.mean), elbo: formatNats(final.elbo?.mean) })),
  });

  let vae: PretrainedVae | null = null;
  let sampleSet = 0;
  let samples: { pixels: Float32Array; width: number; height: number } | null = null;

  const paintSamples = () => {
    if (samples) paintGrid(samplesCanvas, samples.pixels, SAMPLE_COUNT, samples.width, samples.height, { columns: SAMPLE_COLUMNS, scale: SAMPLE_SCALE, gap: 2, colors: themeColors(figure) });
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
      m.fail(p.requestFailed, error);
    }
  }

  function drawStats(): void {
    part<HTMLElement>('stats-caption').textContent = fill(s.tableCaption, { image: m.image });
    const bound = m.summary.ladder[0]?.estimate ?? null;
    const show = (key: string, text: string | null) =>
      (requirePart<HTMLElement>(stats, `tr[data-stat="${key}"] td[data-col="estimate"]`, 'prior-samples').textContent = text ?? (m.computing ? p.pending : '—'));
    show(BOUND.key, bound && formatEstimate(bound));
    show(PLAN.elbo.key, m.summary.elbo && formatEstimate(m.summary.elbo));
    show('gap', m.summary.gap && formatEstimate(m.summary.gap));
    stats.toggleAttribute('aria-busy', m.computing);
    stats.dataset['image'] = String(m.image);
    const inputSize = m.pixels ? m.pixels.width * m.pixels.height : 784;
    part<HTMLElement>('per-pixel').textContent = bound
      ? fill(s.perPixel, { power: formatPower(bound.mean), bits: bitsPerDimension(bound.mean, inputSize).toFixed(3) })
      : '';
  }

  function comparisonRows(): ComparisonRow[] {
    const bound = m.summary.ladder[0]?.estimate;
    if (!bound || !m.summary.elbo) return [];
    return [
      { label: s.labelElbo, kind: 'elbo', mean: m.summary.elbo.mean, standardError: m.summary.elbo.standardError },
      { label: fill(s.labelBound, { name: NAME }), kind: 'bound', mean: bound.mean, standardError: bound.standardError },
    ];
  }

  function drawChart(): void {
    part<HTMLElement>('chart-title').textContent = fill(s.chartTitle, { image: m.image });
    const rows = comparisonRows();
    canvas.classList.toggle('is-stale', m.computing);
    if (rows.length === 0 || !m.summary.gap) {
      description.textContent = s.chartPending;
      canvas.replaceChildren();
      return;
    }
    const [elbo, bound] = rows as [ComparisonRow, ComparisonRow];
    description.textContent = fill(s.chartDescription, { elbo: formatEstimate(elbo), bound: formatEstimate(bound), gap: formatNats(m.summary.gap.mean) });
    const spec = comparisonChart(rows, { width: Math.max(260, Math.round(canvas.clientWidth || 640)), labels: { nats: s.axisNats }, ariaLabel: s.chartAria, ariaDescription: description.textContent });
    placeChart(canvas, Plot.plot(spec), description.id);
    if (toggle.isOpen()) tableRegion.replaceChildren(chartTable());
  }

  function chartTable(): HTMLTableElement {
    const rows = [
      { label: s.labelElbo, series: PLAN.elbo, estimate: m.summary.elbo },
      { label: fill(s.labelBound, { name: NAME }), series: BOUND, estimate: m.summary.ladder[0]?.estimate ?? null },
    ].map(({ label, series, estimate }) => [
      label,
      estimate ? formatNats(estimate.mean) : p.pending,
      estimate ? formatError(estimate.standardError) : p.pending,
      `${series.repeats} × ${series.k}`,
    ]);
    return buildTable(fill(s.chartTitle, { image: m.image }), [s.tableEstimate, s.tableMean, s.tableSe, s.tableRepeats], rows);
  }

  const scheduler = frameScheduler<MeasurementPart>((parts) => {
    if (parts.has('stats')) drawStats();
    if (parts.has('status')) m.drawStatus();
    if (parts.has('chart')) drawChart();
  });
  const toggleButton = part<HTMLButtonElement>('table-toggle');
  toggleButton.hidden = false;
  const toggle = bindTableToggle(toggleButton, tableRegion, { show: p.showTable, hide: p.hideTable }, () => tableRegion.replaceChildren(chartTable()));
  watchWidth(part<HTMLElement>('plots'), () => scheduler.request('chart'));
  part<HTMLElement>('static-note').hidden = true;
  m.start(async (started) => {
    vae = started;
    part<HTMLButtonElement>('new-samples').addEventListener('click', () => void newSamples());
    sampleControls.disabled = false;
    digitControls.disabled = false;
    await newSamples();
  }, paintSamples);
}
