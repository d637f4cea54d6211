/**
 * Small pieces every widget client shares: one redraw per animation frame, long work cut into slices that keep the
 * page responsive, a slider paired with a validated number field, charts that follow their container's width, a
 * "show as table" toggle, and a polite live region. No Plot and no core here: the client passes them in.
 */
import { isLang, type Lang } from '../../i18n/langs';

/** The language a widget's figure was rendered in (`data-lang`), English if unknown. */
export function langOf(figure: HTMLElement): Lang {
  const lang = figure.dataset['lang'];
  return isLang(lang) ? lang : 'en';
}

/** Collects the parts that changed and draws them together in the next animation frame (at most one draw per frame). */
export function frameScheduler<Part extends string>(
  draw: (parts: ReadonlySet<Part>) => void,
): { request: (...parts: Part[]) => void } {
  const dirty = new Set<Part>();
  let frame = 0;
  return {
    request(...parts) {
      for (const part of parts) dirty.add(part);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const now = new Set(dirty);
        dirty.clear();
        draw(now);
      });
    },
  };
}

/** A cancellation flag for sliced work: the newest job bumps the generation and older jobs stop at their next slice. */
export class JobGeneration {
  private current = 0;
  /** Starts a new job and returns a function telling whether it is still the newest. */
  next(): () => boolean {
    const mine = ++this.current;
    return () => mine === this.current;
  }
}

const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/** Yields to the event loop so input and painting can run between slices (a message, not setTimeout's 4 ms clamp). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) return void setTimeout(resolve, 0);
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Calls `step` until it returns false, in slices of about `budgetMs` separated by `yieldToPage`, while `alive()`.
 * Resolves true when the work finished, false when a newer job cancelled it.
 */
export async function runInSlices(step: () => boolean, alive: () => boolean, budgetMs = 12): Promise<boolean> {
  for (;;) {
    const start = performance.now();
    do {
      if (!step()) return alive();
    } while (performance.now() - start < budgetMs);
    await yieldToPage();
    if (!alive()) return false;
  }
}

/** A numeric setting shown as a slider and a number field that stay in step. */
export interface PairedInput {
  readonly range: HTMLInputElement;
  readonly field: HTMLInputElement;
  readonly message: HTMLElement;
  /** Reads the field; a string is the message to show instead of applying the value. */
  readonly parse: (raw: string) => number | string;
  /** The slider position for a value, and the value at a slider position. */
  readonly toSlider: (value: number) => number;
  readonly fromSlider: (position: number) => number;
  /** Text a screen reader hears for the slider's value, and the field's text for a value. */
  readonly valueText: (value: number) => string;
  readonly format: (value: number) => string;
  readonly apply: (value: number) => void;
}

/** Wires a slider and a number field: sliding applies at once; typing applies valid values and explains invalid ones. */
export function bindPairedInput(input: PairedInput): { show: (value: number) => void } {
  const { range, field, message } = input;
  // True from the reader's first keystroke in the field until it is committed or left: a redraw meanwhile (another
  // setting applied a frame earlier) must not overwrite what they are typing.
  let editing = false;
  const show = (value: number) => {
    range.value = String(input.toSlider(value));
    range.setAttribute('aria-valuetext', input.valueText(value));
    // Keep what the reader is typing (and a refusal's message) until they commit or fix it.
    const typing = document.activeElement === field && (editing || field.getAttribute('aria-invalid') === 'true');
    if (!typing) field.value = input.format(value);
  };
  field.addEventListener('input', () => (editing = true));
  field.addEventListener('blur', () => (editing = false));
  const clearMessage = () => {
    message.textContent = '';
    field.removeAttribute('aria-invalid');
  };
  range.addEventListener('input', () => {
    clearMessage();
    const value = input.fromSlider(Number(range.value));
    field.value = input.format(value);
    input.apply(value);
  });
  const commit = () => {
    const parsed = input.parse(field.value);
    if (typeof parsed === 'string') {
      message.textContent = parsed;
      field.setAttribute('aria-invalid', 'true');
      return;
    }
    clearMessage();
    editing = false;
    input.apply(parsed);
  };
  field.addEventListener('change', commit);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  return { show };
}

/** Puts a rendered chart into `host` as an image whose text alternative is its aria-label plus the element `describedBy`. */
export function placeChart(host: HTMLElement, chart: Element, describedBy: string): void {
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-describedby', describedBy);
  chart.removeAttribute('aria-description');
  // Inside role="img" the marks are presentational; Plot's per-mark aria-labels would be prohibited there, so they
  // become data-mark attributes (still there for tests and styling).
  for (const mark of chart.querySelectorAll('[aria-label]')) {
    mark.setAttribute('data-mark', mark.getAttribute('aria-label') ?? '');
    mark.removeAttribute('aria-label');
  }
  host.replaceChildren(chart);
}

/** Calls `onResize(width)` when the element's content width changes by at least a pixel (rounded, debounced per frame). */
export function watchWidth(element: HTMLElement, onResize: (width: number) => void): void {
  let last = Math.round(element.clientWidth);
  if (typeof ResizeObserver !== 'function') return;
  new ResizeObserver(() => {
    const width = Math.round(element.clientWidth);
    if (width === last) return;
    last = width;
    onResize(width);
  }).observe(element);
}

/** A "show as table" button: toggles `region`, calling `fill` each time it opens (and `isOpen` tells later redraws). */
export function bindTableToggle(
  button: HTMLButtonElement,
  region: HTMLElement,
  labels: { show: string; hide: string },
  fill: () => void,
): { isOpen: () => boolean } {
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  button.addEventListener('click', () => {
    const open = !isOpen();
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? labels.hide : labels.show;
    region.hidden = !open;
    if (open) fill();
  });
  return { isOpen };
}

/** Builds a <table> with a caption, a header row and body rows of text cells (row headers in the first column). */
export function buildTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
): HTMLTableElement {
  const table = document.createElement('table');
  table.createCaption().textContent = caption;
  const headRow = table.createTHead().insertRow();
  for (const text of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      cell.textContent = text;
      tr.append(cell);
    });
  }
  return table;
}

/** Announces a message in a polite live region once the reader has paused for `delayMs` (not on every change). */
export function politeAnnouncer(region: HTMLElement, delayMs = 600): (message: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (region.textContent !== message) region.textContent = message;
    }, delayMs);
  };
}

/** Finds a required element inside a widget (the server renders them all); a missing one is a build bug, so it throws. */
export function requirePart<T extends Element>(root: ParentNode, selector: string, widget: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`${widget} widget: missing ${selector}`);
  return found;
}

/** The parts of one plot section of a widget: where the chart goes, its live description, and its "show as table" pair. */
export interface PlotSectionParts {
  canvas: HTMLElement;
  description: HTMLElement;
  toggle: HTMLButtonElement;
  table: HTMLElement;
}

/** Finds an element marked `data-part="name"` under `root`: one vocabulary for every widget, scoped by its figure. */
export function partsOf(root: ParentNode, widget: string): <T extends Element = HTMLElement>(name: string) => T {
  return <T extends Element = HTMLElement>(name: string) => requirePart<T>(root, `[data-part="${name}"]`, widget);
}

/** Finds the parts of the `[data-chart=key]` section under `plots` (PlotSection.astro): `data-part="canvas"` and so on. */
export function plotSectionParts(plots: ParentNode, key: string, widget: string): PlotSectionParts {
  const find = partsOf(requirePart<HTMLElement>(plots, `[data-chart="${key}"]`, widget), widget);
  return {
    canvas: find('canvas'),
    description: find('description'),
    toggle: find<HTMLButtonElement>('table-toggle'),
    table: find('table'),
  };
}

/** The plot sections `keys` under `plots`, by key (plotSectionParts for each). */
export function plotSectionsOf<K extends string>(
  plots: ParentNode,
  keys: readonly K[],
  widget: string,
): Record<K, PlotSectionParts> {
  return Object.fromEntries(keys.map((key) => [key, plotSectionParts(plots, key, widget)])) as Record<
    K,
    PlotSectionParts
  >;
}

/**
 * Shows and binds each chart's "show as table" toggle, and returns `redraw(asked)`: for each chart asked, in key order,
 * `draw(key, section)`, then its table rebuilt if open. `tables[key]` builds a chart's table (or a note while none).
 */
export function chartRedrawer<K extends string>(
  charts: Record<K, PlotSectionParts>,
  labels: { show: string; hide: string },
  tables: Record<K, () => Node>,
  draw: (key: K, section: PlotSectionParts) => void,
): (asked: ReadonlySet<string>) => void {
  const keys = Object.keys(charts) as K[];
  const open = keys.map((key) => {
    const { toggle, table } = charts[key];
    toggle.hidden = false;
    return bindTableToggle(toggle, table, labels, () => table.replaceChildren(tables[key]())).isOpen;
  });
  return (asked) =>
    keys.forEach((key, i) => {
      if (!asked.has(key)) return;
      draw(key, charts[key]);
      if (open[i]?.()) charts[key].table.replaceChildren(tables[key]());
    });
}
