/** The stepper's pure logic: how many steps a reader has revealed, what each button does, and the counter's text. */

/** How far a reader has got in one derivation: the first `shown` of its `total` steps are visible. */
export interface Reveal {
  readonly shown: number;
  readonly total: number;
}

/** What the stepper's buttons ask for. */
export type RevealAction = 'next' | 'all' | 'restart';

/** Where every reader starts: the first step shown, the rest hidden to guess. */
export function initialReveal(total: number): Reveal {
  const steps = Math.max(0, Math.floor(total));
  return { shown: Math.min(1, steps), total: steps };
}

/** The reveal after one button press; a press that cannot change anything returns the same state. */
export function applyAction(state: Reveal, action: RevealAction): Reveal {
  const start = initialReveal(state.total);
  switch (action) {
    case 'next':
      return state.shown < state.total ? { ...state, shown: state.shown + 1 } : state;
    case 'all':
      return state.shown < state.total ? { ...state, shown: state.total } : state;
    case 'restart':
      return state.shown !== start.shown ? start : state;
  }
}

/** Whether "Next step" and "Show all" still have something to reveal. */
export function canAdvance(state: Reveal): boolean {
  return state.shown < state.total;
}

/** Whether "Start over" would change anything. */
export function canRestart(state: Reveal): boolean {
  return state.shown > Math.min(1, state.total);
}

/** The counter line, e.g. "Step 2 of 5", from a template with `{n}` and `{total}`. */
export function counterText(template: string, state: Reveal): string {
  return template.replaceAll('{n}', String(state.shown)).replaceAll('{total}', String(state.total));
}

/** The attribute that marks each step's `<li>`; the server counts it in the rendered slot and the client finds steps by it. */
export const STEP_ATTRIBUTE = 'data-derivation-step';

/** How many steps a derivation's rendered HTML holds: its `<li>` elements marked with STEP_ATTRIBUTE (no nesting). */
export function countSteps(html: string): number {
  return html.match(new RegExp(`<li\\b[^>]*\\s${STEP_ATTRIBUTE}(?=[\\s=>])`, 'g'))?.length ?? 0;
}
