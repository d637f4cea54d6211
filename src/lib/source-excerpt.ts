/**
 * Build-time source excerpts: finds one top-level declaration in a TypeScript file (with the TypeScript compiler, so
 * braces in strings, comments and regular expressions cannot confuse it) and maps formula terms onto its lines.
 * Pure: it gets the file's text, never reads the disk. `<SourceCode>` and the drift test both use it.
 */
import ts from 'typescript';

/** One declaration's lines as they stand in the file. */
export interface SourceExcerpt {
  /** The path the text came from, repository-relative (e.g. "src/core/losses.ts"). */
  readonly file: string;
  /** The declaration's name: a function, const, class or interface, or "Class.method". */
  readonly name: string;
  /** File line (1-based) of the first line shown: the doc comment's when it is kept, else the declaration's. */
  readonly firstLine: number;
  /** File line of the declaration itself: what a term's relative line 1 means. */
  readonly declarationLine: number;
  /** File line of the declaration's last line. */
  readonly lastLine: number;
  /** The text of lines firstLine…lastLine, without line ends. */
  readonly lines: readonly string[];
}

/**
 * Where a term lives, in lines relative to the declaration (1 = the line that declares it): `[from, to]`, or
 * `[from, to, code]` where `code` is a snippet that occurs exactly once in those lines and is marked on its own.
 */
export type TermSpec = readonly [from: number, to: number] | readonly [from: number, to: number, code: string];

/** A term resolved to file lines, and to a column range when it names a snippet. */
export interface TermMark {
  readonly term: string;
  /** First and last file line of the term. */
  readonly from: number;
  readonly to: number;
  /** The snippet's file line and its [start, end) columns there (0-based, in UTF-16 units). */
  readonly code?: { readonly line: number; readonly start: number; readonly end: number };
}

/** A reference from a chapter that no longer matches the source: the build stops with this message. */
export class SourceExcerptError extends Error {
  override name = 'SourceExcerptError';
}

/** The name a top-level statement declares, with the node whose lines it spans ("Class.method" looks one level in). */
function declarationsOf(statement: ts.Statement): { name: string; node: ts.Node }[] {
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)) &&
    statement.name
  ) {
    return [{ name: statement.name.text, node: statement }];
  }
  if (ts.isClassDeclaration(statement) && statement.name) {
    const className = statement.name.text;
    const members = statement.members
      .filter((m) => m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)))
      .map((m) => ({ name: `${className}.${(m.name as ts.Identifier).text}`, node: m as ts.Node }));
    return [{ name: className, node: statement }, ...members];
  }
  if (ts.isVariableStatement(statement)) {
    // One name per statement: `const a = …` shows the whole statement (its `export const` line included).
    return statement.declarationList.declarations
      .filter((d) => ts.isIdentifier(d.name))
      .map((d) => ({ name: (d.name as ts.Identifier).text, node: statement }));
  }
  return [];
}

/** The `/** … *\/` comment that ends on the line right above `node`, if any: its start offset. */
function docCommentStart(text: string, node: ts.Node, sourceFile: ts.SourceFile): number | undefined {
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = comments.at(-1);
  if (!last || !text.startsWith('/**', last.pos)) return undefined;
  const endLine = sourceFile.getLineAndCharacterOfPosition(last.end).line;
  const nodeLine = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  return nodeLine - endLine === 1 ? last.pos : undefined;
}

/**
 * The lines of the top-level declaration `name` in `text` (the contents of `file`), with its doc comment unless
 * `withDoc` is false. Throws a SourceExcerptError naming the file when there is no such declaration.
 */
export function findDeclaration(text: string, file: string, name: string, { withDoc = true } = {}): SourceExcerpt {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = sourceFile.statements.flatMap(declarationsOf).filter((d) => d.name === name);
  if (found.length === 0)
    throw new SourceExcerptError(`${file} has no top-level declaration named "${name}" (renamed or moved?)`);
  if (found.length > 1)
    throw new SourceExcerptError(
      `${file} declares "${name}" ${found.length} times (overloads?); point at a single declaration`,
    );
  const { node } = found[0]!;
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const declarationLine = lineOf(node.getStart(sourceFile));
  const docStart = withDoc ? docCommentStart(text, node, sourceFile) : undefined;
  const firstLine = docStart === undefined ? declarationLine : lineOf(docStart);
  const lastLine = lineOf(node.getEnd());
  const lines = text.split(/\r?\n/).slice(firstLine - 1, lastLine);
  return { file, name, firstLine, declarationLine, lastLine, lines };
}

/** The text of file line `line` in the excerpt. */
function lineText(excerpt: SourceExcerpt, line: number): string {
  return excerpt.lines[line - excerpt.firstLine] ?? '';
}

const IDENTIFIER_CHAR = /[\w$]/;

/** Start columns of `code` in `line`, counting only whole-identifier matches (so "mu" is not found inside "mul"). */
export function occurrences(line: string, code: string): number[] {
  const found: number[] = [];
  if (code === '') return found;
  for (let at = line.indexOf(code); at !== -1; at = line.indexOf(code, at + 1)) {
    const cutsBefore = IDENTIFIER_CHAR.test(code[0]!) && IDENTIFIER_CHAR.test(line[at - 1] ?? '');
    const cutsAfter = IDENTIFIER_CHAR.test(code.at(-1)!) && IDENTIFIER_CHAR.test(line[at + code.length] ?? '');
    if (!cutsBefore && !cutsAfter) found.push(at);
  }
  return found;
}

/** Resolves one term against the excerpt; throws a SourceExcerptError saying what does not fit. */
function markTerm(excerpt: SourceExcerpt, term: string, spec: TermSpec): TermMark {
  const [relativeFrom, relativeTo, code] = spec;
  const where = `term "${term}" of ${excerpt.name} (${excerpt.file})`;
  const span = excerpt.lastLine - excerpt.declarationLine + 1;
  if (
    !Number.isInteger(relativeFrom) ||
    !Number.isInteger(relativeTo) ||
    relativeFrom < 1 ||
    relativeTo < relativeFrom ||
    relativeTo > span
  ) {
    throw new SourceExcerptError(
      `${where}: lines [${relativeFrom}, ${relativeTo}] lie outside the declaration, which has lines 1–${span}`,
    );
  }
  const from = excerpt.declarationLine + relativeFrom - 1;
  const to = excerpt.declarationLine + relativeTo - 1;
  if (code === undefined) return { term, from, to };
  const hits: { line: number; start: number }[] = [];
  for (let line = from; line <= to; line++)
    for (const start of occurrences(lineText(excerpt, line), code)) hits.push({ line, start });
  if (hits.length !== 1) {
    const count = hits.length === 0 ? 'not found' : `found ${hits.length} times`;
    throw new SourceExcerptError(
      `${where}: "${code}" ${count} in lines [${relativeFrom}, ${relativeTo}] (file lines ${from}–${to}); it must occur exactly once`,
    );
  }
  const { line, start } = hits[0]!;
  return { term, from, to, code: { line, start, end: start + code.length } };
}

/** Resolves every term (in the given order); throws on the first one outside the declaration or whose snippet is missing. */
export function markTerms(excerpt: SourceExcerpt, terms: Readonly<Record<string, TermSpec>>): TermMark[] {
  return Object.entries(terms).map(([term, spec]) => markTerm(excerpt, term, spec));
}

/** The terms whose lines include file line `line`, in order. */
export function termsOnLine(marks: readonly TermMark[], line: number): string[] {
  return marks.filter((m) => m.from <= line && line <= m.to).map((m) => m.term);
}

/** The terms whose snippet overlaps columns [start, end) of file line `line`, in order. */
export function termsInSpan(marks: readonly TermMark[], line: number, start: number, end: number): string[] {
  return marks
    .filter((m) => m.code && m.code.line === line && m.code.start < end && start < m.code.end)
    .map((m) => m.term);
}

/** The columns where a term's snippet starts or ends on file line `line`, sorted: where highlighted tokens must be split. */
export function snippetCuts(marks: readonly TermMark[], line: number): number[] {
  const cuts = marks.flatMap((m) => (m.code && m.code.line === line ? [m.code.start, m.code.end] : []));
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** The term ids a formula carries as `\htmlData{term=…}`, in order of first appearance. */
export function formulaTerms(tex: string): string[] {
  return [...new Set([...tex.matchAll(/\\htmlData\{\s*term\s*=\s*([^},\s]+)\s*\}/g)].map((m) => m[1]!))];
}
