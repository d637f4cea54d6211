import { describe, expect, it } from 'vitest';
import { NOTEBOOK_STRINGS, fill, placeholders } from '../../src/i18n/notebook';
import { LANGS } from '../../src/i18n/langs';

describe('notebook strings', () => {
  it('have the same keys and placeholders in every language, and none is empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(NOTEBOOK_STRINGS[lang]).sort()).toEqual(Object.keys(NOTEBOOK_STRINGS.en).sort());
      for (const [key, value] of Object.entries(NOTEBOOK_STRINGS[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(value), `${lang}.${key}`).toEqual(
          placeholders(NOTEBOOK_STRINGS.en[key as keyof typeof NOTEBOOK_STRINGS.en]),
        );
      }
    }
  });

  it('word the time limit and a forbidden API in both languages', () => {
    expect(fill(NOTEBOOK_STRINGS.en.errorForbidden, { name: 'fetch' })).toMatch(/^Cells cannot use fetch/);
    expect(fill(NOTEBOOK_STRINGS.zh.errorForbidden, { name: 'fetch' })).toMatch(/^单元不能使用 fetch/);
    expect(fill(NOTEBOOK_STRINGS.zh.running, { seconds: 7 })).toContain('7 秒');
  });
});
