/**
 * Progressive enhancement for `<Derivation>`: the server renders every step and every "why"; this hides all steps
 * but the first and wires "Next step", "Show all" and "Start over". Nothing is stored: a reload starts at step 1.
 */
import {
  STEP_ATTRIBUTE,
  applyAction,
  canAdvance,
  canRestart,
  counterText,
  initialReveal,
  type RevealAction,
} from './derivation-state';

const ACTIONS: readonly RevealAction[] = ['next', 'all', 'restart'];

/** Turns one server-rendered `figure[data-derivation]` into a stepper; false (and untouched) when it has under two steps. */
export function enhance(figure: HTMLElement): boolean {
  if (figure.dataset['enhanced'] === 'true') return true;
  const steps = [...figure.querySelectorAll<HTMLElement>(`[${STEP_ATTRIBUTE}]`)];
  const controls = figure.querySelector<HTMLElement>('[data-derivation-controls]');
  const counter = figure.querySelector<HTMLElement>('[data-derivation-counter]');
  const template = figure.dataset['counterTemplate'];
  const [next, all, restart] = ACTIONS.map((a) =>
    figure.querySelector<HTMLButtonElement>(`[data-derivation-action="${a}"]`),
  );
  if (steps.length < 2 || !controls || !counter || !template || !next || !all || !restart) return false;

  const view = figure.ownerDocument.defaultView;
  const behavior = (): ScrollBehavior =>
    view?.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  let state = initialReveal(steps.length);

  const render = () => {
    steps.forEach((step, i) => (step.hidden = i >= state.shown));
    next.disabled = all.disabled = !canAdvance(state);
    restart.disabled = !canRestart(state);
    counter.textContent = counterText(template, state);
  };

  const press = (action: RevealAction) => {
    const before = state.shown;
    state = applyAction(state, action);
    if (state.shown === before) return;
    render();
    // Focus moves without the browser's own scroll (which may centre the step); any scroll is the smallest one.
    const target = action === 'restart' ? steps[0] : steps[before];
    target?.focus({ preventScroll: true });
    if (action === 'next') controls.scrollIntoView({ block: 'nearest', behavior: behavior() });
    if (action === 'restart') target?.scrollIntoView({ block: 'nearest', behavior: behavior() });
  };

  for (const step of steps) step.tabIndex = -1;
  next.addEventListener('click', () => press('next'));
  all.addEventListener('click', () => press('all'));
  restart.addEventListener('click', () => press('restart'));
  render();
  controls.hidden = false;
  figure.dataset['enhanced'] = 'true';
  return true;
}

/** Enhances every derivation in `doc`, and opens every "why" while the page prints (closed ones close again after). */
export function enhanceAll(doc: Document): void {
  for (const figure of doc.querySelectorAll<HTMLElement>('figure[data-derivation]')) enhance(figure);
  const view = doc.defaultView;
  if (!view) return;
  let openedForPrint: HTMLDetailsElement[] = [];
  view.addEventListener('beforeprint', () => {
    openedForPrint = [...doc.querySelectorAll<HTMLDetailsElement>('figure[data-derivation] details:not([open])')];
    for (const details of openedForPrint) details.open = true;
  });
  view.addEventListener('afterprint', () => {
    for (const details of openedForPrint) details.open = false;
    openedForPrint = [];
  });
}
