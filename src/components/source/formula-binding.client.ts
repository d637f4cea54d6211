/**
 * Progressive enhancement for `<SourceCode>` with a formula: pointing at a term of the formula, or focusing or
 * pressing its button, lights up every element of the figure that carries that term (formula part, code lines,
 * tokens, button) and tells the page with `vae:term`. A press (or a tap, where there is no hover) keeps a term lit
 * until pressed again or Escape. Without JavaScript the formula and the code simply show.
 */
import { TERM_EVENT, dispatchPageEvent } from '../../lib/page-events';

/** The class every element of the lit term gets. */
export const ACTIVE_CLASS = 'term-active';

/** Elements whose term the pointer and presses follow: the formula's parts (KaTeX keeps `data-term`) and the buttons. */
const POINTABLE = '.source-formula [data-term], button[data-term]';

/** Wires one `figure[data-formula-binding]`; false (and untouched) when it has no term buttons. */
export function bindFormula(figure: HTMLElement): boolean {
  if (figure.dataset['bound'] === 'true') return true;
  const group = figure.querySelector<HTMLElement>('[data-source-terms]');
  const buttons = [...figure.querySelectorAll<HTMLButtonElement>('button[data-term]')];
  if (!group || buttons.length === 0) return false;
  const doc = figure.ownerDocument;
  let hovered: string | null = null;
  let pinned: string | null = null;
  let shown: string | null = null;

  const tell = (term: string, active: boolean) => dispatchPageEvent(doc, TERM_EVENT, { term, active });

  const render = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['term'] === pinned));
    const next = hovered ?? pinned;
    if (next === shown) return;
    for (const element of figure.querySelectorAll(`.${ACTIVE_CLASS}`)) element.classList.remove(ACTIVE_CLASS);
    if (next !== null)
      for (const element of figure.querySelectorAll(`[data-term~="${next}"]`)) element.classList.add(ACTIVE_CLASS);
    if (next !== null) revealToken();
    if (shown !== null) tell(shown, false);
    if (next !== null) tell(next, true);
    shown = next;
  };

  // On a narrow screen the lit token may sit past the code box's right edge: scroll the box, never the page.
  const revealToken = () => {
    const token = figure.querySelector<HTMLElement>(`pre .${ACTIVE_CLASS}.source-token`);
    const pre = token?.closest('pre');
    if (!token || !pre) return;
    const box = pre.getBoundingClientRect();
    const rect = token.getBoundingClientRect();
    if (rect.left >= box.left && rect.right <= box.right) return;
    pre.scrollLeft = Math.max(0, pre.scrollLeft + rect.left - box.left - pre.clientWidth / 3);
  };

  /** The term of the innermost pointable element around `target`, if any. */
  const termAt = (target: EventTarget | null): string | null => {
    const element = target && 'closest' in target ? (target as Element).closest<HTMLElement>(POINTABLE) : null;
    return element && figure.contains(element) ? (element.dataset['term'] ?? null) : null;
  };

  // Touch has no hover: a tap is a click, which pins (below); mouse and pen hover.
  figure.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    hovered = termAt(event.target);
    render();
  });
  figure.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'touch') return;
    hovered = null;
    render();
  });
  group.addEventListener('focusin', (event) => {
    hovered = termAt(event.target);
    render();
  });
  group.addEventListener('focusout', () => {
    hovered = null;
    render();
  });
  figure.addEventListener('click', (event) => {
    const term = termAt(event.target);
    if (term === null) return;
    pinned = pinned === term ? null : term;
    render();
  });
  figure.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || pinned === null) return;
    pinned = null;
    render();
  });

  group.hidden = false;
  figure.dataset['bound'] = 'true';
  return true;
}

/** Wires every formula binding in `doc`. */
export function bindAll(doc: Document): void {
  for (const figure of doc.querySelectorAll<HTMLElement>('[data-formula-binding]')) bindFormula(figure);
}
