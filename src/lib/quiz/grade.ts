/** Grading the quiz: a response against a question's key, and scores per set and overall. Pure; no DOM. */

/** What the client needs to grade one question (it reads this from the page, so it stays free of the schema). */
export type AnswerKey =
  | { readonly kind: 'single' | 'multiple'; readonly answer: readonly string[] }
  | { readonly kind: 'numeric'; readonly answer: number; readonly tolerance: number };

/** A reader's response: the option ids they ticked, or the text they typed. */
export type QuizResponse =
  | { readonly kind: 'choice'; readonly selected: readonly string[] }
  | { readonly kind: 'numeric'; readonly raw: string };

/** The verdict on one response; 'invalid' (nothing chosen, or not a number) is not counted as an attempt. */
export type Verdict = 'correct' | 'incorrect' | 'invalid';

/** Reads a typed number: accepts a decimal comma, full-width digits, a leading plus and a Unicode minus; null if not a number. */
export function parseNumber(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[−–]/g, '-')
    .replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Grades one response. A multiple-choice answer is right only when the ticked set equals the key exactly. */
export function grade(key: AnswerKey, response: QuizResponse): Verdict {
  if (key.kind === 'numeric') {
    if (response.kind !== 'numeric') return 'invalid';
    const value = parseNumber(response.raw);
    if (value === null) return 'invalid';
    // A hair of slack so that a tolerance of 0.01 accepts 0.51 for 0.5 despite binary rounding.
    return Math.abs(value - key.answer) <= key.tolerance + 1e-12 ? 'correct' : 'incorrect';
  }
  if (response.kind !== 'choice' || response.selected.length === 0) return 'invalid';
  if (key.kind === 'single' && response.selected.length !== 1) return 'invalid';
  const chosen = new Set(response.selected);
  return chosen.size === key.answer.length && key.answer.every((id) => chosen.has(id)) ? 'correct' : 'incorrect';
}

/** A score: how many of `total` questions are answered, and how many of those correctly. */
export interface Score {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
}

/** Scores the questions `ids` given each question's last verdict (missing = unanswered). */
export function score(ids: readonly string[], results: Readonly<Record<string, boolean | undefined>>): Score {
  let correct = 0;
  let answered = 0;
  for (const id of ids) {
    const result = results[id];
    if (result === undefined) continue;
    answered += 1;
    if (result) correct += 1;
  }
  return { correct, answered, total: ids.length };
}

/** Adds scores up: the overall score from the per-set ones. */
export function totalScore(scores: readonly Score[]): Score {
  return scores.reduce(
    (a, b) => ({ correct: a.correct + b.correct, answered: a.answered + b.answered, total: a.total + b.total }),
    {
      correct: 0,
      answered: 0,
      total: 0,
    },
  );
}
