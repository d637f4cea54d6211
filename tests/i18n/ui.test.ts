import { describe, expect, it } from 'vitest';
import { UI, chapterNumber } from '../../src/i18n/ui';
import { HTML_LANG, LANGS, isLang } from '../../src/i18n/langs';

describe('UI strings', () => {
  it('have the same keys in every language', () => {
    const keys = (lang: (typeof LANGS)[number]) => Object.keys(UI[lang]).sort();
    for (const lang of LANGS) expect(keys(lang)).toEqual(keys('en'));
  });
  it('are never empty', () => {
    for (const lang of LANGS)
      for (const [key, value] of Object.entries(UI[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });
  it('are really translated: the Chinese strings contain Chinese', () => {
    const untranslated = Object.entries(UI.zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v));
    expect(untranslated).toEqual([]);
  });
});

describe('languages', () => {
  it('isLang(value) accepts only the book languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
  it('HTML_LANG gives zh-CN and en', () => {
    expect(HTML_LANG).toEqual({ zh: 'zh-CN', en: 'en' });
  });
  it('chapterNumber(lang, n) reads naturally in each language', () => {
    expect(chapterNumber('en', 3)).toBe('Chapter 3');
    expect(chapterNumber('zh', 3)).toBe('第 3 章');
  });
});
