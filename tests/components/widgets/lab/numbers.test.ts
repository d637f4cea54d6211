import { describe, expect, it } from 'vitest';
import {
  BETA_STOPS,
  betaToSlider,
  formatBeta,
  formatBytes,
  formatNats,
  parameterCountOf,
  sliderToBeta,
  stepsPerSecond,
} from '../../../../src/components/widgets/lab/numbers';
import { readFileSync } from 'node:fs';

describe('the β slider scale', () => {
  it('maps every stop to itself and back', () => {
    BETA_STOPS.forEach((beta, i) => {
      expect(betaToSlider(beta)).toBe(i);
      expect(sliderToBeta(i)).toBe(beta);
    });
  });
  it('puts an in-between β on the nearest stop in log space, and clamps positions', () => {
    expect(sliderToBeta(betaToSlider(3.4))).toBe(3);
    expect(sliderToBeta(betaToSlider(7.5))).toBe(8);
    expect(sliderToBeta(betaToSlider(0.01))).toBe(0);
    expect(sliderToBeta(-3)).toBe(0);
    expect(sliderToBeta(99)).toBe(10);
  });
});

describe('parameterCountOf', () => {
  it.each(['mnist-z16', 'mnist-z2', 'fashion-mnist-z16'])('matches the %s checkpoint', (name) => {
    const meta = JSON.parse(readFileSync(`public/checkpoints/${name}.json`, 'utf8')) as {
      parameterCount: number;
      config: { hiddenSizes: number[]; latentSize: number };
    };
    expect(parameterCountOf(784, meta.config.hiddenSizes[0]!, meta.config.latentSize)).toBe(meta.parameterCount);
  });
});

describe('formats', () => {
  it.each([
    [107.754, '107.8'],
    [-107.754, '\u2212107.8'],
    [3.14159, '3.14'],
    [0, '0'],
    [0.001234, '1.2e-3'],
    [Number.NaN, '—'],
    [Infinity, '—'],
    [null, '—'],
  ] as const)('formatNats(%s) = %s', (value, text) => expect(formatNats(value)).toBe(text));
  it('formats bytes and β', () => {
    expect(formatBytes(1_647_667)).toBe('1.6 MB');
    expect(formatBytes(52_000)).toBe('52 KB');
    expect(formatBeta(0.25)).toBe('0.25');
    expect(formatBeta(1 / 3)).toBe('0.333');
  });
  it('steps per second needs a positive interval', () => {
    expect(stepsPerSecond(null, { step: 10, at: 1000 })).toBeNull();
    expect(stepsPerSecond({ step: 10, at: 1000 }, { step: 10, at: 2000 })).toBeNull();
    expect(stepsPerSecond({ step: 10, at: 1000 }, { step: 40, at: 2500 })).toBe(20);
  });
});
