/** What the toy-likelihood widget writes: the readout at the chapter's values, the climb's status, the announcement and the refusals. */
import { describe, expect, test } from 'vitest';
import { TOY_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/toy-likelihood';
import { DEFAULTS, parseData } from '../../../src/components/widgets/toy-likelihood-state';
import {
  announcement,
  climbStatus,
  dataMessage,
  readoutView,
  settingMessage,
} from '../../../src/components/widgets/toy-likelihood-view';

const s = TOY_LIKELIHOOD_STRINGS.en;
const refusal = (raw: string) => {
  const parsed = parseData(raw);
  if (parsed.ok) throw new Error(`"${raw}" was accepted`);
  return parsed;
};

describe('readoutView(s, settings)', () => {
  test('prints the chapter’s column for w = 2, ℓ = −7.746 and the maximum −7.508 at b̂ = 1, ŵ² + ŝ² = 2.5', () => {
    const view = readoutView(s, DEFAULTS);
    expect(view.total).toBe('\u22127.746');
    expect(view.rows).toEqual([
      { name: 'x⁽¹⁾ = 3', value: '\u22122.113' },
      { name: 'x⁽²⁾ = \u22121', value: '\u22122.113' },
      { name: 'x⁽³⁾ = 0', value: '\u22121.760' },
      { name: 'x⁽⁴⁾ = 2', value: '\u22121.760' },
    ]);
    expect(view.caption).toContain('w = 2, b = 1, s = 0.5');
    expect(view.caption).toContain('4.25');
    expect(view.maximum).toContain('\u22127.508');
    expect(view.maximum).toContain('2.5');
    expect(view.bestW).toContain('±1.5');
  });
  test('words a best slope of 0 on its own (s alone as wide as the data)', () => {
    expect(readoutView(s, { ...DEFAULTS, s: 5 }).bestW).toBe(
      s.bestWZero.replace('{bestValue}', readoutView(s, { ...DEFAULTS, s: 5, w: 0 }).total),
    );
  });
  test('has one row per data point', () => {
    expect(readoutView(s, { ...DEFAULTS, data: [1, 2, 3, 4, 5] }).rows).toHaveLength(5);
  });
});

describe('climbStatus(s, phase, point, steps, settings)', () => {
  const point = { step: 40, w: 1.2, b: 1, s: 1.02, logLikelihood: -7.5083 };
  const at = { ...DEFAULTS, w: point.w, b: point.b, s: point.s };
  test('counts steps while climbing and when stopped, and clears on cancel', () => {
    expect(climbStatus(s, 'ascending', point, 120, at)).toBe('Gradient ascent: step 40 of 120, ℓ = \u22127.508.');
    expect(climbStatus(s, 'stopped', point, 120, at)).toBe('Stopped at step 40 of 120: ℓ = \u22127.508.');
    expect(climbStatus(s, 'cancelled', point, 120, at)).toBe('');
  });
  test('at the end names the steps taken, b and the variance w² + s² there', () => {
    const text = climbStatus(s, 'done', point, 40, at);
    expect(text).toContain('40 steps');
    expect(text).toContain('\u22127.508');
    expect(text).toContain(String(Number((1.2 ** 2 + 1.02 ** 2).toFixed(3))));
  });
});

describe('announcement(s, settings)', () => {
  test('says θ and ℓ', () => {
    expect(announcement(s, DEFAULTS)).toBe('w = 2, b = 1, s = 0.5: ℓ = \u22127.746 nats.');
    expect(announcement(s, { ...DEFAULTS, w: 0.5 })).toContain('\u221212.289');
  });
});

describe('settingMessage(s, setting) and dataMessage(s, refused)', () => {
  test('a refused s says it must be positive; w and b give their range', () => {
    expect(settingMessage(s, 's')).toBe('Enter a number from 0.05 to 5 (s must be positive). Not applied.');
    expect(settingMessage(s, 'w')).toBe('Enter a number from \u22125 to 5. Not applied.');
  });
  test('each refusal of the data names what is wrong', () => {
    expect(dataMessage(s, refusal('3, abc, 0'))).toContain('“abc”');
    expect(dataMessage(s, refusal('3, 9'))).toBe('9 is outside \u22125 to 5. Not applied.');
    expect(dataMessage(s, refusal('3'))).toContain('at least 2');
    expect(dataMessage(s, refusal('1 2 3 4 5 1 2 3 4 5 1 2 3'))).toContain('at most 12');
    expect(dataMessage(s, refusal('2, 2, 2'))).toBe(s.dataAllEqual);
  });
  test('every refusal has a sentence in both languages', () => {
    for (const raw of ['3, abc', '3, 9', '3', '1 2 3 4 5 1 2 3 4 5 1 2 3', '2, 2']) {
      for (const lang of ['en', 'zh'] as const)
        expect(dataMessage(TOY_LIKELIHOOD_STRINGS[lang], refusal(raw)).length).toBeGreaterThan(5);
    }
  });
});
