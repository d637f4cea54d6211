/** One cell's DOM: its output, state (recorded, stale, running, done), notice, timer line and controls. */
import { fill, type NotebookStrings } from '../../i18n/notebook';
import type { Output } from '../../notebook/types';
import { controlKey, formatNumber, outputNode, type Media, type VNode } from './views';

/** The states a cell shows (`data-state`, read by tests and CSS). */
export type CellState = 'recorded' | 'edited' | 'shared' | 'stale' | 'running' | 'done' | 'error';

/** Builds DOM from an element tree: text stays text. */
export function toDom(node: VNode | string, doc: Document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const element = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
  for (const child of node.children ?? []) element.append(toDom(child, doc));
  return element;
}

/** Controls already wired (a kept control must not get a second listener). */
const bound = new WeakSet<Element>();

/** The parts of a cell's figure the notebook writes to. */
export class CellView {
  readonly output: HTMLOutputElement;
  readonly status: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly timerText: HTMLElement;

  constructor(
    readonly figure: HTMLElement,
    private readonly s: NotebookStrings,
  ) {
    const q = <T extends HTMLElement>(selector: string) => figure.querySelector<T>(selector) as T;
    this.output = q('[data-cell-output]');
    this.status = q('[data-cell-status]');
    this.notice = q('[data-cell-notice]');
    this.timer = q('[data-cell-timer]');
    this.timerText = q('[data-cell-timer-text]');
  }

  /** Sets the state attribute and the matching status line. */
  setState(state: CellState): void {
    this.figure.dataset['state'] = state;
    this.output.setAttribute('aria-busy', String(state === 'running'));
    const text: Partial<Record<CellState, string>> = { stale: this.s.stale, edited: this.s.edited };
    this.status.textContent = text[state] ?? '';
    this.figure.querySelector('[data-cell-recorded]')?.toggleAttribute('hidden', state !== 'recorded');
  }

  /** Shows a notice above the code (a shared link, a restored edit, a storage problem); null hides it. */
  setNotice(text: string | null): void {
    this.notice.textContent = text ?? '';
    this.notice.hidden = text === null;
  }

  /**
   * Replaces the outputs (built as DOM from plain data, never from markup). A control that is the same as before keeps
   * its element, so a slider being dragged (or focused from the keyboard) survives the re-run it causes.
   */
  render(outputs: readonly Output[], media: Media, cellId: string): void {
    const doc = this.figure.ownerDocument;
    const controls = new Map(
      [...this.output.querySelectorAll<HTMLElement>('.cell-control')].map((el) => [el.dataset['controlKey'], el]),
    );
    this.output.replaceChildren(
      ...outputs.map((o) => {
        const key = o.kind === 'control' ? controlKey(o.index, o.spec) : undefined;
        const kept = key === undefined ? undefined : controls.get(key);
        return kept ?? toDom(outputNode(o, this.s, media, cellId), doc);
      }),
    );
  }

  /** Shows the countdown with its +10 s and Stop buttons; null hides it. */
  showTimer(secondsLeft: number | null): void {
    this.timer.hidden = secondsLeft === null;
    if (secondsLeft !== null) this.timerText.textContent = fill(this.s.running, { seconds: Math.ceil(secondsLeft) });
  }

  /** Calls `onChange(index, value)` when the reader moves one of the cell's controls. */
  bindControls(onChange: (index: number, value: number | string) => void): void {
    for (const input of this.output.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-control-index]')) {
      if (bound.has(input)) continue;
      bound.add(input);
      const index = Number(input.dataset['controlIndex']);
      const changed = () => {
        const value = input instanceof HTMLSelectElement ? input.value : Number(input.value);
        const shown = input.parentElement?.querySelector('[data-control-value]');
        if (shown && typeof value === 'number') shown.textContent = formatNumber(value);
        if (typeof value === 'string' || Number.isFinite(value)) onChange(index, value);
      };
      input.addEventListener('input', changed);
      // Moved while the notebook was still loading (the first touch is what loads it): apply that move now.
      const initial =
        input instanceof HTMLSelectElement
          ? input.querySelector('option[selected]')?.getAttribute('value')
          : input.getAttribute('value');
      if (initial !== null && initial !== undefined && input.value !== initial) changed();
    }
  }
}
