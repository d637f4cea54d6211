/** Content collections: the book's chapters (one MDX file per chapter and language) and the quiz's question bank. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterFrontmatter } from './lib/chapter-schema';
import { questionSetSchema } from './lib/question-schema';

// CHAPTERS_DIR lets the build test point the collection at a fixture folder (a chapter with a TeX error).
const chapters = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: process.env['CHAPTERS_DIR'] ?? './chapters' }),
  schema: chapterFrontmatter,
});

/** One YAML file per question set: 'final' (chapter 8) or a chapter's checkpoint questions. */
const questions = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/questions' }),
  schema: questionSetSchema,
});

export const collections = { chapters, questions };
