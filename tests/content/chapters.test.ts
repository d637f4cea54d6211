import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { chapterFrontmatter } from '../../src/lib/chapter-schema';
import { LANGS } from '../../src/i18n/langs';
import { formulas, headingOutline, readChapterFiles, widgets } from '../helpers/chapters';
import { KATEX_OPTIONS } from '../../src/lib/markdown-options.mjs';

const files = readChapterFiles();
const published = files.filter((f) => f.frontmatter['draft'] !== true);
const bySlug = (lang: string) => new Map(published.filter((f) => f.lang === lang).map((f) => [f.slug, f]));

describe('chapter files', () => {
  it('exist in both languages', () => {
    for (const lang of LANGS) expect(bySlug(lang).size, lang).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [`${f.lang}/${f.slug}`, f] as const))(
    '%s has valid frontmatter whose lang matches its folder',
    (_, f) => {
      const parsed = chapterFrontmatter.safeParse(f.frontmatter);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(f.frontmatter['lang']).toBe(f.lang);
    },
  );

  it('have unique order numbers within a language', () => {
    for (const lang of LANGS) {
      const orders = [...bySlug(lang).values()].map((f) => f.frontmatter['order']);
      expect(new Set(orders).size, lang).toBe(orders.length);
    }
  });
});

describe('language parity', () => {
  const en = bySlug('en');
  const zh = bySlug('zh');
  it('every chapter exists in both languages', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });
  it.each([...en.keys()].filter((s) => zh.has(s)))(
    '%s has the same order, sections, formulas, widgets and number of key terms in zh and en',
    (slug) => {
      const a = en.get(slug)!;
      const b = zh.get(slug)!;
      expect(b.frontmatter['order']).toBe(a.frontmatter['order']);
      expect(headingOutline(b.body)).toEqual(headingOutline(a.body));
      expect(formulas(b.body).display.length).toBe(formulas(a.body).display.length);
      expect(widgets(b.body)).toEqual(widgets(a.body));
      expect(((b.frontmatter['keyTerms'] as unknown[] | undefined) ?? []).length).toBe(
        ((a.frontmatter['keyTerms'] as unknown[] | undefined) ?? []).length,
      );
    },
  );
});

describe('math', () => {
  // The build fails on a TeX error too (tests/site); this names the formula without a build. The build's options:
  // strict, except \htmlData{term=…} for the terms <SourceCode> binds to code.
  it.each(published.map((f) => [`${f.lang}/${f.slug}`, f] as const))(
    'every formula in %s typesets under strict KaTeX',
    (_, f) => {
      const { display, inline } = formulas(f.body);
      const broken: string[] = [];
      for (const [tex, displayMode] of [
        ...display.map((t) => [t, true] as const),
        ...inline.map((t) => [t, false] as const),
      ]) {
        try {
          katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
        } catch (error) {
          broken.push(`${tex}: ${(error as Error).message}`);
        }
      }
      expect(broken).toEqual([]);
    },
  );
});
