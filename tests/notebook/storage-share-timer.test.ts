import { describe, expect, it } from 'vitest';
import {
  loadEdit,
  removeEdit,
  saveEdit,
  storageKey,
  STORAGE_VERSION,
  type CellStore,
} from '../../src/notebook/storage';
import {
  decodeBase64Url,
  encodeBase64Url,
  MAX_SHARED_CHARS,
  readFragment,
  shareFragment,
} from '../../src/notebook/share';
import { RunTimer, type Clock } from '../../src/notebook/timer';

/** A Map-backed store; `full` makes setItem throw like a browser over quota. */
function memoryStore(full = false): CellStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe('storage: saveEdit / loadEdit / removeEdit', () => {
  it('keeps an edit under a versioned key and reads it back', () => {
    const store = memoryStore();
    expect(saveEdit(store, 'two-terms/kl', 'const x = 2;')).toBeNull();
    expect(storageKey('two-terms/kl')).toContain(`v${STORAGE_VERSION}`);
    expect(loadEdit(store, 'two-terms/kl')).toEqual({ code: 'const x = 2;' });
    removeEdit(store, 'two-terms/kl');
    expect(loadEdit(store, 'two-terms/kl')).toEqual({ code: null });
  });

  it.each([
    ['not json', '{oops'],
    ['another version', JSON.stringify({ v: STORAGE_VERSION + 1, code: 'x' })],
    ['code not a string', JSON.stringify({ v: STORAGE_VERSION, code: 3 })],
  ])('reports a corrupt entry (%s), removes it, and never throws', (_what, raw) => {
    const store = memoryStore();
    store.map.set(storageKey('c'), raw);
    expect(loadEdit(store, 'c')).toEqual({ code: null, problem: 'corrupt' });
    expect(store.map.has(storageKey('c'))).toBe(false);
  });

  it('reports full storage and missing storage as problems, not exceptions', () => {
    expect(saveEdit(memoryStore(true), 'c', 'x')).toBe('full');
    expect(saveEdit(null, 'c', 'x')).toBe('unavailable');
    const throwing: CellStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadEdit(throwing, 'c')).toEqual({ code: null, problem: 'unavailable' });
  });
});

describe('share: fragments with cell code', () => {
  it('round-trips UTF-8 code (Greek, Chinese, emoji) through base64url', () => {
    const code = "// 重构项 β·KL 🙂\nconst β = slider({ label: 'β' });";
    expect(decodeBase64Url(encodeBase64Url(code))).toBe(code);
    expect(encodeBase64Url(code)).toMatch(/^[A-Za-z0-9_-]+$/);
    const fragment = shareFragment('kl-closed-form', code);
    expect(readFragment(fragment ?? '')).toEqual({ kind: 'cell', name: 'kl-closed-form', code });
  });

  it('refuses code too long for a link, and says so for a long fragment', () => {
    expect(shareFragment('c', 'x'.repeat(MAX_SHARED_CHARS))).toBeNull();
    expect(readFragment(`#cell=c:${'A'.repeat(MAX_SHARED_CHARS + 4)}`)).toEqual({
      kind: 'invalid',
      reason: 'too-long',
    });
  });

  it.each([
    ['#cell=c:***', 'malformed'],
    ['#cell=:QUJD', 'malformed'],
    ['#cell=nocolon', 'malformed'],
    ['#cell=c:_w', 'malformed'],
  ])('reads %s as %s, without throwing', (hash, reason) => {
    expect(readFragment(hash)).toEqual({ kind: 'invalid', reason });
  });

  it('ignores ordinary heading fragments', () => {
    expect(readFragment('#the-kl-term')).toEqual({ kind: 'none' });
    expect(readFragment('')).toEqual({ kind: 'none' });
  });
});

/** A clock whose time moves only when the test says. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: ++next }), next),
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
    advance(ms) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers = timers.filter((x) => x !== t);
        t.fn();
      }
    },
  };
}

describe('RunTimer', () => {
  it('expires once at the limit', () => {
    const clock = fakeClock();
    let expired = 0;
    const timer = new RunTimer(() => expired++, clock, 10_000);
    clock.advance(9_999);
    expect(expired).toBe(0);
    expect(timer.remaining()).toBe(1);
    clock.advance(1);
    expect(expired).toBe(1);
    clock.advance(50_000);
    expect(expired).toBe(1);
    expect(timer.done).toBe(true);
  });

  it('"+10 s" moves the deadline; Stop ends it at once; a finished run never fires', () => {
    const clock = fakeClock();
    let expired = 0;
    const timer = new RunTimer(() => expired++, clock, 10_000);
    clock.advance(8_000);
    timer.extend(10_000);
    clock.advance(5_000);
    expect(expired).toBe(0);
    expect(timer.remaining()).toBe(7_000);
    timer.stop();
    expect(expired).toBe(1);
    const finished = new RunTimer(() => expired++, clock, 1_000);
    finished.finish();
    clock.advance(5_000);
    expect(expired).toBe(1);
  });
});
