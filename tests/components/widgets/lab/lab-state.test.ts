/** The lab's DOM-free state: the phase's one owner and the words after a loss turns NaN. */
import { describe, expect, test } from 'vitest';
import { createPhase, nonFiniteMessage, smallerRate } from '../../../../src/components/widgets/lab/lab-state';
import { VAE_LAB_STRINGS } from '../../../../src/i18n/widgets/vae-lab';

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
