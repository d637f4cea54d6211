import { describe, expect, it } from 'vitest';
import { SOURCE_STRINGS, TERM_NAMES, fill, isTermId, placeholders } from '../../src/i18n/source';
import { LANGS } from '../../src/i18n/langs';

describe('formula-binding strings', () => {
  it('have the same keys and placeholders in every language, and none is empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(SOURCE_STRINGS[lang]).sort()).toEqual(Object.keys(SOURCE_STRINGS.en).sort());
      for (const [key, value] of Object.entries(SOURCE_STRINGS[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(value), `${lang}.${key}`).toEqual(
          placeholders(SOURCE_STRINGS.en[key as keyof typeof SOURCE_STRINGS.en]),
        );
      }
    }
  });

  it('write the caption with the file and its line range', () => {
    expect(fill(SOURCE_STRINGS.en.caption, { file: 'src/core/losses.ts', from: 40, to: 52 })).toBe(
      'src/core/losses.ts, lines 40–52',
    );
    expect(fill(SOURCE_STRINGS.zh.caption, { file: 'src/core/losses.ts', from: 40, to: 52 })).toBe(
      'src/core/losses.ts，第 40–52 行',
    );
    expect(fill(SOURCE_STRINGS.zh.captionOne, { file: 'a.ts', line: 7 })).toBe('a.ts，第 7 行');
  });
});

describe('TERM_NAMES', () => {
  it('name every term in both languages, and differently within a language', () => {
    for (const lang of LANGS) {
      expect(Object.keys(TERM_NAMES[lang]).sort()).toEqual(Object.keys(TERM_NAMES.en).sort());
      const names = Object.values(TERM_NAMES[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
      for (const name of names) expect(name.trim()).not.toBe('');
    }
  });

  it("include the lab's series names, so the lab can light the matching series", () => {
    for (const id of ['kl', 'reconstruction', 'objective', 'elbo']) expect(isTermId(id), id).toBe(true);
    expect(isTermId('toString')).toBe(false);
    expect(isTermId('KL')).toBe(false);
  });

  it('use ids that CSS attribute selectors and KaTeX \\htmlData take as they are', () => {
    for (const id of Object.keys(TERM_NAMES.en)) expect(id).toMatch(/^[a-z][a-z-]*$/);
  });
});
