/**
 * Build-time half of `<SourceCode>`: reads the referenced file, resolves its terms, checks them against the formula's,
 * and marks lines and tokens while Shiki highlights. Runs only while Astro renders (it reads the disk).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShikiTransformer, ThemedToken } from 'shiki';
import type { Element } from 'hast';
import {
  SourceExcerptError,
  findDeclaration,
  markTerms,
  snippetCuts,
  termsInSpan,
  termsOnLine,
  type SourceExcerpt,
  type TermMark,
  type TermSpec,
} from '../../lib/source-excerpt';
import { TERM_NAMES, isTermId } from '../../i18n/source';
import { ensureContrast } from '../../lib/code-contrast';

/** Which files a chapter may show: TypeScript under src/, by a plain relative path. */
const SHOWABLE = /^src\/(?:[\w-]+\/)*[\w.-]+\.ts$/;

/**
 * Backgrounds a token can sit on, per theme: the Shiki theme's own, a lit line and a lit token. source.css uses the
 * same colours (a unit test keeps them in step), and every token colour is adjusted to 4.5:1 on all three.
 */
export const CODE_BACKGROUNDS = Object.freeze({
  light: Object.freeze(['#ffffff', '#fcefd9', '#f7dcb4']),
  dark: Object.freeze(['#0a0c10', '#2d2518', '#4a3a22']),
});

/** A Shiki token style with its light colour and `--shiki-dark` colour raised to 4.5:1 on every background of its theme. */
export function readableTokenStyle(style: string): string {
  return style
    .replace(
      /(^|;)(\s*color:\s*)(#[0-9a-f]{3,6})/i,
      (_, lead: string, key: string, hex: string) => lead + key + ensureContrast(hex, CODE_BACKGROUNDS.light),
    )
    .replace(
      /(--shiki-dark:\s*)(#[0-9a-f]{3,6})/i,
      (_, key: string, hex: string) => key + ensureContrast(hex, CODE_BACKGROUNDS.dark),
    );
}

/** Raises a highlighted token's colours to 4.5:1 on its theme's code backgrounds (see `readableTokenStyle`). */
function makeReadable(node: { properties: Record<string, unknown> }): void {
  if (typeof node.properties['style'] === 'string')
    node.properties['style'] = readableTokenStyle(node.properties['style']);
}

/** A Shiki transformer that only makes every token readable: the notebook cells' code, highlighted at build. */
export const readableTokens: ShikiTransformer = { name: 'vae-book:readable-tokens', span: makeReadable };

/** A declaration's excerpt and its resolved terms. */
export interface BoundExcerpt {
  readonly excerpt: SourceExcerpt;
  readonly marks: readonly TermMark[];
}

/** Reads `file` (repository-relative, from the working directory Astro builds in) and resolves `fn` and its terms. */
export function loadExcerpt(
  file: string,
  fn: string,
  terms: Readonly<Record<string, TermSpec>>,
  { root = process.cwd(), withDoc = true } = {},
): BoundExcerpt {
  if (!SHOWABLE.test(file) || file.split('/').includes('..'))
    throw new SourceExcerptError(
      `"${file}" is not a TypeScript file under src/ (give a repository-relative path like src/core/losses.ts)`,
    );
  const unknown = Object.keys(terms).filter((t) => !isTermId(t));
  if (unknown.length > 0)
    throw new SourceExcerptError(
      `unknown term ${unknown.map((t) => `"${t}"`).join(', ')} for ${fn}; known terms: ${Object.keys(TERM_NAMES.en).join(', ')} (src/i18n/source.ts)`,
    );
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch {
    throw new SourceExcerptError(`cannot read ${file} (moved or deleted?)`);
  }
  const excerpt = findDeclaration(text, file, fn, { withDoc });
  return { excerpt, marks: markTerms(excerpt, terms) };
}

/** The term ids in rendered formula HTML (KaTeX writes `\htmlData{term=kl}{…}` as `data-term="kl"`), in order. */
export function renderedTerms(html: string): string[] {
  return [...new Set([...html.matchAll(/\bdata-term="([^"]+)"/g)].map((m) => m[1]!))];
}

/** Throws unless the formula and the code name the same terms: each formula term has lines, each code term a place in the formula. */
export function checkFormulaTerms(formulaTerms: readonly string[], marks: readonly TermMark[], fn: string): void {
  const inCode = new Set(marks.map((m) => m.term));
  const inFormula = new Set(formulaTerms);
  const noLines = formulaTerms.filter((t) => !inCode.has(t));
  const noFormula = [...inCode].filter((t) => !inFormula.has(t));
  if (noLines.length > 0)
    throw new SourceExcerptError(
      `the formula marks ${noLines.map((t) => `"${t}"`).join(', ')} but the terms prop of ${fn} gives no lines for it`,
    );
  if (noFormula.length > 0)
    throw new SourceExcerptError(
      `term ${noFormula.map((t) => `"${t}"`).join(', ')} of ${fn} is not in the formula; wrap it as \\htmlData{term=…}{…}`,
    );
}

/** Adds `value` to a hast element's class list. */
function addClass(node: Element, value: string): void {
  const current = node.properties['className'] ?? node.properties['class'];
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  delete node.properties['class'];
  node.properties['className'] = [...list.filter(Boolean), value];
}

/** Splits a line's tokens at the given columns, so a snippet starts and ends on token boundaries. */
export function splitTokens(line: readonly ThemedToken[], cuts: readonly number[]): ThemedToken[] {
  const out: ThemedToken[] = [];
  let col = 0;
  for (const token of line) {
    const end = col + token.content.length;
    let from = col;
    for (const cut of cuts) {
      if (cut <= from || cut >= end) continue;
      out.push({ ...token, content: token.content.slice(from - col, cut - col), offset: token.offset + from - col });
      from = cut;
    }
    out.push(
      from === col ? token : { ...token, content: token.content.slice(from - col), offset: token.offset + from - col },
    );
    col = end;
  }
  return out;
}

/**
 * A Shiki transformer that gives each line its file line number (`data-line`) and the terms it computes, and each
 * token inside a term's snippet its terms (`data-term="a b"`, matched by `[data-term~="a"]`).
 */
export function termTransformer({ excerpt, marks }: BoundExcerpt): ShikiTransformer {
  const fileLine = (line: number) => excerpt.firstLine + line - 1;
  return {
    name: 'vae-book:source-terms',
    // Shiki merges neighbours of one colour ("(beta, kl)));"): split them where a snippet starts or ends.
    tokens(lines) {
      return lines.map((line, i) => splitTokens(line, snippetCuts(marks, fileLine(i + 1))));
    },
    pre(node) {
      addClass(node, 'source-pre');
    },
    span(node, line, col, _lineElement, token) {
      makeReadable(node);
      const terms = termsInSpan(marks, fileLine(line), col, col + token.content.length);
      if (terms.length === 0) return;
      node.properties['data-term'] = terms.join(' ');
      addClass(node, 'source-token');
    },
    line(node, line) {
      node.properties['data-line'] = fileLine(line);
      const terms = termsOnLine(marks, fileLine(line));
      if (terms.length > 0) node.properties['data-term'] = terms.join(' ');
    },
  };
}
