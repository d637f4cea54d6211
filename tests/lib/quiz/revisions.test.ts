import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { questionSetSchema } from '../../../src/lib/question-schema';
import { grade, score } from '../../../src/lib/quiz/grade';
import {
  emptyProgress,
  parseProgress,
  serializeProgress,
  withAnswer,
  withCurrentRevisions,
} from '../../../src/lib/quiz/progress';

// The final quiz as the book ships it: Q5 (objective-terms) was rewritten in December 2026 and its key changed.
const final = questionSetSchema.parse(
  parseYaml(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'content', 'questions', 'final.yaml'), 'utf8'),
  ),
);
const current = Object.fromEntries(final.questions.map((q) => [`final:${q.id}`, q.revision]));

// A record saved before questions had revisions: Q5 answered with an option the new text no longer has, Q2 answered right.
const oldRecord = JSON.stringify({
  version: 2,
  seed: 0,
  answers: {
    'final:objective-terms': { given: ['exact-posterior'], correct: false },
    'final:parts': { given: ['encoder-decoder'], correct: true },
  },
});

describe('withCurrentRevisions(progress, current)', () => {
  it('drops an answer saved for the old Q5, so it is never graded against the new key', () => {
    expect(current['final:objective-terms']).toBeGreaterThan(1);
    const { progress, notice } = parseProgress(oldRecord);
    expect(notice).toBe('loaded');
    expect(progress.answers['final:objective-terms']?.revision).toBe(1);
    const { progress: pruned, dropped } = withCurrentRevisions(progress, current);
    expect(dropped).toEqual(['final:objective-terms']);
    expect(pruned.answers['final:objective-terms']).toBeUndefined();
    const results = Object.fromEntries(Object.entries(pruned.answers).map(([k, v]) => [k, v.correct]));
    expect(score(['final:objective-terms', 'final:parts'], results)).toEqual({ correct: 1, answered: 1, total: 2 });
  });

  it('keeps the answers to unchanged questions, and to ids it does not know, untouched', () => {
    const stale = {
      ...JSON.parse(oldRecord),
      answers: { ...JSON.parse(oldRecord).answers, 'gone:old': { given: [], correct: false } },
    };
    const { progress } = parseProgress(JSON.stringify(stale));
    const { progress: pruned } = withCurrentRevisions(progress, current);
    expect(pruned.answers['final:parts']).toEqual({ given: ['encoder-decoder'], correct: true, revision: 1 });
    expect(pruned.answers['gone:old']).toEqual({ given: [], correct: false, revision: 1 });
    expect(current['final:parts']).toBe(1);
  });

  it('returns the same progress when nothing is stale, and keeps an answer to the current revision across a reload', () => {
    const key = final.questions.find((q) => q.id === 'objective-terms')!;
    const given = key.kind === 'numeric' ? [] : [...key.answer];
    const verdict = grade({ kind: 'single', answer: given }, { kind: 'choice', selected: given });
    const saved = withAnswer(emptyProgress(), 'final:objective-terms', {
      given,
      correct: verdict === 'correct',
      revision: key.revision,
    });
    const reloaded = parseProgress(serializeProgress(saved)).progress;
    const result = withCurrentRevisions(reloaded, current);
    expect(result.dropped).toEqual([]);
    expect(result.progress).toBe(reloaded);
    expect(result.progress.answers['final:objective-terms']?.correct).toBe(true);
  });

  it.each([
    ['a string', '"two"'],
    ['zero', '0'],
    ['a fraction', '1.5'],
    ['null', 'null'],
  ])('ignores one entry whose revision stamp is %s without a crash, keeping the others', (_, stamp) => {
    const raw = `{"version":2,"seed":3,"answers":{"final:parts":{"given":[],"correct":true,"revision":${stamp}},"final:kl-measures":{"given":["b"],"correct":false,"revision":1}}}`;
    const { progress, notice } = parseProgress(raw);
    expect(notice).toBe('loaded');
    expect(progress.seed).toBe(3);
    expect(Object.keys(progress.answers)).toEqual(['final:kl-measures']);
  });
});
