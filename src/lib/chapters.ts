/** Pure helpers over chapter entries: per-language ordering, slugs, neighbours and translations. */
import type { Lang } from '../i18n/langs';

/** The part of a chapter entry these helpers need (an Astro collection entry satisfies it). */
export interface ChapterLike {
  id: string;
  data: { title: string; shortTitle?: string | undefined; order: number; lang: Lang; draft: boolean };
}

/** "en/generative-model" → "generative-model": the slug shared by both languages of a chapter. */
export function chapterSlug(entry: Pick<ChapterLike, 'id'>): string {
  const slash = entry.id.indexOf('/');
  return slash === -1 ? entry.id : entry.id.slice(slash + 1);
}

/** The published chapters of one language, in book order. */
export function chaptersOf<T extends ChapterLike>(all: readonly T[], lang: Lang): T[] {
  return all
    .filter((c) => c.data.lang === lang && !c.data.draft)
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The chapters before and after `slug` in `ordered`, or undefined at either end. */
export function neighbours<T extends ChapterLike>(
  ordered: readonly T[],
  slug: string,
): { prev: T | undefined; next: T | undefined } {
  const i = ordered.findIndex((c) => chapterSlug(c) === slug);
  if (i === -1) return { prev: undefined, next: undefined };
  return { prev: ordered[i - 1], next: ordered[i + 1] };
}

/** True when both languages have the chapter `slug`, so the language switcher can stay on it. */
export function hasTranslation(all: readonly ChapterLike[], slug: string, lang: Lang): boolean {
  return all.some((c) => c.data.lang === lang && !c.data.draft && chapterSlug(c) === slug);
}
