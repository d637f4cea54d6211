/** Strings of the widgets on the pretrained VAE: the shared ones, chapter 3's elbo-gap and chapter 1's prior-samples. */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/langs';
import { ELBO_GAP_STRINGS } from '../../src/i18n/widgets/elbo-gap';
import { PRETRAINED_STRINGS, fill, placeholders } from '../../src/i18n/widgets/pretrained';
import { PRIOR_SAMPLES_STRINGS } from '../../src/i18n/widgets/prior-samples';

/** Strings that are only symbols or names, the same in both languages (no Chinese needed). */
const SYMBOLS_ONLY = new Set(['ruleElbo', 'labelElbo', 'labelBound', 'rowBound', 'draws', 'tableK']);

describe.each([
  ['pretrained', PRETRAINED_STRINGS],
  ['elbo-gap', ELBO_GAP_STRINGS],
  ['prior-samples', PRIOR_SAMPLES_STRINGS],
] as [string, Readonly<Record<Lang, Readonly<Record<string, string>>>>][])('%s widget strings', (_, strings) => {
  it('have the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(strings[lang]).sort()).toEqual(Object.keys(strings.en).sort());
  });
  it('are never empty', () => {
    for (const lang of LANGS) for (const [key, value] of Object.entries(strings[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });
  it('use the same {placeholders} in every language', () => {
    for (const [key, value] of Object.entries(strings.en)) expect(placeholders(strings.zh[key] ?? ''), key).toEqual(placeholders(value));
  });
  it('are really translated: Chinese strings with Latin words in them also contain Chinese', () => {
    const wordy = Object.entries(strings.zh).filter(([key, v]) => !SYMBOLS_ONLY.has(key) && /[A-Za-z]{3,}/.test(v.replace(/\{\w+\}/g, '')));
    expect(wordy.filter(([, v]) => !/[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
  it('fill every template when given all its placeholders', () => {
    for (const lang of LANGS)
      for (const value of Object.values(strings[lang])) expect(fill(value, Object.fromEntries(placeholders(value).map((p) => [p, 1])))).not.toMatch(/\{\w+\}/);
  });
});
