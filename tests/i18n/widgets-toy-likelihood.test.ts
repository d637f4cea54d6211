import { describe, expect, it } from 'vitest';
import { TOY_LIKELIHOOD_STRINGS as STRINGS, fill, placeholders } from '../../src/i18n/widgets/toy-likelihood';
import { LANGS } from '../../src/i18n/langs';

describe('toy-likelihood widget strings', () => {
  it('have the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(STRINGS[lang]).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });
  it('are never empty', () => {
    for (const lang of LANGS) for (const [key, value] of Object.entries(STRINGS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });
  it('use the same {placeholders} in every language', () => {
    for (const [key, value] of Object.entries(STRINGS.en)) expect(placeholders(STRINGS.zh[key as keyof typeof STRINGS.en]), key).toEqual(placeholders(value));
  });
  it('are really translated: Chinese strings with Latin words in them also contain Chinese', () => {
    const wordy = Object.entries(STRINGS.zh).filter(([, v]) => /[A-Za-z]{3,}/.test(v.replace(/\{\w+\}/g, '')));
    expect(wordy.filter(([, v]) => !/[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
  it('fill every template when given all its placeholders', () => {
    for (const lang of LANGS)
      for (const value of Object.values(STRINGS[lang])) {
        const values = Object.fromEntries(placeholders(value).map((p) => [p, 1]));
        expect(fill(value, values)).not.toMatch(/\{\w+\}/);
      }
  });
});
