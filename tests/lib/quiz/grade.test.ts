import { describe, expect, it } from 'vitest';
import { grade, parseNumber, score, totalScore } from '../../../src/lib/quiz/grade';

describe('parseNumber', () => {
  it.each([
    ['0.5', 0.5],
    [' 0,5 ', 0.5],
    ['−1.25', -1.25],
    ['+3', 3],
    ['.5', 0.5],
    ['１２', 12],
    ['1e-3', 0.001],
  ])('reads %j as %d', (raw, value) => expect(parseNumber(raw)).toBe(value));
  it.each(['', 'abc', '1/2', '0.5.1', 'Infinity', 'NaN', '1e999'])('rejects %j', (raw) =>
    expect(parseNumber(raw)).toBeNull(),
  );
});

describe('grade', () => {
  const single = { kind: 'single', answer: ['b'] } as const;
  const multiple = { kind: 'multiple', answer: ['a', 'c'] } as const;
  const numeric = { kind: 'numeric', answer: 0.5, tolerance: 0.01 } as const;

  it('marks a single-choice answer right only for the key', () => {
    expect(grade(single, { kind: 'choice', selected: ['b'] })).toBe('correct');
    expect(grade(single, { kind: 'choice', selected: ['a'] })).toBe('incorrect');
  });
  it('treats nothing chosen, or two options on a single-choice question, as not an attempt', () => {
    expect(grade(single, { kind: 'choice', selected: [] })).toBe('invalid');
    expect(grade(single, { kind: 'choice', selected: ['a', 'b'] })).toBe('invalid');
  });
  it('needs exactly the key set on a multiple-choice question, in any order', () => {
    expect(grade(multiple, { kind: 'choice', selected: ['c', 'a'] })).toBe('correct');
    expect(grade(multiple, { kind: 'choice', selected: ['a'] })).toBe('incorrect');
    expect(grade(multiple, { kind: 'choice', selected: ['a', 'b', 'c'] })).toBe('incorrect');
  });
  it('accepts a number within the tolerance, edges included, and rejects one outside', () => {
    expect(grade(numeric, { kind: 'numeric', raw: '0.5' })).toBe('correct');
    expect(grade(numeric, { kind: 'numeric', raw: '0.51' })).toBe('correct');
    expect(grade(numeric, { kind: 'numeric', raw: '0,49' })).toBe('correct');
    expect(grade(numeric, { kind: 'numeric', raw: '0.52' })).toBe('incorrect');
    expect(grade(numeric, { kind: 'numeric', raw: 'half' })).toBe('invalid');
  });
  it('does not grade a response of the wrong kind', () => {
    expect(grade(numeric, { kind: 'choice', selected: ['a'] })).toBe('invalid');
    expect(grade(single, { kind: 'numeric', raw: '1' })).toBe('invalid');
  });
});

describe('score', () => {
  it('counts answered and correct among the given ids only', () => {
    expect(score(['a', 'b', 'c', 'd'], { a: true, b: false, c: true, z: true })).toEqual({
      correct: 2,
      answered: 3,
      total: 4,
    });
  });
  it('adds per-set scores into an overall one', () => {
    expect(
      totalScore([
        { correct: 2, answered: 3, total: 4 },
        { correct: 1, answered: 1, total: 3 },
      ]),
    ).toEqual({ correct: 3, answered: 4, total: 7 });
    expect(totalScore([])).toEqual({ correct: 0, answered: 0, total: 0 });
  });
});
