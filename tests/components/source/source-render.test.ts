import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeToHtml } from 'shiki';
import { JSDOM } from 'jsdom';
import {
  CODE_BACKGROUNDS,
  checkFormulaTerms,
  loadExcerpt,
  readableTokenStyle,
  renderedTerms,
  splitTokens,
  termTransformer,
  type BoundExcerpt,
} from '../../../src/components/source/source-render';
import { SHIKI_THEMES } from '../../../src/lib/markdown-options.mjs';
import { contrastRatio, MIN_CONTRAST } from '../../../src/lib/code-contrast';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The excerpt as `<SourceCode>` renders it (Astro's <Code> calls the same Shiki with these options), parsed. */
async function render(bound: BoundExcerpt) {
  const html = await codeToHtml(bound.excerpt.lines.join('\n'), {
    lang: 'ts',
    themes: { ...SHIKI_THEMES },
    defaultColor: 'light',
    transformers: [termTransformer(bound)],
  });
  return new JSDOM(html).window.document;
}

describe('loadExcerpt(file, fn, terms)', () => {
  it('reads betaObjective from src/core/losses.ts and resolves its terms to file lines and columns', () => {
    const { excerpt, marks } = loadExcerpt(
      'src/core/losses.ts',
      'betaObjective',
      { objective: [2, 2], kl: [2, 2, 'kl'] },
      { root: ROOT },
    );
    const fileLines = readFileSync(join(ROOT, 'src/core/losses.ts'), 'utf8').split('\n');
    expect(fileLines[excerpt.declarationLine - 1]).toMatch(/^export function betaObjective\(/);
    const kl = marks[1]!;
    expect(fileLines[kl.code!.line - 1]!.slice(kl.code!.start, kl.code!.end)).toBe('kl');
    expect(marks[0]).toEqual({ term: 'objective', from: excerpt.declarationLine + 1, to: excerpt.declarationLine + 1 });
  });

  it.each([
    ['src/core/nope.ts', 'betaObjective', {}, /cannot read src\/core\/nope\.ts/],
    ['../etc/passwd', 'x', {}, /not a TypeScript file under src\//],
    ['src/core/losses.ts', 'betaObjectiv', {}, /has no top-level declaration named "betaObjectiv"/],
    ['src/core/losses.ts', 'betaObjective', { kl: [3, 9] }, /lie outside the declaration/],
    ['src/core/losses.ts', 'betaObjective', { klx: [1, 1] }, /unknown term "klx"/],
  ] as const)('refuses %s → %s with a clear message', (file, fn, terms, message) => {
    expect(() => loadExcerpt(file, fn, terms, { root: ROOT })).toThrow(message);
  });
});

describe('checkFormulaTerms(formulaTerms, marks, fn)', () => {
  const { marks } = loadExcerpt(
    'src/core/losses.ts',
    'betaObjective',
    { objective: [2, 2], kl: [2, 2, 'kl'] },
    { root: ROOT },
  );
  it('accepts a formula with exactly the code terms, in any order', () => {
    expect(() => checkFormulaTerms(['kl', 'objective'], marks, 'betaObjective')).not.toThrow();
  });
  it('names a formula term without lines, and a code term missing from the formula', () => {
    expect(() => checkFormulaTerms(['kl', 'objective', 'beta'], marks, 'betaObjective')).toThrow(
      /marks "beta" but the terms prop of betaObjective gives no lines/,
    );
    expect(() => checkFormulaTerms(['objective'], marks, 'betaObjective')).toThrow(
      /term "kl" of betaObjective is not in the formula/,
    );
  });
  it('reads the terms from KaTeX output', () => {
    expect(
      renderedTerms(
        '<span class="enclosing" data-term="kl">a</span><span data-term="mu-sq"></span><i data-term="kl"></i>',
      ),
    ).toEqual(['kl', 'mu-sq']);
  });
});

describe('termTransformer(bound)', () => {
  it('numbers every line with its file line and marks exactly the snippet tokens, even inside a merged token', async () => {
    const bound = loadExcerpt(
      'src/core/losses.ts',
      'betaObjective',
      { objective: [2, 2], beta: [2, 2, 'beta'], kl: [2, 2, 'kl'] },
      { root: ROOT },
    );
    const doc = await render(bound);
    const lines = [...doc.querySelectorAll('.line')];
    expect(lines.map((l) => Number(l.getAttribute('data-line')))).toEqual(
      Array.from(
        { length: bound.excerpt.lastLine - bound.excerpt.firstLine + 1 },
        (_, i) => bound.excerpt.firstLine + i,
      ),
    );
    const body = lines.find((l) => Number(l.getAttribute('data-line')) === bound.excerpt.declarationLine + 1)!;
    expect(body.getAttribute('data-term')).toBe('objective beta kl');
    expect(lines.filter((l) => l.hasAttribute('data-term'))).toHaveLength(1);
    expect([...doc.querySelectorAll('.source-token')].map((t) => [t.textContent, t.getAttribute('data-term')])).toEqual(
      [
        ['beta', 'beta'],
        ['kl', 'kl'],
      ],
    );
    // Splitting changed nothing in the text.
    expect(body.textContent).toBe(bound.excerpt.lines[bound.excerpt.declarationLine + 1 - bound.excerpt.firstLine]);
    expect(doc.querySelector('pre')!.classList.contains('source-pre')).toBe(true);
  });

  it('gives overlapping snippets both terms on the shared tokens', async () => {
    const bound = loadExcerpt(
      'src/core/estimators.ts',
      'importanceWeightedBound',
      {
        weight: [6, 6, 'logImportanceWeights(model, x, standardNormal(rng, count, latentSize))'],
        samples: [6, 6, 'standardNormal(rng, count, latentSize)'],
      },
      { root: ROOT },
    );
    const doc = await render(bound);
    const tokens = [...doc.querySelectorAll('.source-token')];
    expect(tokens.map((t) => t.textContent).join('')).toBe(
      'logImportanceWeights(model, x, standardNormal(rng, count, latentSize))',
    );
    expect(
      tokens
        .filter((t) => t.getAttribute('data-term') === 'weight samples')
        .map((t) => t.textContent)
        .join(''),
    ).toBe('standardNormal(rng, count, latentSize)');
  });

  it('keeps every token at 4.5:1 on the plain, lit-line and lit-token backgrounds of both themes', async () => {
    const bound = loadExcerpt('src/core/losses.ts', 'gaussianKlPerDim', {}, { root: ROOT });
    const doc = await render(bound);
    const spans = [...doc.querySelectorAll<HTMLElement>('.line span[style]')];
    expect(spans.length).toBeGreaterThan(10);
    for (const span of spans) {
      const style = span.getAttribute('style')!;
      const light = /(?:^|;)color:(#[0-9a-f]{6})/i.exec(style)![1]!;
      const dark = /--shiki-dark:(#[0-9a-f]{6})/i.exec(style)![1]!;
      for (const bg of CODE_BACKGROUNDS.light)
        expect(contrastRatio(light, bg), `${span.textContent} ${light} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      for (const bg of CODE_BACKGROUNDS.dark)
        expect(contrastRatio(dark, bg), `${span.textContent} ${dark} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});

describe('readableTokenStyle(style)', () => {
  it("darkens github-light's #E36209 and leaves a readable dark colour alone", () => {
    const out = readableTokenStyle('color:#E36209;--shiki-dark:#FFB757');
    expect(out).toMatch(/^color:#[0-9a-f]{6};--shiki-dark:#FFB757$/);
    expect(out).not.toContain('#E36209');
  });
});

describe('splitTokens(line, cuts)', () => {
  const token = (content: string, offset: number) => ({ content, offset, color: '#000' });
  it('cuts inside tokens only, keeping style and offsets', () => {
    const out = splitTokens([token('(beta, kl)', 10), token(';', 20)], [1, 5, 7, 9, 10]);
    expect(out.map((t) => [t.content, t.offset, t.color])).toEqual([
      ['(', 10, '#000'],
      ['beta', 11, '#000'],
      [', ', 15, '#000'],
      ['kl', 17, '#000'],
      [')', 19, '#000'],
      [';', 20, '#000'],
    ]);
  });
});

describe('source.css', () => {
  const css = readFileSync(join(ROOT, 'src/styles/source.css'), 'utf8');
  const block = (selector: string) =>
    css.slice(css.indexOf(`${selector} {`), css.indexOf('}', css.indexOf(`${selector} {`)));
  const value = (text: string, name: string) =>
    new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(text)![1]!.toLowerCase();

  it('lights lines and tokens with the colours the token contrast was computed for', () => {
    for (const [selector, theme] of [
      [':root', 'light'],
      [':root[data-theme="dark"]', 'dark'],
    ] as const) {
      const rules = block(selector);
      expect([value(rules, '--source-lit-line'), value(rules, '--source-lit-token')]).toEqual(
        CODE_BACKGROUNDS[theme].slice(1),
      );
      // Line numbers sit on the plain and the lit-line background, never on a lit token.
      for (const bg of CODE_BACKGROUNDS[theme].slice(0, 2))
        expect(contrastRatio(value(rules, '--source-line-number'), bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});
