/**
 * The widgets' numeric settings on the page: each server-rendered `[data-setting]` row (SliderField.astro) is a slider
 * and a text field kept in step by kit's bindPairedInput. Parsing and formatting live in src/lib/numbers (no DOM).
 */
import { fieldText, nearestStop } from '../../lib/numbers';
import { bindPairedInput, requirePart } from './kit';

/** How one row reads and shows its value. */
export interface SettingRow {
  /** Reads the field: the value to apply, or the sentence that explains why it was refused. */
  readonly parse: (raw: string) => number | string;
  /** Log-scale slider stops (the slider then moves over their indices); a plain linear slider without. */
  readonly stops?: readonly number[];
  /** What a screen reader hears for the slider's value; the field's text by default. */
  readonly valueText?: (value: number) => string;
}

/** A bound row: `show` puts a value into its slider and field (keeping what the reader is typing). */
export interface BoundRow {
  readonly show: (value: number) => void;
}

/** The slider position of a value and the value at a position, for a row with or without stops. */
export function sliderScale(stops?: readonly number[]): {
  toSlider: (value: number) => number;
  fromSlider: (position: number) => number;
} {
  if (!stops) return { toSlider: (value) => value, fromSlider: (position) => position };
  const last = stops.length - 1;
  return {
    toSlider: (value) => nearestStop(stops, value),
    fromSlider: (position) => stops[Math.min(last, Math.max(0, Math.round(position)))] as number,
  };
}

/** Binds one `[data-setting=key]` row under `controls`; `apply` receives only values `parse` accepted. */
export function bindSettingRow(
  controls: ParentNode,
  widget: string,
  key: string,
  row: SettingRow,
  apply: (value: number) => void,
): BoundRow {
  const element = requirePart<HTMLElement>(controls, `[data-setting="${key}"]`, widget);
  const find = <T extends Element>(selector: string) => requirePart<T>(element, selector, widget);
  return bindPairedInput({
    range: find<HTMLInputElement>('input[type="range"]'),
    field: find<HTMLInputElement>('input[type="text"]'),
    message: find<HTMLElement>('.widget-field-message'),
    parse: row.parse,
    ...sliderScale(row.stops),
    valueText: row.valueText ?? fieldText,
    format: fieldText,
    apply,
  });
}

/** Binds every row in `rows` (keyed by setting); `apply(setting, value)` receives only accepted values. */
export function bindSettingRows<K extends string>(
  controls: ParentNode,
  widget: string,
  rows: Readonly<Record<K, SettingRow>>,
  apply: (setting: K, value: number) => void,
): Record<K, BoundRow> {
  const keys = Object.keys(rows) as K[];
  return Object.fromEntries(
    keys.map((key) => [key, bindSettingRow(controls, widget, key, rows[key], (value) => apply(key, value))]),
  ) as Record<K, BoundRow>;
}
