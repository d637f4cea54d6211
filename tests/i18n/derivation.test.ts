import { describe, expect, it } from 'vitest';
import { DERIVATION_STRINGS as STRINGS, pageLang } from '../../src/i18n/derivation';
import { LANGS } from '../../src/i18n/langs';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('derivation stepper strings', () => {
  it('have the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(STRINGS[lang]).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });
  it('are never empty, and the Chinese ones are Chinese', () => {
    for (const lang of LANGS)
      for (const [key, value] of Object.entries(STRINGS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
    expect(Object.entries(STRINGS.zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
  it('use the same {placeholders} in every language: the counter has {n} and {total}', () => {
    for (const [key, value] of Object.entries(STRINGS.en))
      expect(placeholders(STRINGS.zh[key as keyof typeof STRINGS.en]), key).toEqual(placeholders(value));
    expect(placeholders(STRINGS.en.counter)).toEqual(['n', 'total']);
  });
  it('are the words chapter 0 and the e2e test expect', () => {
    expect([STRINGS.en.why, STRINGS.en.next, STRINGS.en.showAll, STRINGS.en.restart]).toEqual([
      'Why?',
      'Next step',
      'Show all',
      'Start over',
    ]);
    expect([STRINGS.zh.why, STRINGS.zh.next, STRINGS.zh.showAll, STRINGS.zh.restart]).toEqual([
      '为什么？',
      '下一步',
      '全部显示',
      '重新开始',
    ]);
  });
});

describe('pageLang(currentLocale)', () => {
  it.each([
    ['zh', 'zh'],
    ['en', 'en'],
    ['fr', 'en'], // not a book language: English
    [undefined, 'en'], // a page outside /<lang>/: English
  ])('pageLang(%s) is %s', (locale, expected) => {
    expect(pageLang(locale)).toBe(expected);
  });
});
