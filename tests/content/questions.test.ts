import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import GithubSlugger from 'github-slugger';
import { questionSetSchema, type QuestionSet } from '../../src/lib/question-schema';
import { LANGS } from '../../src/i18n/langs';
import { readChapterFiles, withoutCode } from '../helpers/chapters';

// The heading slugger is Astro's own (github-slugger, a dependency of astro), so the ids this test computes are the ones
// the build gives; headings with math are refused, since their ids depend on KaTeX's output.
const DIR = join(import.meta.dirname, '..', '..', 'src', 'content', 'questions');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const raw = files.map((f) => [f, parseYaml(readFileSync(join(DIR, f), 'utf8'))] as const);
const chapters = readChapterFiles().filter((c) => c.frontmatter['draft'] !== true);

/** Heading ids of a chapter as Astro gives them, with the heading text (to catch links to headings with math). */
function headingIds(lang: string, slug: string): Map<string, string> {
  const chapter = chapters.find((c) => c.lang === lang && c.slug === slug);
  if (!chapter) return new Map();
  const slugger = new GithubSlugger();
  return new Map([...withoutCode(chapter.body).matchAll(/^#{2,6}\s+(.+)$/gm)].map((m) => [slugger.slug(m[1]!), m[1]!]));
}

describe('question bank files', () => {
  it.each(raw)(
    '%s satisfies the schema (one key per single-choice question, keys name real options, both languages)',
    (_, data) => {
      const parsed = questionSetSchema.safeParse(data);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    },
  );

  const sets = raw.map(([f, data]) => [f, questionSetSchema.parse(data)] as const);
  const slugs = new Set(chapters.map((c) => c.slug));

  it.each(sets)('%s is named after its set, which is "final" or a chapter', (file, set) => {
    expect(file).toBe(`${set.set}.yaml`);
    expect(set.set === 'final' || slugs.has(set.set)).toBe(true);
  });

  it.each(sets)(
    'every section link in %s points to a heading that exists, in both languages, without math in it',
    (_, set: QuestionSet) => {
      const broken: string[] = [];
      for (const q of set.questions)
        for (const lang of LANGS) {
          const heading = headingIds(lang, q.section.chapter).get(q.section.anchor[lang]);
          if (heading === undefined || heading.includes('$'))
            broken.push(`${q.id} → ${lang}/${q.section.chapter}#${q.section.anchor[lang]}`);
        }
      expect(broken).toEqual([]);
    },
  );

  it.each(sets)('every lab link in %s names a lab that its chapter embeds in both languages', (_, set: QuestionSet) => {
    const broken: string[] = [];
    for (const q of set.questions) {
      if (!q.lab) continue;
      for (const lang of LANGS) {
        const body = chapters.find((c) => c.lang === lang && c.slug === q.lab!.chapter)?.body ?? '';
        // A lab without an id attribute gets the id "lab"; its title's id, `${id}-title`, is the link's target.
        const ids = [...body.matchAll(/<VaeLab\b([^>]*)>/g)].map((m) => /\bid="([^"]+)"/.exec(m[1]!)?.[1] ?? 'lab');
        if (!ids.includes(q.lab.labId)) broken.push(`${q.id} → ${lang}/${q.lab.chapter}#${q.lab.labId}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('ids are unique across the whole bank', () => {
    const ids = sets.flatMap(([, s]) => s.questions.map((q) => `${s.set}:${q.id}`));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the final quiz', () => {
  const final = questionSetSchema.parse(raw.find(([f]) => f === 'final.yaml')?.[1]);
  it('covers the ten topics of the source article, in its order', () => {
    expect(final.questions.map((q) => q.id)).toEqual([
      'reconstruction-loss',
      'parts',
      'latent-distribution',
      'sampling-technique',
      'objective-terms',
      'kl-measures',
      'encoder-output',
      'decoder-role',
      'why-reparameterize',
      'main-use',
    ]);
  });
  it('corrects the source key: generation, not classification; cross-entropy or squared error by decoder, not always MSE', () => {
    const byId = new Map(final.questions.map((q) => [q.id, q]));
    expect(byId.get('main-use')).toMatchObject({ kind: 'single', answer: ['generation'] });
    expect(byId.get('reconstruction-loss')).toMatchObject({
      kind: 'multiple',
      answer: ['bernoulli-bce', 'gaussian-squared'],
    });
  });
});

describe('the schema', () => {
  const base = {
    id: 'q',
    prompt: { en: 'p', zh: '题' },
    explanation: { en: 'e', zh: '解' },
    section: { chapter: 'two-terms', anchor: { en: 'a', zh: 'b' } },
    options: [
      { id: 'a', text: { en: 'A', zh: '甲' } },
      { id: 'b', text: { en: 'B', zh: '乙' } },
    ],
  };
  const check = (q: object) => questionSetSchema.safeParse({ set: 'x', questions: [q] }).success;
  it('rejects a single-choice question with two keys, a key that is no option, and a missing translation', () => {
    expect(check({ ...base, kind: 'single', answer: ['a'] })).toBe(true);
    expect(check({ ...base, kind: 'single', answer: ['a', 'b'] })).toBe(false);
    expect(check({ ...base, kind: 'multiple', answer: ['a', 'c'] })).toBe(false);
    expect(check({ ...base, kind: 'single', answer: ['a'], explanation: { en: 'e' } })).toBe(false);
  });
});
