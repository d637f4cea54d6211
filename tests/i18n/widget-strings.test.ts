/** Every widget's string table, held to the same rules: same keys and placeholders in both languages, really translated. */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/langs';
import { fill, placeholders } from '../../src/i18n/template';
import { ELBO_GAP_STRINGS } from '../../src/i18n/widgets/elbo-gap';
import { EXACT_DECOMPOSITION_STRINGS } from '../../src/i18n/widgets/exact-decomposition';
import { GRADIENT_RACE_STRINGS } from '../../src/i18n/widgets/gradient-race';
import { MARGINAL_LIKELIHOOD_STRINGS } from '../../src/i18n/widgets/marginal-likelihood';
import { PRETRAINED_STRINGS } from '../../src/i18n/widgets/pretrained';
import { PRIOR_SAMPLES_STRINGS } from '../../src/i18n/widgets/prior-samples';
import { TOY_LIKELIHOOD_STRINGS } from '../../src/i18n/widgets/toy-likelihood';
import { TRICK_ON_REAL_VAE_STRINGS } from '../../src/i18n/widgets/trick-on-real-vae';
import { VAE_LAB_STRINGS } from '../../src/i18n/widgets/vae-lab';

type Table = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

/** Each table, with the keys that are only symbols or names (no Chinese needed), and whether those must match English exactly. */
const PRETRAINED_SYMBOLS = ['ruleElbo', 'labelElbo', 'labelBound', 'rowBound', 'draws', 'tableK'];
const TABLES: [string, Table, string[], boolean][] = [
  ['pretrained', PRETRAINED_STRINGS, PRETRAINED_SYMBOLS, false],
  ['elbo-gap', ELBO_GAP_STRINGS, PRETRAINED_SYMBOLS, false],
  ['prior-samples', PRIOR_SAMPLES_STRINGS, PRETRAINED_SYMBOLS, false],
  [
    'exact-decomposition',
    EXACT_DECOMPOSITION_STRINGS,
    [
      'barsRule',
      'segEvidence',
      'rowKlPrior',
      'legendKlPrior',
      'densityPrior',
      'densityPosterior',
      'densityQ',
      'densityAxisZ',
      'tableZ',
    ],
    true,
  ],
  ['gradient-race', GRADIENT_RACE_STRINGS, ['fnSine'], true],
  ['marginal-likelihood', MARGINAL_LIKELIHOOD_STRINGS, [], true],
  ['toy-likelihood', TOY_LIKELIHOOD_STRINGS, [], true],
  ['trick-on-real-vae', TRICK_ON_REAL_VAE_STRINGS, [], true],
  ['vae-lab', VAE_LAB_STRINGS, ['metricNegElbo', 'seriesNegElbo'], true],
];

describe.each(TABLES)('%s widget strings', (_, strings, symbolsOnly, symbolsIdentical) => {
  it('have the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(strings[lang]).sort()).toEqual(Object.keys(strings.en).sort());
  });
  it('are never empty', () => {
    for (const lang of LANGS)
      for (const [key, value] of Object.entries(strings[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });
  it('use the same {placeholders} in every language', () => {
    for (const [key, value] of Object.entries(strings.en))
      expect(placeholders(strings.zh[key] ?? ''), key).toEqual(placeholders(value));
  });
  it('are really translated: Chinese strings with Latin words in them also contain Chinese (symbol-only labels aside)', () => {
    const wordy = Object.entries(strings.zh).filter(
      ([key, v]) => !symbolsOnly.includes(key) && /[A-Za-z]{3,}/.test(v.replace(/\{\w+\}/g, '')),
    );
    expect(wordy.filter(([, v]) => !/[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
  it.runIf(symbolsIdentical)('symbol-only labels are identical in both languages', () => {
    for (const key of symbolsOnly) expect(strings.zh[key], key).toBe(strings.en[key]);
  });
  it('fill every template when given all its placeholders', () => {
    for (const lang of LANGS)
      for (const value of Object.values(strings[lang]))
        expect(fill(value, Object.fromEntries(placeholders(value).map((p) => [p, 1])))).not.toMatch(/\{\w+\}/);
  });
});
