/** The zod schema every chapter's frontmatter must satisfy. */
import { z } from 'astro/zod';
import { LANGS } from '../i18n/langs';

export const chapterFrontmatter = z.object({
  /** Shown in the sidebar, the page title and previous/next links. */
  title: z.string().min(1),
  /** Shorter title for the sidebar; defaults to the title. */
  shortTitle: z.string().min(1).optional(),
  /** Position in the book; chapter 0 is "how to use this book". */
  order: z.number().int().min(0).max(99),
  /** Must match the folder the file lives in (a content test checks it). */
  lang: z.enum(LANGS),
  /** One or two sentences: the landing page's chapter list and the meta description. */
  summary: z.string().min(20).max(300),
  /** The terms this chapter teaches: listed under the chapter and weighted in search, so the teaching chapter ranks first. */
  keyTerms: z.array(z.string().min(1)).default([]),
  /** Hidden from navigation and search while being written. */
  draft: z.boolean().default(false),
});

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
