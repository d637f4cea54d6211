/** The one reload for cross-origin isolation: when it happens, when it never does (busy reader, second time, no worker). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  RELOAD_FLAG,
  pageIsBusy,
  reloadForIsolation,
  restoreScroll,
  shouldReloadForIsolation,
} from '../../src/lib/isolation';

const facts = { isolated: false, controlled: true, reloadedBefore: false, busy: false };

describe('shouldReloadForIsolation(facts)', () => {
  it.each([
    // [change from the reload case, reload?]
    [{}, true],
    [{ isolated: true }, false],
    [{ controlled: false }, false],
    [{ reloadedBefore: true }, false],
    [{ busy: true }, false],
  ] as const)('%j → %s', (change, reload) => {
    expect(shouldReloadForIsolation({ ...facts, ...change })).toBe(reload);
  });
});

const doc = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;

describe('pageIsBusy(doc)', () => {
  it.each([
    ['<figure data-widget="vae-lab" data-state="ready"></figure>', false],
    ['<figure data-widget="vae-lab" data-state="loading"></figure>', false],
    ['<figure data-widget="vae-lab" data-state="training"></figure>', true],
    ['<figure data-widget="vae-lab" data-state="paused"></figure>', true],
    ['<figure data-widget="vae-lab" data-state="sweeping"></figure>', true],
    ['<figure data-cell="a" data-state="edited"></figure>', false],
    ['<figure data-cell="a" data-state="running"></figure>', true],
  ])('%s → %s', (body, busy) => {
    expect(pageIsBusy(doc(body))).toBe(busy);
  });

  it('is busy while the focus is inside a cell', () => {
    const page = doc(
      '<figure data-cell="a" data-state="edited"><button>Run</button></figure><button id="out">x</button>',
    );
    page.querySelector<HTMLButtonElement>('[data-cell] button')!.focus();
    expect(pageIsBusy(page)).toBe(true);
    page.querySelector<HTMLButtonElement>('#out')!.focus();
    expect(pageIsBusy(page)).toBe(false);
  });
});

/** A window stand-in: jsdom's document and sessionStorage, a fake controller, a counted reload. */
function fakeWindow(
  options: { isolated?: boolean; controlled?: boolean; body?: string; storageThrows?: boolean } = {},
) {
  const dom = new JSDOM(`<!doctype html><body>${options.body ?? ''}</body>`, { url: 'https://example.org/en/x/' });
  let reloads = 0;
  const scrolls: [number, number][] = [];
  const win = {
    crossOriginIsolated: options.isolated ?? false,
    scrollX: 0,
    scrollY: 1234,
    scrollTo: (x: number, y: number) => void scrolls.push([x, y]),
    document: dom.window.document,
    navigator: { serviceWorker: { controller: options.controlled === false ? null : {} } },
    location: { pathname: '/en/x/', search: '?a=1', reload: () => void reloads++ },
    get sessionStorage() {
      if (options.storageThrows) throw new Error('SecurityError');
      return dom.window.sessionStorage;
    },
  };
  return { win: win as unknown as Window, reloads: () => reloads, scrolls, storage: dom.window.sessionStorage };
}

describe('reloadForIsolation(win)', () => {
  it('reloads once, marking the tab, and never again in that tab', () => {
    const { win, reloads, storage } = fakeWindow();
    expect(reloadForIsolation(win)).toBe(true);
    expect(storage.getItem(RELOAD_FLAG)).not.toBeNull();
    expect(reloadForIsolation(win)).toBe(false);
    expect(reloads()).toBe(1);
  });

  it('puts the scroll position back once after the reload, on the same page only', () => {
    const { win, scrolls, storage } = fakeWindow();
    reloadForIsolation(win);
    expect(JSON.parse(storage.getItem(RELOAD_FLAG)!)).toEqual({ path: '/en/x/?a=1', x: 0, y: 1234 });
    restoreScroll(win);
    restoreScroll(win);
    expect(scrolls).toEqual([[0, 1234]]);
    storage.setItem(RELOAD_FLAG, JSON.stringify({ path: '/zh/y/', x: 0, y: 99 }));
    restoreScroll(win);
    storage.setItem(RELOAD_FLAG, '1765000000000');
    restoreScroll(win);
    expect(scrolls).toHaveLength(1);
  });

  it('does not reload an isolated page, an uncontrolled one, a busy one, or without sessionStorage', () => {
    for (const options of [
      { isolated: true },
      { controlled: false },
      { body: '<figure data-widget="vae-lab" data-state="training"></figure>' },
      { storageThrows: true },
    ]) {
      const { win, reloads } = fakeWindow(options);
      expect(reloadForIsolation(win)).toBe(false);
      expect(reloads()).toBe(0);
    }
  });
});
