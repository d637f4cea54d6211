/**
 * The interactive part of ElboGap.astro, loaded with import() when the figure nears the viewport. It starts the
 * worker on the pretrained model, and for the picked test image sends the plan's bound requests one at a time
 * (a new pick cancels the rest), summarises the answers with src/core/bound-summary and draws them once per frame.
 */
import * as Plot from '@observablehq/plot';
import { boundLadderChart, type LadderPoint } from '../../charts/elbo-gap';
import { isLang } from '../../i18n/langs';
import { ELBO_GAP_STRINGS, fill } from '../../i18n/widgets/elbo-gap';
import { PRETRAINED_STRINGS } from '../../i18n/widgets/pretrained';
import { JobGeneration, bindTableToggle, buildTable, frameScheduler, placeChart, politeAnnouncer, requirePart, watchWidth } from './kit';
import { paintGrid, themeColors } from './lab/image-grid';
import { formatNats } from './lab/numbers';
import { DEFAULT_IMAGE, ELBO_GAP_PLAN as PLAN, boundName, formatCount, formatError, formatEstimate, planSamples, summarize, type BoundSummary } from './pretrained-bounds';
import { backendName, measureImage, startPretrained, testImages, watchTheme, type PretrainedVae } from './pretrained-vae';
import { bindTestImagePicker } from './test-image-picker';

type Part = 'stats' | 'status' | 'chart';
const TOTAL_SAMPLES = planSamples(PLAN);
const TOP = PLAN.ladder.at(-1)!;

/** Starts the widget inside a server-rendered `figure[data-widget="elbo-gap"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = ELBO_GAP_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const part = <T extends Element>(selector: string) => requirePart<T>(figure, `[data-eg="${selector}"]`, 'elbo-gap');
  const controls = part<HTMLFieldSetElement>('controls');
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
  let pixels: { data: Float32Array; width: number; height: number } | null = null;
  let summary: BoundSummary = summarize(PLAN, new Map());
  let samplesDone = 0;
  let failure: string | null = null;
  const jobs = new JobGeneration();
  const computing = () => figure.dataset['state'] === 'computing';

  const paintDigit = () => {
    if (pixels) paintGrid(digit, pixels.data, 1, pixels.width, pixels.height, { columns: 1, scale: 1, gap: 0, colors: themeColors(figure) });
  };

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
      const final = await measureImage(vae.worker, PLAN, next, alive, (progress) => {
        ({ summary, samplesDone } = progress);
        scheduler.request(...((progress.seriesDone ? ['status', 'stats', 'chart'] : ['status']) as Part[]));
      });
      if (!final) return;
      figure.dataset['state'] = 'ready';
      scheduler.request('status', 'stats', 'chart');
      const bound = final.ladder.at(-1)?.estimate;
      announce(fill(s.announce, { image, elbo: formatNats(final.elbo?.mean), bound: formatNats(bound?.mean), gap: formatNats(final.gap?.mean) }));
    } catch (error) {
      if (!alive()) return;
      failure = fill(p.requestFailed, { message: error instanceof Error ? error.message : String(error) });
      figure.dataset['state'] = 'failed';
      scheduler.request('status', 'stats');
    }
  }

  function drawStats(): void {
    part<HTMLElement>('stats-caption').textContent = fill(s.tableCaption, { image });
    const cell = (key: string) => requirePart<HTMLElement>(stats, `tr[data-stat="${key}"] td[data-col="estimate"]`, 'elbo-gap');
    const show = (key: string, text: string | null) => (cell(key).textContent = text ?? (computing() ? p.pending : '—'));
    show(PLAN.elbo.key, summary.elbo && formatEstimate(summary.elbo));
    PLAN.ladder.forEach((series, i) => {
      const estimate = summary.ladder[i]?.estimate ?? null;
      show(series.key, estimate && formatEstimate(estimate));
    });
    show('gap', summary.gap && formatEstimate(summary.gap));
    stats.toggleAttribute('aria-busy', computing());
    stats.dataset['image'] = String(image);
    const gap = part<HTMLElement>('gap');
    gap.textContent = summary.gap ? fill(s.gapSentence, { name: boundName(TOP.k), gap: formatNats(summary.gap.mean) }) : fill(s.gapPending, { name: boundName(TOP.k) });
    const climbs = part<HTMLElement>('climbs');
    climbs.textContent = summary.climbs === null ? '' : summary.climbs ? s.climbs : s.falls;
    if (summary.climbs === null) delete climbs.dataset['climbs'];
    else climbs.dataset['climbs'] = String(summary.climbs);
  }

  function drawStatus(): void {
    const state = figure.dataset['state'];
    progress.hidden = state !== 'computing';
    progress.value = samplesDone / TOTAL_SAMPLES;
    if (failure) status.textContent = failure;
    else if (state === 'computing') status.textContent = fill(s.computing, { image, percent: Math.floor((100 * samplesDone) / TOTAL_SAMPLES), samples: formatCount(TOTAL_SAMPLES) });
    else if (state === 'ready') status.textContent = fill(s.computed, { image, samples: formatCount(TOTAL_SAMPLES) });
  }

  const ladderPoints = (): LadderPoint[] =>
    summary.ladder.flatMap((rung) => (rung.estimate ? [{ k: rung.k, mean: rung.estimate.mean, standardError: rung.estimate.standardError }] : []));

  function drawChart(): void {
    const points = ladderPoints();
    const first = summary.ladder[0]?.estimate;
    const last = summary.ladder.at(-1)?.estimate;
    description.textContent =
      summary.elbo && first && last && summary.gap
        ? fill(s.chartDescription, { image, elbo: formatEstimate(summary.elbo), first: formatEstimate(first), last: formatEstimate(last), gap: formatNats(summary.gap.mean) })
        : s.chartPending;
    canvas.classList.toggle('is-stale', computing());
    const spec = boundLadderChart(
      { points, elbo: summary.elbo, ks: PLAN.ladder.map((series) => series.k) },
      {
        width: Math.max(260, Math.round(canvas.clientWidth || 640)),
        labels: { k: s.axisK, nats: s.axisNats, elbo: s.ruleElbo, gap: s.bracketGap },
        ariaLabel: s.chartAria,
        ariaDescription: description.textContent,
      },
    );
    placeChart(canvas, Plot.plot(spec), description.id);
    if (toggle.isOpen()) tableRegion.replaceChildren(chartTable());
  }

  function chartTable(): HTMLTableElement {
    const rows = [PLAN.elbo, ...PLAN.ladder].map((series, i) => {
      const estimate = i === 0 ? summary.elbo : (summary.ladder[i - 1]?.estimate ?? null);
      const name = i === 0 ? s.ruleElbo : String(series.k);
      return [name, estimate ? formatNats(estimate.mean) : p.pending, estimate ? formatError(estimate.standardError) : p.pending, String(series.repeats)];
    });
    return buildTable(s.chartTitle, [s.tableK, s.tableMean, s.tableSe, s.tableRepeats], rows);
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
    (started) => {
      vae = started;
      const backend = part<HTMLElement>('backend');
      backend.textContent = fill(p.engine, { backend: backendName(p, started.backend) });
      backend.dataset['backend'] = started.backend;
      const picker = bindTestImagePicker(requirePart<HTMLElement>(controls, '[data-picker="root"]', 'elbo-gap'), {
        s: p,
        load: (offset, count) => testImages(started.worker, offset, count),
        onPick: (next, data, size) => {
          pixels = { data, ...size };
          paintDigit();
          digit.setAttribute('aria-label', fill(p.imageAria, { n: next }));
          void compute(next);
        },
        onError: (message) => {
          failure = fill(p.requestFailed, { message });
          figure.dataset['state'] = 'failed';
          scheduler.request('status');
        },
      });
      watchTheme(() => {
        paintDigit();
        picker.repaint();
      });
      controls.disabled = false;
      picker.pick(DEFAULT_IMAGE);
    },
    (error: unknown) => {
      failure = fill(p.startFailed, { message: error instanceof Error ? error.message : String(error) });
      figure.dataset['state'] = 'failed';
      scheduler.request('status');
    },
  );
}
