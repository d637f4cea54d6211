/** Content collections: the book's chapters, one MDX file per chapter and language under chapters/<lang>/. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterFrontmatter } from './lib/chapter-schema';

// CHAPTERS_DIR lets the build test point the collection at a fixture folder (a chapter with a TeX error).
const chapters = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: process.env['CHAPTERS_DIR'] ?? './chapters' }),
  schema: chapterFrontmatter,
});

export const collections = { chapters };
