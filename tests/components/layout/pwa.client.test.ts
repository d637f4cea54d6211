/** The "available offline" and "new version" notes, on markup shaped like Pwa.astro's and the layouts' output, in jsdom (the real worker is in tests/e2e/offline.test.ts). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { showOfflineNote, showUpdateNote } from '../../../src/components/layout/pwa.client';

const TEMPLATE =
  '<template id="offline-note"><p class="offline-note" data-offline-note>Available offline</p></template>' +
  '<template id="update-note"><div data-update-note><p>A new version</p><button data-update-reload>Reload</button></div></template>';

/** A document with the note's template in the head and `body` as its body. */
const page = (body: string) =>
  new JSDOM(`<!doctype html><html><head>${TEMPLATE}</head><body>${body}</body></html>`).window.document;

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

describe('showUpdateNote(doc, reload)', () => {
  it('adds the note once, at the end of the body, and its button reloads', () => {
    const doc = page('<main id="content"><p>text</p></main>');
    let reloads = 0;
    showUpdateNote(doc, () => (reloads += 1));
    showUpdateNote(doc, () => (reloads += 1));
    expect(doc.querySelectorAll('[data-update-note]')).toHaveLength(1);
    expect(doc.body.lastElementChild?.matches('[data-update-note]')).toBe(true);
    doc.querySelector<HTMLButtonElement>('[data-update-reload]')!.click();
    expect(reloads).toBe(1);
  });

  it('does nothing on a page without the template', () => {
    const doc = new JSDOM('<main></main>').window.document;
    showUpdateNote(doc, () => {});
    expect(doc.querySelector('[data-update-note]')).toBeNull();
  });
});
