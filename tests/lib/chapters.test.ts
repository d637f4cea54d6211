import { describe, expect, it } from 'vitest';
import { chapterSlug, chaptersOf, hasTranslation, neighbours, type ChapterLike } from '../../src/lib/chapters';

const entry = (id: string, order: number, draft = false): ChapterLike => ({
  id,
  data: { title: id, order, lang: id.startsWith('zh/') ? 'zh' : 'en', draft },
});
const all = [entry('en/b', 2), entry('en/a', 1), entry('zh/a', 1), entry('en/wip', 3, true), entry('en/c', 3)];

describe('chapterSlug(entry)', () => {
  it.each([
    ['en/generative-model', 'generative-model'], // the usual case: language folder then slug
    ['zh/elbo', 'elbo'],
    ['plain', 'plain'], // no folder: the id is the slug
  ])('chapterSlug({ id: %j }) is %j', (id, slug) => {
    expect(chapterSlug({ id })).toBe(slug);
  });
});

describe('chaptersOf(all, lang)', () => {
  it('keeps one language, drops drafts and sorts by order', () => {
    expect(chaptersOf(all, 'en').map((c) => c.id)).toEqual(['en/a', 'en/b', 'en/c']);
    expect(chaptersOf(all, 'zh').map((c) => c.id)).toEqual(['zh/a']);
  });
});

describe('neighbours(ordered, slug)', () => {
  const ordered = chaptersOf(all, 'en');
  it('gives the chapters on either side', () => {
    const { prev, next } = neighbours(ordered, 'b');
    expect(prev?.id).toBe('en/a');
    expect(next?.id).toBe('en/c');
  });
  it('has no previous at the start and no next at the end', () => {
    expect(neighbours(ordered, 'a').prev).toBeUndefined();
    expect(neighbours(ordered, 'c').next).toBeUndefined();
  });
  it('has neither for an unknown slug', () => {
    expect(neighbours(ordered, 'nope')).toEqual({ prev: undefined, next: undefined });
  });
});

describe('hasTranslation(all, slug, lang)', () => {
  it('is true only where that language has the chapter', () => {
    expect(hasTranslation(all, 'a', 'zh')).toBe(true);
    expect(hasTranslation(all, 'b', 'zh')).toBe(false);
    expect(hasTranslation(all, 'wip', 'en')).toBe(false); // drafts are not published
  });
});
