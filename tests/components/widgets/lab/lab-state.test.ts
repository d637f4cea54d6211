/** The lab's DOM-free state: the phase's one owner and the words after a loss turns NaN. */
import { describe, expect, test } from 'vitest';
import {
  createPhase,
  createSession,
  errorReaction,
  introText,
  nonFiniteMessage,
  rateReading,
  smallerRate,
  statusReaction,
} from '../../../../src/components/widgets/lab/lab-state';
import { DEFAULT_LAB_SETTINGS } from '../../../../src/components/widgets/lab/settings';
import { VAE_LAB_STRINGS, fill } from '../../../../src/i18n/widgets/vae-lab';
import type { ErrorEvent, StatusEvent } from '../../../../src/worker/protocol';

describe('createPhase', () => {
  test('set(next) changes the phase and tells every subscriber, in order', () => {
    const phase = createPhase('loading');
    const heard: string[] = [];
    phase.subscribe((p) => heard.push(`a:${p}`));
    phase.subscribe((p) => heard.push(`b:${p}`));
    phase.set('ready');
    phase.set('sweeping');
    expect(phase.phase).toBe('sweeping');
    expect(heard).toEqual(['a:ready', 'b:ready', 'a:sweeping', 'b:sweeping']);
  });
});

describe('smallerRate', () => {
  test.each([
    [10, 1],
    [1, 0.1],
    [0.003, 0.0003],
    [7e-3, 7e-4],
    [2e-5, 1e-5], // never below the lab's minimum
    [1e-5, 1e-5],
  ])('smallerRate(%d) = %d', (rate, expected) => expect(smallerRate(rate)).toBe(expected));
});

describe('nonFiniteMessage', () => {
  test('in training it names the step, the step the model is back at, the rate and a smaller one, in both languages', () => {
    const event = { type: 'error', code: 'non-finite', message: '', step: 32, restoredStep: 29 } as const;
    expect(nonFiniteMessage(VAE_LAB_STRINGS.en, event, 10, 30)).toBe(
      'The loss became NaN or infinite at step 32, so training stopped and went back to the model as it was after step 29; no NaN reached the weights. Try a smaller learning rate, such as 1 (now 10), then press Train to go on: no reset needed.',
    );
    expect(nonFiniteMessage(VAE_LAB_STRINGS.zh, event, 10, 30)).toBe(
      '第 32 步的损失变成了 NaN 或无穷大，训练已停下，模型退回到第 29 步之后的样子，权重里没有混进 NaN。请把学习率调小，比如 1（现在是 10），再按“训练”接着练，不必重置。',
    );
  });
  test('in a β sweep it names the β of the run that broke and says the model is unchanged', () => {
    const event = { type: 'error', code: 'non-finite', message: '', step: 12, beta: 8 } as const;
    expect(nonFiniteMessage(VAE_LAB_STRINGS.en, event, 0.5, 30)).toBe(
      'The sweep’s run at β = 8 became NaN or infinite, so the sweep stopped; the model itself is unchanged. Try a smaller learning rate, such as 0.05 (now 0.5).',
    );
  });
});

describe('statusReaction', () => {
  const s = VAE_LAB_STRINGS.en;
  const session = createSession();
  const at = {
    phase: 'loading',
    session,
    backendTitle: 'WebAssembly',
    latest: { reconstruction: 90.04, kl: 12.5 },
  } as const;
  const status = (state: StatusEvent['state'], step = 40): StatusEvent => ({
    type: 'status',
    state,
    step,
    backend: 'wasm',
    parameterCount: 1,
  });

  test('the first ready after loading says how the model started and which backend runs it; a later ready only redraws', () => {
    expect(statusReaction(s, status('ready', 0), at)).toEqual({
      phase: 'ready',
      status: s.stateReadyScratch,
      announce: fill(s.announceReady, { backend: 'WebAssembly' }),
      refresh: true,
    });
    const fromCheckpoint = {
      ...at,
      session: { ...session, checkpoint: { name: 'mnist-z16', steps: 9380, testElbo: null } },
    };
    expect(statusReaction(s, status('ready', 0), fromCheckpoint).status).toBe(
      fill(s.stateReadyCheckpoint, { steps: 9380 }),
    );
    expect(statusReaction(s, status('ready', 0), { ...at, phase: 'paused' })).toEqual({
      phase: 'ready',
      status: null,
      announce: null,
      refresh: true,
    });
  });
  test('paused names the step and the latest terms; paused for a hidden tab says so quietly; a sweep keeps its phase', () => {
    expect(statusReaction(s, status('paused'), { ...at, phase: 'training' })).toEqual({
      phase: 'paused',
      status: 'Paused at step 40.',
      announce: fill(s.announcePaused, { step: 40, recon: '90.0', kl: '12.5' }),
      refresh: true,
    });
    const hidden = { ...at, phase: 'training', session: { ...session, resumeWhenVisible: true } } as const;
    expect(statusReaction(s, status('paused'), hidden)).toEqual({
      phase: 'paused',
      status: s.stateHiddenPaused,
      announce: null,
      refresh: true,
    });
    expect(statusReaction(s, status('paused'), { ...at, phase: 'sweeping' })).toEqual({
      phase: null,
      status: null,
      announce: null,
      refresh: false,
    });
  });
  test('training says so and announces it', () => {
    expect(statusReaction(s, status('training'), { ...at, phase: 'paused' })).toEqual({
      phase: 'training',
      status: s.stateTraining,
      announce: s.announceTraining,
      refresh: false,
    });
  });
});

describe('errorReaction', () => {
  const s = VAE_LAB_STRINGS.en;
  const at = { settings: DEFAULT_LAB_SETTINGS, phase: 'training', step: 12 } as const;
  const error = (code: ErrorEvent['code'], extra: Partial<ErrorEvent> = {}): ErrorEvent => ({
    type: 'error',
    code,
    message: 'boom',
    ...extra,
  });
  test.each([
    // code, phase, what the page does
    ['invalid-config', 'training', 'fail'],
    ['dataset', 'loading', 'fail'],
    ['checkpoint', 'loading', 'scratch'],
    ['checkpoint', 'ready', 'warn'],
    ['internal', 'training', 'warn'],
  ] as const)('%s while %s: %s', (code, phase, kind) => {
    expect(errorReaction(s, 'en', error(code), { ...at, phase }).kind).toBe(kind);
  });
  test('a non-finite loss warns, with the step the charts go back to', () => {
    expect(errorReaction(s, 'en', error('non-finite', { step: 14, restoredStep: 11 }), at)).toMatchObject({
      kind: 'diverged',
      rewindTo: 11,
    });
    expect(errorReaction(s, 'en', error('non-finite', { step: 3, beta: 8 }), at)).toMatchObject({
      kind: 'diverged',
      rewindTo: null,
    });
  });
});

describe('rateReading and introText', () => {
  test('rateReading measures steps per second over at least two seconds, rounding from 10 up', () => {
    const s = VAE_LAB_STRINGS.en;
    expect(rateReading(s, null, { step: 5, at: 1000 })).toEqual({ text: null, next: { step: 5, at: 1000 } });
    expect(rateReading(s, { step: 5, at: 1000 }, { step: 65, at: 2000 })).toEqual({
      text: fill(s.statusRate, { rate: 60 }),
      next: { step: 5, at: 1000 },
    });
    expect(rateReading(s, { step: 5, at: 1000 }, { step: 20, at: 3500 })).toEqual({
      text: fill(s.statusRate, { rate: '6.0' }),
      next: { step: 20, at: 3500 },
    });
  });
  test('introText names the dataset and the layer sizes in the reader’s language', () => {
    expect(introText(VAE_LAB_STRINGS.en, 'en', DEFAULT_LAB_SETTINGS)).toContain('MNIST');
    expect(introText(VAE_LAB_STRINGS.zh, 'zh', { ...DEFAULT_LAB_SETTINGS, dataset: 'fashion-mnist' })).toContain(
      VAE_LAB_STRINGS.zh.datasetFashion,
    );
  });
});
