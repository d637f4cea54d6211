/** Controls a cell can make (slider, number field, select): options checked, the reader's value kept when still valid. */
import type { ControlSpec } from './types';

/** Options of `slider(...)` and `number(...)`. */
export interface NumberControlOptions {
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly value?: number;
  readonly label?: string;
}

/** Options of `select(...)`. */
export interface SelectOptions {
  readonly options: readonly string[];
  readonly value?: string;
  readonly label?: string;
}

const finite = (x: unknown, what: string): number => {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new TypeError(`${what} must be a finite number, got ${String(x)}`);
  return x;
};

/** Checks the options of a slider or number field and fills defaults (0…1, step 0.01, value = min). */
export function numberControl(type: 'slider' | 'number', options: NumberControlOptions = {}): ControlSpec {
  const min = finite(options.min ?? 0, `${type}: min`);
  const max = finite(options.max ?? 1, `${type}: max`);
  const step = finite(options.step ?? 0.01, `${type}: step`);
  const value = finite(options.value ?? min, `${type}: value`);
  if (!(min < max)) throw new RangeError(`${type}: min (${min}) must be less than max (${max})`);
  if (!(step > 0)) throw new RangeError(`${type}: step must be positive`);
  if (value < min || value > max) throw new RangeError(`${type}: value ${value} is outside ${min}…${max}`);
  return { type, label: String(options.label ?? ''), min, max, step, value };
}

/** Checks the options of a select (a non-empty list of strings) and fills the default (the first option). */
export function selectControl(options: SelectOptions): ControlSpec {
  const list = options?.options;
  if (!Array.isArray(list) || list.length === 0 || !list.every((o) => typeof o === 'string')) {
    throw new TypeError('select: options must be a non-empty list of strings');
  }
  const value = options.value ?? (list[0] as string);
  if (!list.includes(value)) throw new RangeError(`select: value ${String(value)} is not one of the options`);
  return { type: 'select', label: String(options.label ?? ''), options: [...list], value: value as string };
}

/** The value a control holds: the reader's choice when it still fits the control as now written, else the cell's default. */
export function controlValue(spec: ControlSpec, chosen: unknown): number | string {
  if (spec.type === 'select') return typeof chosen === 'string' && spec.options.includes(chosen) ? chosen : spec.value;
  return typeof chosen === 'number' && Number.isFinite(chosen) && chosen >= spec.min && chosen <= spec.max
    ? chosen
    : spec.value;
}
