import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SourceExcerptError,
  findDeclaration,
  formulaTerms,
  markTerms,
  occurrences,
  termsInSpan,
  termsOnLine,
} from '../../src/lib/source-excerpt';

// Line numbers matter here: keep this fixture's layout as it is.
const FIXTURE = [
  "import { tf } from './tf';", //                                   1
  '', //                                                              2
  '/** Adds one, with a brace in a string: "}". */', //              3
  'export function addOne(x: number): number {', //                  4
  "  const brace = '}'; // and } in a comment", //                   5
  '  return x + 1;', //                                               6
  '}', //                                                             7
  '', //                                                              8
  '// A plain comment is not a doc comment.', //                      9
  'const twice = (x: number) => {', //                               10
  '  return tf.mul(x, tf.mul(2, 1));', //                           11
  '};', //                                                           12
  '', //                                                             13
  '/** Far away. */', //                                             14
  '', //                                                             15
  'export class Box {', //                                           16
  '  /** Opens it. */', //                                           17
  '  open(): void {', //                                             18
  '    return;', //                                                  19
  '  }', //                                                          20
  '}', //                                                            21
].join('\n');

describe('findDeclaration(text, file, name)', () => {
  it('finds an exported function with its doc comment, braces in strings and comments notwithstanding', () => {
    const excerpt = findDeclaration(FIXTURE, 'src/fixture.ts', 'addOne');
    expect(excerpt).toMatchObject({
      file: 'src/fixture.ts',
      name: 'addOne',
      firstLine: 3,
      declarationLine: 4,
      lastLine: 7,
    });
    expect(excerpt.lines).toEqual(FIXTURE.split('\n').slice(2, 7));
  });

  it('leaves the doc comment out when asked', () => {
    const excerpt = findDeclaration(FIXTURE, 'src/fixture.ts', 'addOne', { withDoc: false });
    expect([excerpt.firstLine, excerpt.declarationLine, excerpt.lastLine]).toEqual([4, 4, 7]);
    expect(excerpt.lines[0]).toBe('export function addOne(x: number): number {');
  });

  it.each([
    // a non-exported const: the whole statement; the // comment above is not a doc comment
    ['twice', [10, 10, 12]],
    // a class: its doc comment is separated by a blank line, so it is not kept
    ['Box', [16, 16, 21]],
    // a method, with its own doc comment
    ['Box.open', [17, 18, 20]],
  ] as const)('finds %s at lines [first, declaration, last] = %j', (name, lines) => {
    const excerpt = findDeclaration(FIXTURE, 'src/fixture.ts', name);
    expect([excerpt.firstLine, excerpt.declarationLine, excerpt.lastLine]).toEqual(lines);
  });

  it('throws a SourceExcerptError naming the file when the declaration is missing', () => {
    expect(() => findDeclaration(FIXTURE, 'src/fixture.ts', 'addTwo')).toThrow(SourceExcerptError);
    expect(() => findDeclaration(FIXTURE, 'src/fixture.ts', 'addTwo')).toThrow(
      /src\/fixture\.ts has no top-level declaration named "addTwo"/,
    );
  });

  it('does not find names that are only used, or declared inside a function', () => {
    expect(() => findDeclaration(FIXTURE, 'src/fixture.ts', 'brace')).toThrow(SourceExcerptError);
    expect(() => findDeclaration(FIXTURE, 'src/fixture.ts', 'tf')).toThrow(SourceExcerptError);
  });

  it('finds the real gaussianKlPerDim in src/core/losses.ts at the line that declares it', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'core', 'losses.ts'), 'utf8');
    const excerpt = findDeclaration(text, 'src/core/losses.ts', 'gaussianKlPerDim');
    const fileLines = text.split('\n');
    expect(fileLines[excerpt.declarationLine - 1]).toMatch(/^export function gaussianKlPerDim\(/);
    expect(fileLines[excerpt.firstLine - 1]).toMatch(/^\/\*\*/);
    expect(fileLines[excerpt.lastLine - 1]).toBe('}');
    expect(excerpt.lines.length).toBe(excerpt.lastLine - excerpt.firstLine + 1);
  });
});

describe('occurrences(line, code)', () => {
  it.each([
    // whole identifiers only: "mu" is not inside "mul"
    ['tf.add(mu, tf.mul(a, b))', 'mu', [7]],
    ['tf.add(mu, tf.mul(a, b))', 'tf.mul', [11]],
    // a snippet that starts and ends with punctuation matches anywhere
    ['f(0.5, x) + g(0.5)', '(0.5', [1, 13]],
    ['abc', '', []],
  ] as const)('finds %j in %s at %j', (line, code, expected) => {
    expect(occurrences(line, code)).toEqual(expected);
  });
});

describe('markTerms(excerpt, terms)', () => {
  const excerpt = findDeclaration(FIXTURE, 'src/fixture.ts', 'twice');

  it('turns relative lines into file lines, and a snippet into its columns', () => {
    const marks = markTerms(excerpt, { objective: [1, 3], kl: [2, 2, 'tf.mul(2, 1)'] });
    expect(marks).toEqual([
      { term: 'objective', from: 10, to: 12 },
      { term: 'kl', from: 11, to: 11, code: { line: 11, start: 19, end: 31 } },
    ]);
    expect(termsOnLine(marks, 11)).toEqual(['objective', 'kl']);
    expect(termsOnLine(marks, 13)).toEqual([]);
    expect(termsInSpan(marks, 11, 17, 20)).toEqual(['kl']);
    expect(termsInSpan(marks, 11, 31, 33)).toEqual([]);
  });

  it.each([
    [[0, 1], /lie outside the declaration, which has lines 1–3/],
    [[2, 4], /lie outside/],
    [[3, 2], /lie outside/],
    [[1.5, 2], /lie outside/],
  ] as const)('rejects lines %j', (spec, message) => {
    expect(() => markTerms(excerpt, { kl: spec })).toThrow(message);
  });

  it('rejects a snippet that is missing from its lines, or found twice', () => {
    expect(() => markTerms(excerpt, { kl: [1, 1, 'tf.mul'] })).toThrow(
      /term "kl" of twice \(src\/fixture\.ts\): "tf\.mul" not found in lines \[1, 1\]/,
    );
    expect(() => markTerms(excerpt, { kl: [2, 2, 'tf.mul'] })).toThrow(/found 2 times/);
  });
});

describe('formulaTerms(tex)', () => {
  it('lists the \\htmlData term ids in order, once each', () => {
    expect(
      formulaTerms(String.raw`\htmlData{term=kl}{\tfrac12(\htmlData{term=mu-sq}{\mu^2} + \htmlData{ term = kl }{x})}`),
    ).toEqual(['kl', 'mu-sq']);
    expect(formulaTerms(String.raw`\mathrm{KL} = \tfrac12`)).toEqual([]);
  });
});
