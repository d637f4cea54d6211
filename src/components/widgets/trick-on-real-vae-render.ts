/**
 * Puts chapter 5's race into the server-rendered figure: the parts it finds by `data-part`, one `render(parts)` that
 * redraws the readout, the chart (and its table when open) and the buttons, and the page side of the race (`RacePage`):
 * phase, status, warnings, download progress and backend. The texts come from the pure -view and -phase modules.
 */
import type { TrickOnRealVaeStrings } from '../../i18n/widgets/trick-on-real-vae';
import { RUN_KEYS } from './trick-on-real-vae-state';
import { buttonsView, Warnings } from './trick-on-real-vae-phase';
import type { Part, Race, RacePage } from './trick-on-real-vae-race';
import { drawReadout, raceChartView, raceTable, showRun, summaryText } from './trick-on-real-vae-view';
import { chartWidth, drawChartView } from './chart-view';
import { bindTableToggle, plotSectionParts } from './kit';
import { showText, widgetParts } from './widget-parts';

const WIDGET = 'trick-on-real-vae';

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const found = widgetParts(figure, WIDGET, {
    element: ['sharing', 'summary', 'warning', 'backend'],
    fieldset: ['controls'],
    button: ['train', 'reset'],
    input: ['plain'],
    table: ['readout'],
    progress: ['progress'],
  });
  return { ...found, figure, chart: plotSectionParts(found.plots, 'race', WIDGET) };
}
export type Parts = ReturnType<typeof findParts>;

/** Binds the "show as table" toggle and returns `render(parts)`, which redraws the asked-for parts from the race. */
export function createRenderer(parts: Parts, s: TrickOnRealVaeStrings, race: Race): (asked: ReadonlySet<Part>) => void {
  const { canvas, table, toggle: toggleButton } = parts.chart;
  toggleButton.hidden = false;
  const toggle = bindTableToggle(toggleButton, table, { show: s.showTable, hide: s.hideTable }, () =>
    table.replaceChildren(raceTable(s, race.views())),
  );
  return (asked) => {
    const current = race.views();
    if (asked.has('readout')) {
      drawReadout(parts.readout, current);
      parts.summary.textContent = summaryText(s, current);
    }
    if (asked.has('chart')) {
      drawChartView(parts.chart, raceChartView(s, current, chartWidth(canvas)));
      if (toggle.isOpen()) table.replaceChildren(raceTable(s, current));
    }
    if (asked.has('buttons')) {
      const view = buttonsView(s, race.phase(), race.playing(), race.hasRuns());
      // aria-disabled rather than disabled: a button that was just pressed keeps the keyboard focus.
      parts.train.textContent = view.train;
      parts.train.setAttribute('aria-disabled', String(view.trainDisabled));
      parts.reset.setAttribute('aria-disabled', String(view.resetDisabled));
      parts.plain.disabled = view.plainDisabled;
    }
  };
}

/** The page side of the race; `request` and `announce` come from the mount's scheduler and announcer. */
export function racePage(parts: Parts, wiring: Pick<RacePage, 'request' | 'announce'>): RacePage {
  const warnings = new Warnings();
  return {
    ...wiring,
    phase: (phase) => (parts.figure.dataset['state'] = phase),
    // Only on a change: the status is a live region, and rewriting the same words could read them out again.
    status: (text) => showText(parts.status, text),
    warn: (key, text) => {
      warnings.set(key, text);
      parts.warning.textContent = warnings.text();
      parts.warning.hidden = warnings.size === 0;
    },
    download: (progress) => {
      parts.progress.hidden = progress === null;
      if (!progress) return;
      parts.progress.max = Math.max(1, progress.total);
      parts.progress.value = progress.loaded;
    },
    backend: (name, line) => {
      parts.figure.dataset['backend'] = name;
      parts.backend.textContent = line;
    },
  };
}

/** The figure once the client runs: the note hidden, each run's column as the race shows it, the controls enabled. */
export function showLive(parts: Parts, race: Race): void {
  parts.staticNote.hidden = true;
  for (const key of RUN_KEYS) showRun(parts.figure, key, race.isShown(key));
  for (const cell of parts.readout.querySelectorAll('td')) cell.textContent = '—';
  parts.controls.disabled = false;
}
