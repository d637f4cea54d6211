// @vitest-environment jsdom
/** The lab's phase has one owner: a β sweep changes it through `setPhase`, and every control follows (review finding 6). */
import { describe, expect, test, vi } from 'vitest';
import { VAE_LAB_STRINGS } from '../../../../src/i18n/widgets/vae-lab';
import type { LabContext } from '../../../../src/components/widgets/lab/context';
import type { LabWorker } from '../../../../src/components/widgets/lab/lab-worker';
import type { ChartViews } from '../../../../src/components/widgets/lab/chart-views';
import { labPart } from '../../../../src/components/widgets/lab/context';
import { bindControls } from '../../../../src/components/widgets/lab/controls';
import { createSweep } from '../../../../src/components/widgets/lab/sweep';
import { createPhase } from '../../../../src/components/widgets/lab/lab-state';
import { followPhase } from '../../../../src/components/widgets/lab/render';
import { DEFAULT_LAB_SETTINGS } from '../../../../src/components/widgets/lab/settings';
import type { WorkerEvent } from '../../../../src/worker/protocol';

/** The lab's controls as VaeLab.astro renders them, trimmed to what the controls and the sweep button read. */
const FIGURE = `
  <fieldset data-lab="controls">
    <button data-lab="train">Train</button><button data-lab="step">Step</button><button data-lab="reset">Reset</button>
    <input type="range" id="lab-beta-range" min="0" max="20" /><input type="text" id="lab-beta-field" /><p id="lab-beta-message"></p>
    <input type="text" id="lab-learningRate" /><p id="lab-learningRate-message"></p>
    <select id="lab-dataset"><option value="mnist">MNIST</option><option value="fashion-mnist">Fashion</option></select>
    <select id="lab-likelihood"><option value="bernoulli">Bernoulli</option><option value="gaussian">Gaussian</option></select>
    <input type="text" id="lab-latentSize" /><input type="text" id="lab-hiddenSize" /><input type="text" id="lab-seed" />
    <select id="lab-start"><option value="checkpoint">checkpoint</option><option value="scratch">scratch</option></select>
  </fieldset>
  <button data-lab="apply">Apply</button>
  <button data-lab="sweep">Sweep β</button>`;

/** A lab wired as mount() wires it, with a worker that records requests and delivers events on demand. */
function lab() {
  const figure = document.createElement('figure');
  figure.innerHTML = FIGURE;
  document.body.replaceChildren(figure);
  const listeners = new Map<string, (event: WorkerEvent) => void>();
  const worker = {
    send: vi.fn(),
    on: (type: string, listener: (event: WorkerEvent) => void) => listeners.set(type, listener),
  };
  const phase = createPhase('loading');
  const ctx: LabContext = {
    figure,
    lang: 'en',
    s: VAE_LAB_STRINGS.en,
    id: 'lab',
    worker: worker as unknown as LabWorker,
    settings: DEFAULT_LAB_SETTINGS,
    get phase() {
      return phase.phase;
    },
    setPhase: (next) => phase.set(next),
    step: 0,
    backend: 'wasm',
    part: (name) => labPart(figure, name),
    setStatus: () => undefined,
    warn: () => undefined,
    announce: () => undefined,
  };
  const actions = {
    toggleTraining: vi.fn(),
    stepOnce: vi.fn(),
    reset: vi.fn(),
    setLive: vi.fn(),
    apply: vi.fn(),
  };
  const charts = { clearSweep: vi.fn(), onSweepPoint: vi.fn() } as unknown as ChartViews;
  followPhase(phase, figure, [bindControls(ctx, actions), createSweep(ctx, charts)]);
  const part = (name: string) => labPart<HTMLButtonElement>(figure, name);
  return { ctx, figure, part, deliver: (event: WorkerEvent) => listeners.get(event.type)?.(event) };
}

describe('the lab’s phase', () => {
  test('a sweep started from a paused model disables Step and Train, and the end of the sweep enables them again', () => {
    const { ctx, figure, part, deliver } = lab();
    ctx.setPhase('paused');
    expect([part('step').disabled, part('train').disabled]).toEqual([false, false]);
    part('sweep').click();
    expect(ctx.phase).toBe('sweeping');
    expect(figure.dataset['state']).toBe('sweeping');
    expect([part('step').disabled, part('train').disabled]).toEqual([true, true]);
    expect(part('sweep').textContent).toBe(VAE_LAB_STRINGS.en.sweepCancel);
    deliver({ type: 'sweepDone', completed: 6, total: 6, cancelled: false });
    expect(ctx.phase).toBe('paused');
    expect(figure.dataset['state']).toBe('paused');
    expect([part('step').disabled, part('train').disabled]).toEqual([false, false]);
  });

  test('a sweep started while training ends paused, with Train reading Train again', () => {
    const { ctx, part, deliver } = lab();
    ctx.setPhase('training');
    expect(part('train').textContent).toBe(VAE_LAB_STRINGS.en.pause);
    part('sweep').click();
    expect(part('train').disabled).toBe(true);
    deliver({ type: 'sweepDone', completed: 2, total: 6, cancelled: true });
    expect(ctx.phase).toBe('paused');
    expect(part('train').textContent).toBe(VAE_LAB_STRINGS.en.train);
  });
});
