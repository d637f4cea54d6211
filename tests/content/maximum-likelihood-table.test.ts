/** Chapter 2's table of log p(x⁽ⁱ⁾) and the numbers around it, in both languages, against src/core (which the widget shows). */
import { describe, expect, it } from 'vitest';
import { readChapterFiles } from '../helpers/chapters';
import {
  ascentPath,
  datasetLogLikelihood,
  maximumLikelihood,
  pointLogLikelihoods,
} from '../../src/core/toys/maximum-likelihood';
import { formatNats } from '../../src/components/widgets/toy-likelihood-state';

const DATA = [3, -1, 0, 2];
const chapters = readChapterFiles().filter((f) => f.slug === 'maximum-likelihood');

describe.each(chapters.map((f) => [f.lang, f] as const))('maximum-likelihood (%s)', (_, chapter) => {
  /** The markdown table whose header row is "| $x^{(i)}$ | $w = 2$ | …". */
  const rows = chapter.body
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/\*\*/g, '')),
    );
  const header = rows.find((row) => row[0] === '$x^{(i)}$')!;
  const ws = header.slice(1).map((cell) => Number(cell.match(/w = ([\d.]+)/)![1]));

  it('has the table, for w = 2, 1.5 and 0.5', () => {
    expect(ws).toEqual([2, 1.5, 0.5]);
  });
  it('prints every cell as the widget does: log p(x⁽ⁱ⁾) and ℓ to 3 decimals', () => {
    const body = rows.slice(rows.indexOf(header) + 2);
    const expected = [
      ...DATA.map((x, i) => [
        String(x).replace('-', '\u2212'),
        ...ws.map((w) => formatNats(pointLogLikelihoods({ w, b: 1, s: 0.5 }, DATA)[i]!)),
      ]),
      ['$\\ell$', ...ws.map((w) => formatNats(datasetLogLikelihood({ w, b: 1, s: 0.5 }, DATA)))],
    ];
    expect(body.slice(0, expected.length)).toEqual(expected);
  });
  it('quotes the maximum and the exercise’s w = 2.5 as computed', () => {
    expect(chapter.body).toContain(
      `\\ell = ${formatNats(maximumLikelihood(DATA).logLikelihood).replace('\u2212', '-')}`,
    );
    expect(chapter.body).toContain(
      `\\ell = ${formatNats(datasetLogLikelihood({ w: 2.5, b: 1, s: 0.5 }, DATA)).replace('\u2212', '-')}`,
    );
  });
});

describe.each(chapters.map((f) => [f.lang, f] as const))('maximum-likelihood (%s), after the widget', (_, chapter) => {
  it('quotes where the widget’s gradient ascent from w = 2, s = 0.5 stops', () => {
    const end = ascentPath({ w: 2, b: 1, s: 0.5 }, DATA).at(-1)!;
    expect(chapter.body).toContain(`$w = ${end.w.toFixed(3)}$`);
    expect(chapter.body).toContain(`$s = ${end.s.toFixed(3)}$`);
  });
});
