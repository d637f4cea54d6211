import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  PROGRESS_VERSION,
  emptyProgress,
  migrate,
  openProgressStore,
  parseProgress,
  serializeProgress,
  withAnswer,
  withRetry,
} from '../../../src/lib/quiz/progress';

/** A Map-backed Storage; `failing` makes every call throw, as in some privacy modes. */
function fakeStorage(failing = false): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const guard = () => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => (guard(), data.get(k) ?? null),
    setItem: (k: string, v: string) => (guard(), void data.set(k, v)),
    removeItem: (k: string) => (guard(), void data.delete(k)),
  };
}

const answered = withAnswer(
  withAnswer(emptyProgress(), 'final:parts', { given: ['encoder-decoder'], correct: true, revision: 1 }),
  'two-terms:kl',
  { given: '0.5', correct: false, revision: 1 },
);

describe('parseProgress', () => {
  it('round-trips what serializeProgress wrote', () => {
    expect(parseProgress(serializeProgress(answered))).toEqual({ progress: answered, notice: 'loaded' });
  });
  it('starts fresh when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress(), notice: 'fresh' });
  });
  it.each([
    ['{not json'],
    ['{"version":2,"seed":0,"answers":{"x":{"correct":"yes","given":[]}}}'],
    ['{"version":2,"seed":-1,"answers":{}}'],
    ['{"version":2,"seed":0,"answers":{"<script>":{"correct":true,"given":[]}}}'],
  ])('resets corrupt data %s with the notice "corrupt"', (raw) =>
    expect(parseProgress(raw)).toEqual({ progress: emptyProgress(), notice: 'corrupt' }),
  );
  it.each([['[1,2]'], ['"hello"'], ['{"theme":"dark"}'], ['{"version":99,"answers":{}}'], ['null']])(
    'resets foreign data %s with the notice "foreign"',
    (raw) => expect(parseProgress(raw)).toEqual({ progress: emptyProgress(), notice: 'foreign' }),
  );
  it('migrates version 1 (a list of ids answered correctly)', () => {
    const raw = JSON.stringify({ version: 1, correct: ['final:parts'] });
    const { progress, notice } = parseProgress(raw);
    expect(notice).toBe('migrated');
    expect(progress).toEqual({
      version: PROGRESS_VERSION,
      seed: 0,
      answers: { 'final:parts': { given: [], correct: true, revision: 1 } },
    });
    expect(migrate({ version: 1, correct: [3] })).toBeNull();
  });
});

describe('withAnswer and withRetry', () => {
  it('record without mutating, and a retry clears only its ids and moves the seed on', () => {
    expect(emptyProgress().answers).toEqual({});
    const retried = withRetry(answered, ['final:parts']);
    expect(retried.seed).toBe(1);
    expect(Object.keys(retried.answers)).toEqual(['two-terms:kl']);
    expect(Object.keys(answered.answers)).toEqual(['final:parts', 'two-terms:kl']);
  });
});

describe('openProgressStore', () => {
  it('saves to localStorage under the versioned key and reads it back', () => {
    const storage = fakeStorage();
    const store = openProgressStore(() => storage);
    expect(store.persistent).toBe(true);
    store.save(answered);
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!).version).toBe(PROGRESS_VERSION);
    expect(openProgressStore(() => storage).load()).toEqual({ progress: answered, notice: 'loaded' });
    store.clear();
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });
  it('falls back to memory when storage throws or is missing, and still remembers within the page', () => {
    for (const get of [
      () => fakeStorage(true),
      () => null,
      () => {
        throw new Error('no access');
      },
    ]) {
      const store = openProgressStore(get);
      expect(store.persistent).toBe(false);
      store.save(answered);
      expect(store.load().progress).toEqual(answered);
    }
  });
  it('turns non-persistent when a write fails later (quota), without throwing', () => {
    const storage = fakeStorage();
    const store = openProgressStore(() => storage);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => store.save(answered)).not.toThrow();
    expect(store.persistent).toBe(false);
    expect(store.load().progress).toEqual(answered);
  });
});
