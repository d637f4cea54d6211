/** Binds the gradient-race widget's controls: the f picker, and μ, σ and N (slider + field each) with parsing and messages. */
import type { Lang } from '../../i18n/langs';
import { fill, type GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import { DEFAULTS, LIMITS, N_STOPS, formatCount, formatNumber, nearestStop, parseFunction, parseSetting, type FunctionKey, type NumericSetting, type Refusal } from './gradient-race-state';
import { bindPairedInput, requirePart } from './kit';

/** Shows a value in a number field: up to 6 significant digits, no float noise. */
export const fieldText = (value: number) => String(Number(value.toPrecision(6)));

/** The sentence shown next to a field whose text was refused. */
export function messageFor(s: GradientRaceStrings, lang: Lang, setting: NumericSetting, reason: Refusal): string {
  const { min, max } = LIMITS[setting];
  const values = { min: formatNumber(min), max: setting === 'n' ? formatCount(max, lang) : formatNumber(max) };
  if (reason === 'notPositive') return fill(s.invalidSigma, values);
  return fill(setting === 'n' ? s.invalidInteger : s.invalidNumber, values);
}

/** The bound controls: `show` puts a value into a numeric setting's slider and field, or the picker. */
export interface BoundControls {
  readonly numeric: Record<NumericSetting, { show: (value: number) => void }>;
  readonly showFunction: (fn: FunctionKey) => void;
}

/** Wires each `[data-setting]` row in `controls` and the `select[data-part="fn"]`; `apply` receives only valid values. */
export function bindControls(
  controls: ParentNode,
  s: GradientRaceStrings,
  lang: Lang,
  apply: (change: { readonly setting: NumericSetting; readonly value: number } | { readonly setting: 'fn'; readonly value: FunctionKey }) => void,
): BoundControls {
  const part = <T extends Element>(root: ParentNode, selector: string) => requirePart<T>(root, selector, 'gradient-race');
  const numeric = Object.fromEntries(
    (Object.keys(LIMITS) as NumericSetting[]).map((setting) => {
      const row = part<HTMLElement>(controls, `[data-setting="${setting}"]`);
      const isN = setting === 'n';
      const binding = bindPairedInput({
        range: part<HTMLInputElement>(row, 'input[type="range"]'),
        field: part<HTMLInputElement>(row, 'input[type="text"]'),
        message: part<HTMLElement>(row, '.widget-field-message'),
        parse: (raw) => {
          const parsed = parseSetting(setting, raw);
          return parsed.ok ? parsed.value : messageFor(s, lang, setting, parsed.reason);
        },
        toSlider: (value) => (isN ? nearestStop(value) : value),
        fromSlider: (position) => (isN ? (N_STOPS[position] ?? DEFAULTS.n) : position),
        valueText: (value) => (isN ? `N = ${formatCount(value, lang)}` : fieldText(value)),
        format: fieldText,
        apply: (value) => apply({ setting, value }),
      });
      return [setting, binding] as const;
    }),
  ) as Record<NumericSetting, { show: (value: number) => void }>;
  const picker = part<HTMLSelectElement>(controls, 'select[data-part="fn"]');
  picker.addEventListener('change', () => apply({ setting: 'fn', value: parseFunction(picker.value) }));
  return { numeric, showFunction: (fn) => void (picker.value = fn) };
}
