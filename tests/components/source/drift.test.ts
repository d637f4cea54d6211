/**
 * The drift test: every `<SourceCode>` in every chapter still points at real code. Its file holds the named function,
 * each term's lines lie inside it and its snippet is still there, and the formula marks exactly the code's terms;
 * the same checks the build makes, run without a build. Both languages bind the same code in the same order.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapterFiles, withoutCode } from '../../helpers/chapters';
import { componentTags } from './chapter-tags';
import { checkFormulaTerms, loadExcerpt } from '../../../src/components/source/source-render';
import { formulaTerms, type TermSpec } from '../../../src/lib/source-excerpt';
import { isTermId } from '../../../src/i18n/source';
import { isLiveTerm } from '../../../src/components/source/live-value.client';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const chapters = readChapterFiles().filter((f) => f.frontmatter['draft'] !== true);
const bindings = chapters.flatMap((chapter) =>
  componentTags(withoutCode(chapter.body), 'SourceCode').map((tag) => ({
    chapter,
    tag,
    where: `${chapter.lang}/${chapter.slug}.mdx:${tag.line}`,
  })),
);
const withFormula = bindings.filter((b) => b.tag.children.trim() !== '');

/** The five key formulas the book promises to bind: chapter slug, file and function. */
const KEY_FORMULAS = [
  { slug: 'evidence-lower-bound', file: 'src/core/estimators.ts', fn: 'importanceWeightedBound' },
  { slug: 'two-terms', file: 'src/core/losses.ts', fn: 'gaussianKlPerDim' },
  { slug: 'reparameterization', file: 'src/core/sampler.ts', fn: 'reparameterize' },
  { slug: 'training-a-vae', file: 'src/core/losses.ts', fn: 'bernoulliReconstructionOp' },
  { slug: 'beta-rate-distortion', file: 'src/core/losses.ts', fn: 'betaObjective' },
] as const;

describe('<SourceCode> in the chapters', () => {
  it('binds the five key formulas, in both languages', () => {
    for (const lang of ['en', 'zh'])
      for (const key of KEY_FORMULAS) {
        const found = bindings.some(
          (b) =>
            b.chapter.lang === lang &&
            b.chapter.slug === key.slug &&
            b.tag.props['file'] === key.file &&
            b.tag.props['fn'] === key.fn,
        );
        expect(found, `${lang}/${key.slug}: <SourceCode file="${key.file}" fn="${key.fn}">`).toBe(true);
      }
  });

  it.each(bindings.map((b) => [b.where, b] as const))('%s still matches the source', (_, { tag }) => {
    const {
      file,
      fn,
      terms = {},
      doc,
    } = tag.props as { file: string; fn: string; terms?: Record<string, TermSpec>; doc?: boolean };
    const { excerpt, marks } = loadExcerpt(file, fn, terms, { root: ROOT, withDoc: doc !== false });
    // The lines the build shows hold the declaration of `fn`, at the line the caption's numbers imply.
    const declaration = excerpt.lines[excerpt.declarationLine - excerpt.firstLine] ?? '';
    const shortName = fn.split('.').at(-1)!;
    expect(declaration).toMatch(new RegExp(`\\b${shortName}\\b`));
    expect(excerpt.lastLine).toBeGreaterThanOrEqual(excerpt.declarationLine);
    // Every snippet sits on its line at the columns the build marks.
    for (const mark of marks)
      if (mark.code) {
        const line = excerpt.lines[mark.code.line - excerpt.firstLine] ?? '';
        expect(line.slice(mark.code.start, mark.code.end), `${mark.term}`).toBe(
          (terms[mark.term] as readonly unknown[])[2],
        );
      }
  });

  // A binding may show its code alone (no children); those that show a formula are checked here, the five key ones among them.
  it.each(withFormula.map((b) => [b.where, b] as const))(
    '%s: the formula between the tags marks exactly the terms the code has lines for',
    (_, { tag }) => {
      const {
        file,
        fn,
        terms = {},
        doc,
      } = tag.props as { file: string; fn: string; terms?: Record<string, TermSpec>; doc?: boolean };
      const { marks } = loadExcerpt(file, fn, terms, { root: ROOT, withDoc: doc !== false });
      expect(() => checkFormulaTerms(formulaTerms(tag.children), marks, fn)).not.toThrow();
    },
  );

  it('shows the formula of each of the five key bindings, in both languages', () => {
    for (const lang of ['en', 'zh'])
      for (const key of KEY_FORMULAS) {
        const shown = withFormula.some(
          (b) => b.chapter.lang === lang && b.chapter.slug === key.slug && b.tag.props['fn'] === key.fn,
        );
        expect(shown, `${lang}/${key.slug}: <SourceCode fn="${key.fn}"> has its formula between the tags`).toBe(true);
      }
  });

  it('has the same bindings (file, function, terms) in the same order in both languages', () => {
    const key = (lang: string) =>
      bindings
        .filter((b) => b.chapter.lang === lang)
        .map(
          (b) =>
            `${b.chapter.slug} ${b.tag.props['file']} ${b.tag.props['fn']} ${JSON.stringify(b.tag.props['terms'] ?? {})}`,
        );
    expect(key('zh')).toEqual(key('en'));
  });

  it('uses \\htmlData only for known term ids, and only inside a <SourceCode>', () => {
    const problems: string[] = [];
    for (const chapter of chapters) {
      const body = withoutCode(chapter.body);
      const inside = componentTags(body, 'SourceCode')
        .map((t) => t.children)
        .join('\n');
      for (const m of body.matchAll(/\\htmlData\{([^}]*)\}/g)) {
        const where = `${chapter.lang}/${chapter.slug}: \\htmlData{${m[1]}}`;
        const pairs = m[1]!.split(',').map((p) => p.split('=').map((s) => s.trim()));
        if (pairs.some(([k, v]) => k !== 'term' || !isTermId(v)))
          problems.push(`${where}: only term=<known id> is allowed`);
      }
      const count = (text: string) => [...text.matchAll(/\\htmlData\{/g)].length;
      if (count(body) !== count(inside))
        problems.push(`${chapter.lang}/${chapter.slug}: \\htmlData outside <SourceCode>`);
    }
    expect(problems).toEqual([]);
  });
});

describe('<LiveValue> in the chapters', () => {
  const live = chapters.flatMap((chapter) =>
    componentTags(withoutCode(chapter.body), 'LiveValue').map((tag) => ({ chapter, tag })),
  );

  it('shows only numbers the lab reports, the same ones in both languages', () => {
    for (const { chapter, tag } of live)
      expect(isLiveTerm(tag.props['term']), `${chapter.lang}/${chapter.slug}:${tag.line}`).toBe(true);
    const key = (lang: string) =>
      live.filter((l) => l.chapter.lang === lang).map((l) => `${l.chapter.slug} ${String(l.tag.props['term'])}`);
    expect(key('zh')).toEqual(key('en'));
    expect(live.length).toBeGreaterThan(0);
  });
});
