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
import { createImageMeasurement, type MeasurementPart } from './image-measurement';
import { bindTableToggle, buildTable, frameScheduler, placeChart, politeAnnouncer, requirePart, watchWidth } from './kit';
import { formatNats } from './lab/numbers';
import { ELBO_GAP_PLAN as PLAN, boundName, formatError, formatEstimate } from './pretrained-bounds';

const TOP = PLAN.ladder.at(-1)!;

/** Starts the widget inside a server-rendered `figure[data-widget="elbo-gap"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = ELBO_GAP_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const part = <T extends Element>(selector: string) => requirePart<T>(figure, `[data-part="${selector}"]`, 'elbo-gap');
  const controls = part<HTMLFieldSetElement>('controls');
  const stats = part<HTMLTableElement>('stats');
  const canvas = part<HTMLElement>('canvas');
  const description = part<HTMLElement>('description');
  const tableRegion = part<HTMLElement>('table');
  const announce = politeAnnouncer(part<HTMLElement>('announce'));
  const m = createImageMeasurement({
    figure,
    widget: 'elbo-gap',
    plan: PLAN,
    p,
    templates: { computing: s.computing, computed: s.computed },
    status: part<HTMLElement>('status'),
    progress: part<HTMLProgressElement>('progress'),
    digit: part<HTMLCanvasElement>('image'),
    pickerRoot: controls,
    backend: part<HTMLElement>('backend'),
    request: (...parts) => scheduler.request(...parts),
    onMeasured: (final, image) => {
      const bound = final.ladder.at(-1)?.estimate;
      announce(fill(s.announce, { image, elbo: formatNats(final.elbo?.mean), bound: formatNats(bound?.mean), gap: formatNats(final.gap?.mean) }));
    },
  });

  function drawStats(): void {
    part<HTMLElement>('stats-caption').textContent = fill(s.tableCaption, { image: m.image });
    const cell = (key: string) => requirePart<HTMLElement>(stats, `tr[data-stat="${key}"] td[data-col="estimate"]`, 'elbo-gap');
    const show = (key: string, text: string | null) => (cell(key).textContent = text ?? (m.computing ? p.pending : '—'));
    show(PLAN.elbo.key, m.summary.elbo && formatEstimate(m.summary.elbo));
    PLAN.ladder.forEach((series, i) => {
      const estimate = m.summary.ladder[i]?.estimate ?? null;
      show(series.key, estimate && formatEstimate(estimate));
    });
    show('gap', m.summary.gap && formatEstimate(m.summary.gap));
    stats.toggleAttribute('aria-busy', m.computing);
    stats.dataset['image'] = String(m.image);
    const gap = part<HTMLElement>('gap');
    gap.textContent = m.summary.gap ? fill(s.gapSentence, { name: boundName(TOP.k), gap: formatNats(m.summary.gap.mean) }) : fill(s.gapPending, { name: boundName(TOP.k) });
    const climbs = part<HTMLElement>('climbs');
    climbs.textContent = m.summary.climbs === null ? '' : m.summary.climbs ? s.climbs : s.falls;
    if (m.summary.climbs === null) delete climbs.dataset['climbs'];
    else climbs.dataset['climbs'] = String(m.summary.climbs);
  }

  const ladderPoints = (): LadderPoint[] =>
    m.summary.ladder.flatMap((rung) => (rung.estimate ? [{ k: rung.k, mean: rung.estimate.mean, standardError: rung.estimate.standardError }] : []));

  function drawChart(): void {
    const points = ladderPoints();
    const first = m.summary.ladder[0]?.estimate;
    const last = m.summary.ladder.at(-1)?.estimate;
    description.textContent =
      m.summary.elbo && first && last && m.summary.gap
        ? fill(s.chartDescription, { image: m.image, elbo: formatEstimate(m.summary.elbo), first: formatEstimate(first), last: formatEstimate(last), gap: formatNats(m.summary.gap.mean) })
        : s.chartPending;
    canvas.classList.toggle('is-stale', m.computing);
    const spec = boundLadderChart(
      { points, elbo: m.summary.elbo, ks: PLAN.ladder.map((series) => series.k) },
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
      const estimate = i === 0 ? m.summary.elbo : (m.summary.ladder[i - 1]?.estimate ?? null);
      const name = i === 0 ? s.ruleElbo : String(series.k);
      return [name, estimate ? formatNats(estimate.mean) : p.pending, estimate ? formatError(estimate.standardError) : p.pending, String(series.repeats)];
    });
    return buildTable(s.chartTitle, [s.tableK, s.tableMean, s.tableSe, s.tableRepeats], rows);
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
  m.start(
    () => {
      controls.disabled = false;
    },
    () => {},
  );
}
