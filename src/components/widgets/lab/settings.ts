/**
 * The VAE lab's settings in one serialisable object: limits, parsing of what the reader types (no messages: the page
 * localises the problem codes), the mirror in the query string, chapter presets, and the engine config they map to.
 * No DOM here.
 */
import type { VaeConfig } from '../../../core/config';
import { DATASET_NAMES, type DatasetName } from '../../../core/data/format';
import { readLocaleNumber, toAsciiNumber } from '../../../lib/numbers';
import { HELD_OUT_COUNT } from './lab-constants';

/** Everything the reader can set in the lab. A copy of this object reproduces a run. */
export interface LabSettings {
  readonly dataset: DatasetName;
  readonly likelihood: 'bernoulli' | 'gaussian';
  readonly latentSize: number;
  readonly hiddenSize: number;
  readonly beta: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Begin from the matching pretrained checkpoint (when one exists) or from fresh random weights. */
  readonly start: 'checkpoint' | 'scratch';
}

/** One of the lab's settings. */
export type LabField = keyof LabSettings;

/** Where the lab starts: the pretrained MNIST model with a 16-dimensional latent space. */
export const DEFAULT_LAB_SETTINGS: LabSettings = Object.freeze({
  dataset: 'mnist',
  likelihood: 'bernoulli',
  latentSize: 16,
  hiddenSize: 256,
  beta: 1,
  learningRate: 1e-3,
  seed: 1,
  start: 'checkpoint',
});

/** A numeric setting's range, and whether it must be whole. */
export interface LabLimit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** The ranges the lab accepts; β = 0 is allowed (a plain autoencoder with noise). */
export const LAB_LIMITS = Object.freeze({
  latentSize: { min: 1, max: 64, integer: true },
  hiddenSize: { min: 16, max: 1024, integer: true },
  beta: { min: 0, max: 10, integer: false },
  // Up to rates that diverge, so a reader can see what a NaN does to training (and that the lab recovers from it).
  learningRate: { min: 1e-5, max: 10, integer: false },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
} satisfies Record<string, LabLimit>);

/** A setting read as a number. */
export type NumericField = keyof typeof LAB_LIMITS;
/** A setting chosen from a list. */
export type ChoiceField = Exclude<LabField, NumericField>;

/** The allowed values of each choice setting. */
export const LAB_CHOICES: { readonly [F in ChoiceField]: readonly LabSettings[F][] } = Object.freeze({
  dataset: DATASET_NAMES,
  likelihood: Object.freeze(['bernoulli', 'gaussian'] as const),
  start: Object.freeze(['checkpoint', 'scratch'] as const),
});

/** Why a typed value was refused; the page turns this into words in its own language. */
export type SettingProblem = 'not-a-number' | 'out-of-range' | 'not-whole' | 'unknown-choice';

/** The result of reading one setting: the value, or the problem with the range or choices to show beside it. */
export type ParsedSetting<F extends LabField = LabField> =
  | { readonly ok: true; readonly value: LabSettings[F] }
  | {
      readonly ok: false;
      readonly problem: SettingProblem;
      readonly min?: number;
      readonly max?: number;
      readonly choices?: readonly string[];
    };

/** A value from the URL or a preset that was ignored, and why. */
export interface Rejection {
  readonly field: LabField;
  readonly raw: string;
  readonly problem: SettingProblem;
}

function isNumericField(field: LabField): field is NumericField {
  return Object.hasOwn(LAB_LIMITS, field);
}

function parseNumber(field: NumericField, raw: string): ParsedSetting<NumericField> {
  const limit: LabLimit = LAB_LIMITS[field];
  const range = { min: limit.min, max: limit.max };
  const read = readLocaleNumber(raw, limit.integer);
  if (read === null) return { ok: false, problem: 'not-a-number', ...range };
  const value = read + 0; // + 0 turns −0 into 0
  if (value < limit.min || value > limit.max) return { ok: false, problem: 'out-of-range', ...range };
  if (limit.integer && !Number.isInteger(value)) return { ok: false, problem: 'not-whole', ...range };
  return { ok: true, value };
}

/** Reads what the reader typed (or the URL holds) for `field`: a number within its limits, or one of its choices. */
export function parseSetting<F extends LabField>(field: F, raw: string): ParsedSetting<F> {
  if (isNumericField(field)) return parseNumber(field, raw) as ParsedSetting<F>;
  const choices: readonly string[] = LAB_CHOICES[field as ChoiceField];
  const text = toAsciiNumber(raw).toLowerCase();
  if (choices.includes(text)) return { ok: true, value: text as LabSettings[F] };
  return { ok: false, problem: 'unknown-choice', choices };
}

/** The short query-string key of each setting, e.g. `lab.z=2`. */
export const QUERY_KEYS: Readonly<Record<LabField, string>> = Object.freeze({
  dataset: 'data',
  likelihood: 'lik',
  latentSize: 'z',
  hiddenSize: 'h',
  beta: 'beta',
  learningRate: 'lr',
  seed: 'seed',
  start: 'start',
});

const FIELDS = Object.keys(QUERY_KEYS) as LabField[];

/** The query entries for the settings that differ from `defaults`, keyed `${prefix}.${short key}`. */
export function settingsToQuery(
  settings: LabSettings,
  defaults: LabSettings = DEFAULT_LAB_SETTINGS,
  prefix = 'lab',
): URLSearchParams {
  const query = new URLSearchParams();
  for (const field of FIELDS) {
    if (settings[field] !== defaults[field]) query.set(`${prefix}.${QUERY_KEYS[field]}`, String(settings[field]));
  }
  return query;
}

/** `search` with this lab's entries (every `${prefix}.` key) replaced by those of `settings`; other entries are kept. */
export function replaceInQuery(
  search: URLSearchParams | string,
  settings: LabSettings,
  defaults: LabSettings = DEFAULT_LAB_SETTINGS,
  prefix = 'lab',
): URLSearchParams {
  const query = new URLSearchParams(search);
  for (const key of [...query.keys()]) if (key.startsWith(`${prefix}.`)) query.delete(key);
  for (const [key, value] of settingsToQuery(settings, defaults, prefix)) query.set(key, value);
  return query;
}

/** Reads this lab's settings from a query string; bad values are reported in `rejected` and the default stays. */
export function settingsFromQuery(
  search: URLSearchParams | string,
  defaults: LabSettings = DEFAULT_LAB_SETTINGS,
  prefix = 'lab',
): { settings: LabSettings; rejected: Rejection[] } {
  const query = new URLSearchParams(search);
  const settings: Record<string, unknown> = { ...defaults };
  const rejected: Rejection[] = [];
  for (const field of FIELDS) {
    const raw = query.get(`${prefix}.${QUERY_KEYS[field]}`);
    if (raw === null) continue;
    const parsed = parseSetting(field, raw);
    if (parsed.ok) settings[field] = parsed.value;
    else rejected.push({ field, raw, problem: parsed.problem });
  }
  return { settings: settings as unknown as LabSettings, rejected };
}

/** Why part of a preset (or a stored object) was ignored: a setting's problem, a key the lab lacks, or broken JSON. */
export interface PresetRejection {
  /** The key as written; '' when the whole text is unusable. */
  readonly field: string;
  readonly raw: string;
  readonly problem: SettingProblem | 'unknown-field' | 'not-json';
}

/** Validates an object's settings field by field (numbers may be numbers or strings); never throws. */
export function parseSettingsObject(value: unknown): { settings: Partial<LabSettings>; rejected: PresetRejection[] } {
  const settings: Record<string, unknown> = {};
  const rejected: PresetRejection[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { settings, rejected: [{ field: '', raw: safeJson(value), problem: 'not-json' }] };
  }
  for (const [key, given] of Object.entries(value)) {
    if (!Object.hasOwn(QUERY_KEYS, key)) {
      rejected.push({ field: key, raw: safeJson(given), problem: 'unknown-field' });
      continue;
    }
    const field = key as LabField;
    const raw = typeof given === 'string' ? given : safeJson(given);
    const readable = typeof given === 'string' || (typeof given === 'number' && isNumericField(field));
    const parsed = readable ? parseSetting(field, raw) : null;
    if (parsed?.ok) settings[field] = parsed.value;
    else
      rejected.push({
        field,
        raw,
        problem: parsed?.problem ?? (isNumericField(field) ? 'not-a-number' : 'unknown-choice'),
      });
  }
  return { settings: settings as Partial<LabSettings>, rejected };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Reads a chapter's preset (JSON from a data attribute); a missing preset is empty, a corrupt one is reported. */
export function parsePreset(json: string | null | undefined): {
  settings: Partial<LabSettings>;
  rejected: PresetRejection[];
} {
  if (json === null || json === undefined || json.trim() === '') return { settings: {}, rejected: [] };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { settings: {}, rejected: [{ field: '', raw: json, problem: 'not-json' }] };
  }
  const result = parseSettingsObject(value);
  if (result.rejected[0]?.problem === 'not-json')
    return { settings: {}, rejected: [{ field: '', raw: json, problem: 'not-json' }] };
  return result;
}

/** Steps between held-out evaluations (each on HELD_OUT_COUNT test images): frequent and cheap enough for a browser. */
const EVAL_EVERY = 250;
const BATCH_SIZE = 64;

/** The engine config for `settings`; binarizing is on only for MNIST with a Bernoulli decoder, as in the checkpoints. */
export function toVaeConfig(settings: LabSettings): Partial<VaeConfig> {
  return {
    hiddenSizes: [settings.hiddenSize],
    latentSize: settings.latentSize,
    likelihood: settings.likelihood,
    beta: settings.beta,
    learningRate: settings.learningRate,
    seed: settings.seed,
    batchSize: BATCH_SIZE,
    binarize: settings.likelihood === 'bernoulli' && settings.dataset === 'mnist',
    evalEvery: EVAL_EVERY,
    evalSize: HELD_OUT_COUNT,
  };
}

/** Names of the pretrained checkpoints in public/checkpoints/. */
export type CheckpointName = 'mnist-z16' | 'mnist-z2' | 'fashion-mnist-z16';

/** What each pretrained checkpoint was trained with (mirrors public/checkpoints/*.json; a test keeps them in step). */
export const PRETRAINED: Readonly<
  Record<CheckpointName, Pick<LabSettings, 'dataset' | 'likelihood' | 'latentSize' | 'hiddenSize'>>
> = Object.freeze({
  'mnist-z16': { dataset: 'mnist', likelihood: 'bernoulli', latentSize: 16, hiddenSize: 256 },
  'mnist-z2': { dataset: 'mnist', likelihood: 'bernoulli', latentSize: 2, hiddenSize: 256 },
  'fashion-mnist-z16': { dataset: 'fashion-mnist', likelihood: 'bernoulli', latentSize: 16, hiddenSize: 256 },
});

/** The pretrained checkpoint to start from, or null when starting from scratch or none has this shape. */
export function checkpointFor(settings: LabSettings): CheckpointName | null {
  if (settings.start !== 'checkpoint') return null;
  const names = Object.keys(PRETRAINED) as CheckpointName[];
  return (
    names.find((name) => {
      const shape = PRETRAINED[name];
      return (
        shape.dataset === settings.dataset &&
        shape.likelihood === settings.likelihood &&
        shape.latentSize === settings.latentSize &&
        shape.hiddenSize === settings.hiddenSize
      );
    }) ?? null
  );
}

/** Settings that define the model or its starting weights; β and the learning rate change live instead. */
export const RESTART_FIELDS = [
  'dataset',
  'likelihood',
  'latentSize',
  'hiddenSize',
  'seed',
  'start',
] as const satisfies readonly LabField[];

/** Whether going from `before` to `after` needs a new model rather than a live change. */
export function needsRestart(before: LabSettings, after: LabSettings): boolean {
  return RESTART_FIELDS.some((field) => before[field] !== after[field]);
}
