/** The lab's controls: Train/Pause, Step, Reset, β (slider + field), learning rate, and the model settings with Apply. */
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import { bindPairedInput } from '../kit';
import type { LabContext } from './context';
import { betaToSlider, formatBeta, sliderToBeta } from './numbers';
import { RESTART_FIELDS, parseSetting, type LabSettings } from './settings';
import type { LiveSettings } from '../../../worker/protocol';

/** What the controls ask the rest of the lab to do. */
export interface ControlActions {
  toggleTraining(): void;
  stepOnce(): void;
  reset(): void;
  /** Change β and/or the learning rate while training runs. */
  setLive(live: LiveSettings): void;
  /** Start over with new model settings. */
  apply(next: LabSettings): void;
}

type ParseResult = ReturnType<typeof parseSetting>;

/** The reader-facing sentence for a rejected value. */
export function problemMessage(s: VaeLabStrings, result: Exclude<ParseResult, { ok: true }>): string {
  const range = { min: String(result.min ?? ''), max: String(result.max ?? '') };
  switch (result.problem) {
    case 'not-a-number':
      return result.min === undefined ? s.problemNumber : fill(s.problemRange, range);
    case 'out-of-range':
      return fill(s.problemRange, range);
    case 'not-whole':
      return fill(s.problemWhole, range);
    default:
      return s.problemChoice;
  }
}

/** Wires every control; returns `sync` to show the current settings and state (after a reset, a restore, a sweep…). */
export function bindControls(ctx: LabContext, actions: ControlActions): { sync(): void } {
  const { s, id } = ctx;
  const byId = <T extends HTMLElement>(key: string) => ctx.part<T>(`#${id}-${key}`);
  const train = ctx.part<HTMLButtonElement>('train');
  const controls = ctx.part<HTMLFieldSetElement>('controls');
  const apply = ctx.part<HTMLButtonElement>('apply');

  train.addEventListener('click', () => actions.toggleTraining());
  ctx.part<HTMLButtonElement>('step').addEventListener('click', () => actions.stepOnce());
  ctx.part<HTMLButtonElement>('reset').addEventListener('click', () => actions.reset());

  const beta = bindPairedInput({
    range: byId<HTMLInputElement>('beta-range'),
    field: byId<HTMLInputElement>('beta-field'),
    message: byId<HTMLElement>('beta-message'),
    parse: (raw) => {
      const result = parseSetting('beta', raw);
      return result.ok ? (result.value as number) : problemMessage(s, result);
    },
    toSlider: betaToSlider,
    fromSlider: sliderToBeta,
    valueText: (value) => `β = ${formatBeta(value)}`,
    format: formatBeta,
    apply: (value) => actions.setLive({ beta: value }),
  });

  const learningRate = byId<HTMLInputElement>('learningRate');
  const learningRateMessage = byId<HTMLElement>('learningRate-message');
  const commitRate = () => {
    const result = parseSetting('learningRate', learningRate.value);
    if (!result.ok) {
      learningRateMessage.textContent = problemMessage(s, result);
      learningRate.setAttribute('aria-invalid', 'true');
      return;
    }
    learningRateMessage.textContent = '';
    learningRate.removeAttribute('aria-invalid');
    actions.setLive({ learningRate: result.value as number });
  };
  learningRate.addEventListener('change', commitRate);
  learningRate.addEventListener('keydown', (event) => event.key === 'Enter' && commitRate());

  // The settings under "Model and data" are the ones that restart training: applied together, by starting over.
  const modelInputs = RESTART_FIELDS.map(
    (field) => [field, byId<HTMLInputElement | HTMLSelectElement>(field)] as const,
  );
  apply.addEventListener('click', () => {
    const next: Record<string, unknown> = { ...ctx.settings };
    let valid = true;
    for (const [field, input] of modelInputs) {
      const result = parseSetting(field, input.value);
      const message =
        input instanceof HTMLInputElement ? ctx.figure.querySelector<HTMLElement>(`#${id}-${field}-message`) : null;
      if (!result.ok) {
        valid = false;
        input.setAttribute('aria-invalid', 'true');
        if (message) message.textContent = problemMessage(s, result);
        continue;
      }
      input.removeAttribute('aria-invalid');
      if (message) message.textContent = '';
      next[field] = result.value;
    }
    if (valid) actions.apply(next as unknown as LabSettings);
  });

  const sync = () => {
    const { phase, settings } = ctx;
    const busy = phase === 'loading' || phase === 'failed';
    controls.disabled = busy;
    apply.disabled = phase === 'loading';
    train.textContent =
      phase === 'training' ? (train.dataset['pauseLabel'] ?? s.pause) : (train.dataset['trainLabel'] ?? s.train);
    ctx.part<HTMLButtonElement>('step').disabled = phase !== 'ready' && phase !== 'paused';
    train.disabled = phase === 'sweeping';
    beta.show(settings.beta);
    if (document.activeElement !== learningRate) learningRate.value = String(settings.learningRate);
    for (const [field, input] of modelInputs)
      if (document.activeElement !== input && input.getAttribute('aria-invalid') !== 'true')
        input.value = String(settings[field]);
  };
  return { sync };
}
