/** The "available offline" note, on markup shaped like Pwa.astro's and the layouts' output, in jsdom (the real worker is in tests/e2e/offline.test.ts). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { showOfflineNote } from '../../../src/components/layout/pwa.client';

const TEMPLATE = '<template id="offline-note"><p class="offline-note" data-offline-note>Available offline</p></template>';

/** A document with the note's template in the head and `body` as its body. */
const page = (body: string) => new JSDOM(`<!doctype html><html><head>${TEMPLATE}</head><body>${body}</body></html>`).window.document;

describe('showOfflineNote(doc)', () => {
  it('adds the note once, at the end of a chapter footer', () => {
    const doc = page('<main id="content"><p>text</p></main><footer class="site-footer"><p>footer</p></footer>');
    showOfflineNote(doc);
    showOfflineNote(doc);
    expect(doc.querySelectorAll('[data-offline-note]')).toHaveLength(1);
    expect(doc.querySelector('.site-footer')?.lastElementChild?.textContent).toBe('Available offline');
  });

  it('falls back to the end of the main content on pages without a footer', () => {
    const doc = page('<main id="content" class="landing"><h1>Title</h1></main>');
    showOfflineNote(doc);
    expect(doc.querySelector('main')?.lastElementChild?.matches('[data-offline-note]')).toBe(true);
  });

  it('does nothing on a page without the template', () => {
    const doc = new JSDOM('<main></main>').window.document;
    showOfflineNote(doc);
    expect(doc.querySelector('[data-offline-note]')).toBeNull();
  });
});
