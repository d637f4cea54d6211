/** The zod schema of the question bank (src/content/questions/*.yaml): one file per chapter, both languages per question. */
import { z } from 'astro/zod';

/** A text in both of the book's languages. */
export const bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

/** Where a question's topic is taught: a chapter slug and the heading id in each language. */
export const sectionLink = z
  .object({
    chapter: z.string().regex(/^[a-z0-9-]+$/),
    anchor: z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict(),
  })
  .strict();

/** A "predict, then run" item: the lab preset the reader opens after answering (query keys of the lab, e.g. beta=4). */
export const labLink = z
  .object({
    chapter: z.string().regex(/^[a-z0-9-]+$/),
    labId: z.string().min(1),
    query: z.record(z.string(), z.string()),
  })
  .strict();

const optionSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: bilingual }).strict();

const common = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  prompt: bilingual,
  explanation: bilingual,
  section: sectionLink,
  lab: labLink.optional(),
  /** Bumped when the prompt, the options or the key change meaning: saved answers to an earlier revision are dropped. */
  revision: z.number().int().positive().default(1),
};

/** One question: single choice (one key), multiple choice (one or more keys), or a number within a tolerance. */
export const questionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...common,
      kind: z.literal('single'),
      options: z.array(optionSchema).min(2),
      answer: z.array(z.string()).length(1),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('multiple'),
      options: z.array(optionSchema).min(2),
      answer: z.array(z.string()).min(1),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('numeric'),
      answer: z.number(),
      tolerance: z.number().nonnegative(),
      unit: bilingual.optional(),
    })
    .strict(),
]);

/** A bank file: the set it belongs to ('final' or a chapter slug) and its questions, with keys that name real options. */
export const questionSetSchema = z
  .object({ set: z.string().regex(/^[a-z0-9-]+$/), questions: z.array(questionSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate id ${q.id}` });
      seen.add(q.id);
      if (q.kind === 'numeric') return;
      const ids = q.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'duplicate option id' });
      for (const key of q.answer)
        if (!ids.includes(key))
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: `key ${key} is not an option` });
      if (new Set(q.answer).size !== q.answer.length)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: 'duplicate key' });
    });
  });

/** A question as parsed. */
export type Question = z.infer<typeof questionSchema>;
/** A choice question (single or multiple). */
export type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;
/** A bank file as parsed. */
export type QuestionSet = z.infer<typeof questionSetSchema>;
