import { describe, expect, it } from 'vitest';
import { QUIZ_STRINGS as STRINGS, fill, placeholders } from '../../src/i18n/quiz';
import { LANGS } from '../../src/i18n/langs';

describe('quiz strings', () => {
  it('have the same keys in every language, none empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(Object.keys(STRINGS.en).sort());
      for (const [key, value] of Object.entries(STRINGS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
    }
  });
  it('use the same {placeholders} in every language', () => {
    for (const [key, value] of Object.entries(STRINGS.en))
      expect(placeholders(STRINGS.zh[key as keyof typeof STRINGS.en]), key).toEqual(placeholders(value));
  });
  it('say right and wrong with a symbol and words, not only colour', () => {
    for (const lang of LANGS) {
      expect(STRINGS[lang].correct).toMatch(/^✓ \S/);
      expect(STRINGS[lang].incorrect).toMatch(/^✗ \S/);
    }
    expect(fill(STRINGS.zh.scoreSet, { correct: 7, total: 10, answered: 9 })).toBe(
      '得分：10 题中答对 7 题（已答 9 题）',
    );
  });
});
