/** The "available offline" and "new version" notes, on markup shaped like Pwa.astro's and the layouts' output, in jsdom (the real worker is in tests/e2e/offline.test.ts). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { afterLoadWhenIdle, showOfflineNote, showUpdateNote } from '../../../src/components/layout/pwa.client';

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

/** A window whose load event, idle callbacks and timers the test runs by hand. */
function fakeWindow(readyState: string, withIdle = true) {
  const log: string[] = [];
  let onLoad: (() => void) | null = null;
  const win = {
    document: { readyState },
    addEventListener: (type: string, listener: () => void) => {
      log.push(`listen ${type}`);
      onLoad = listener;
    },
    setTimeout: (callback: () => void, ms: number) => {
      log.push(`timeout ${ms}`);
      callback();
    },
    ...(withIdle
      ? {
          requestIdleCallback: (callback: () => void, options: { timeout: number }) => {
            log.push(`idle within ${options.timeout}`);
            callback();
          },
        }
      : {}),
  };
  return { win: win as unknown as Window, log, load: () => onLoad?.() };
}

describe('afterLoadWhenIdle(task, win)', () => {
  it('waits for the load event, then for an idle moment', () => {
    const { win, log, load } = fakeWindow('interactive');
    afterLoadWhenIdle(() => log.push('task'), win);
    expect(log).toEqual(['listen load']);
    load();
    expect(log).toEqual(['listen load', 'idle within 3000', 'task']);
  });

  it('waits only for an idle moment when the page has loaded already', () => {
    const { win, log } = fakeWindow('complete');
    afterLoadWhenIdle(() => log.push('task'), win);
    expect(log).toEqual(['idle within 3000', 'task']);
  });

  it('waits half a second instead where there are no idle callbacks (Safari)', () => {
    const { win, log } = fakeWindow('complete', false);
    afterLoadWhenIdle(() => log.push('task'), win);
    expect(log).toEqual(['timeout 500', 'task']);
  });
});
