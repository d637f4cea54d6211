/** Saved quiz progress: a versioned schema in localStorage, parsed defensively, migrated, or reset with a notice. */

/** The localStorage key; one record for both languages, since question ids are shared. */
export const PROGRESS_KEY = 'vae-book:quiz-progress';
/** The current schema version. Version 1 stored only the ids answered correctly. */
export const PROGRESS_VERSION = 2;

/**
 * One question's last answer: what was given (option ids, or the typed text), whether it was right, and the revision of
 * the question it answered (records written before questions had revisions answered revision 1).
 */
export interface SavedAnswer {
  readonly given: readonly string[] | string;
  readonly correct: boolean;
  readonly revision: number;
}

/** Everything saved: the shuffle seed (bumped by "retry") and the last answer per question id. */
export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  readonly seed: number;
  readonly answers: Readonly<Record<string, SavedAnswer>>;
}

/** How loading went: 'fresh' (nothing saved), 'loaded', 'migrated' (from an older version), 'corrupt' or 'foreign' (reset). */
export type LoadNotice = 'fresh' | 'loaded' | 'migrated' | 'corrupt' | 'foreign';

/** Progress with nothing answered. */
export function emptyProgress(seed = 0): Progress {
  return { version: PROGRESS_VERSION, seed, answers: {} };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = /^[a-z0-9-]+(:[a-z0-9-]+)?$/;

const isRevision = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** A stored answer, `'stale'` when its revision stamp is unreadable (it cannot be known to fit today's question), or null. */
function parseAnswer(value: unknown): SavedAnswer | 'stale' | null {
  if (!isRecord(value) || typeof value['correct'] !== 'boolean') return null;
  const given = value['given'];
  const ok =
    typeof given === 'string'
      ? given.length <= 100
      : Array.isArray(given) && given.every((g) => typeof g === 'string' && ID.test(g));
  if (!ok) return null;
  const revision = 'revision' in value ? value['revision'] : 1;
  return isRevision(revision) ? { given: given as SavedAnswer['given'], correct: value['correct'], revision } : 'stale';
}

/** Upgrades an older record to the current schema; null when the version is unknown. */
export function migrate(data: Record<string, unknown>): Progress | null {
  if (
    data['version'] === 1 &&
    Array.isArray(data['correct']) &&
    data['correct'].every((id) => typeof id === 'string' && ID.test(id))
  ) {
    const answers: Record<string, SavedAnswer> = {};
    for (const id of data['correct'] as string[]) answers[id] = { given: [], correct: true, revision: 1 };
    return { version: PROGRESS_VERSION, seed: 0, answers };
  }
  return null;
}

/** Parses the stored text; anything broken or from another app resets to empty progress with a notice, never a throw. */
export function parseProgress(raw: string | null): { progress: Progress; notice: LoadNotice } {
  if (raw === null || raw === '') return { progress: emptyProgress(), notice: 'fresh' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), notice: 'corrupt' };
  }
  if (!isRecord(data) || typeof data['version'] !== 'number') return { progress: emptyProgress(), notice: 'foreign' };
  if (data['version'] !== PROGRESS_VERSION) {
    const migrated = migrate(data);
    return migrated ? { progress: migrated, notice: 'migrated' } : { progress: emptyProgress(), notice: 'foreign' };
  }
  const seed = data['seed'];
  const answers = data['answers'];
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || !isRecord(answers))
    return { progress: emptyProgress(), notice: 'corrupt' };
  const parsed: Record<string, SavedAnswer> = {};
  for (const [id, value] of Object.entries(answers)) {
    const answer = parseAnswer(value);
    if (!ID.test(id) || answer === null) return { progress: emptyProgress(), notice: 'corrupt' };
    if (answer !== 'stale') parsed[id] = answer;
  }
  return { progress: { version: PROGRESS_VERSION, seed, answers: parsed }, notice: 'loaded' };
}

/**
 * Drops every answer given to an older (or unknown) revision of a question that still exists, so a changed question
 * is never graded against a key its answer was not given for; `current` maps each question id to its revision today.
 */
export function withCurrentRevisions(
  progress: Progress,
  current: Readonly<Record<string, number>>,
): { progress: Progress; dropped: string[] } {
  const dropped = Object.entries(progress.answers)
    .filter(([id, answer]) => Object.hasOwn(current, id) && current[id] !== answer.revision)
    .map(([id]) => id);
  if (dropped.length === 0) return { progress, dropped };
  const answers = { ...progress.answers };
  for (const id of dropped) delete answers[id];
  return { progress: { ...progress, answers }, dropped };
}

/** The text to store. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Records one answer (a new object; progress is never mutated). */
export function withAnswer(progress: Progress, id: string, answer: SavedAnswer): Progress {
  return { ...progress, answers: { ...progress.answers, [id]: answer } };
}

/** Forgets the answers to `ids` and moves to the next seed, so a retried set comes back in a new order. */
export function withRetry(progress: Progress, ids: readonly string[]): Progress {
  const answers = { ...progress.answers };
  for (const id of ids) delete answers[id];
  return { ...progress, seed: progress.seed + 1, answers };
}

/** Where progress lives: localStorage when it works, else memory for this page only (`persistent` says which). */
export interface ProgressStore {
  readonly persistent: boolean;
  load(): { progress: Progress; notice: LoadNotice };
  save(progress: Progress): void;
  clear(): void;
}

/** Opens the store; `getStorage` may throw (privacy modes, sandboxed frames) or return null, and then memory is used. */
export function openProgressStore(getStorage: () => Storage | null | undefined): ProgressStore {
  let storage: Storage | null = null;
  try {
    const candidate = getStorage() ?? null;
    if (candidate) {
      const probe = `${PROGRESS_KEY}:probe`;
      candidate.setItem(probe, '1');
      candidate.removeItem(probe);
      storage = candidate;
    }
  } catch {
    storage = null;
  }
  let memory: string | null = null;
  const store: { persistent: boolean } & Omit<ProgressStore, 'persistent'> = {
    persistent: storage !== null,
    load() {
      let raw: string | null = memory;
      try {
        if (storage) raw = storage.getItem(PROGRESS_KEY);
      } catch {
        storage = null;
        store.persistent = false;
      }
      return parseProgress(raw);
    },
    save(progress) {
      memory = serializeProgress(progress);
      try {
        storage?.setItem(PROGRESS_KEY, memory);
      } catch {
        storage = null;
        store.persistent = false;
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(PROGRESS_KEY);
      } catch {
        storage = null;
        store.persistent = false;
      }
    },
  };
  return store;
}
