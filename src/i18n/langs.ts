/** The book's two languages and their HTML language tags. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 tag for `<html lang>` and Pagefind's per-language index. */
export const HTML_LANG: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

/** Each language's name written in itself, for the language switcher. */
export const LANG_NAME: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English' };

/** Narrows an arbitrary string (a route param) to a Lang. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
