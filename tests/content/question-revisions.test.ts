import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { questionSetSchema, type Question } from '../../src/lib/question-schema';

// Saved answers are kept only while a question's revision is unchanged, so an edit to what a question asks or accepts
// must bump its revision. This lock records, per question, the revision and a hash of everything an answer depends on
// (prompt, options, key; not the explanation). When a question's hash changes, decide: a change of meaning bumps
// `revision` in the YAML; a typo fix does not. Then update the lock with `vitest run -u` and commit it with the edit.
const DIR = join(import.meta.dirname, '..', '..', 'src', 'content', 'questions');

/** The hash of what an answer to `q` depends on. */
function answerHash(q: Question): string {
  const { explanation: _explanation, section: _section, lab: _lab, revision: _revision, ...asked } = q;
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex').slice(0, 16);
}

const questions = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const set = questionSetSchema.parse(parseYaml(readFileSync(join(DIR, f), 'utf8')));
    return set.questions.map((q) => [`${set.set}:${q.id}`, q] as const);
  });

describe('question revisions', () => {
  it('every question matches its locked revision and answer hash (edit the lock consciously, see the comment above)', async () => {
    const actual = Object.fromEntries(
      questions.map(([id, q]) => [id, { revision: q.revision, hash: answerHash(q) }]).sort(),
    );
    await expect(`${JSON.stringify(actual, null, 2)}\n`).toMatchFileSnapshot('question-revisions.json');
  });
});
