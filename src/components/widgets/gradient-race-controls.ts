/** The gradient-race widget's controls: the f picker, and μ, σ and N as rows of fields.ts with their parsing and messages. */
import type { Lang } from '../../i18n/langs';
import { fill, type GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import { fieldText } from '../../lib/numbers';
import {
  LIMITS,
  N_STOPS,
  formatCount,
  formatNumber,
  parseFunction,
  parseSetting,
  type FunctionKey,
  type NumericSetting,
  type Refusal,
  type Settings,
} from './gradient-race-state';
import { bindSettingRows, type BoundRow, type SettingRow } from './fields';
import { requirePart } from './kit';

const WIDGET = 'gradient-race';

export { fieldText };

/** The sentence shown next to a field whose text was refused. */
export function messageFor(s: GradientRaceStrings, lang: Lang, setting: NumericSetting, reason: Refusal): string {
  const { min, max } = LIMITS[setting];
  const values = { min: formatNumber(min), max: setting === 'n' ? formatCount(max, lang) : formatNumber(max) };
  if (reason === 'notPositive') return fill(s.invalidSigma, values);
  return fill(setting === 'n' ? s.invalidInteger : s.invalidNumber, values);
}

/** The bound controls: `show` puts a value into a numeric setting's slider and field, or the picker; `showAll` all of them. */
export interface BoundControls {
  readonly numeric: Record<NumericSetting, BoundRow>;
  readonly showFunction: (fn: FunctionKey) => void;
  readonly showAll: (settings: Settings) => void;
}

/** How each numeric setting's row reads its field, places its slider (N on log-scale stops) and speaks its value. */
export function settingRows(s: GradientRaceStrings, lang: Lang): Record<NumericSetting, SettingRow> {
  const row = (setting: NumericSetting): SettingRow => ({
    parse: (raw) => {
      const parsed = parseSetting(setting, raw);
      return parsed.ok ? parsed.value : messageFor(s, lang, setting, parsed.reason);
    },
  });
  return {
    mu: row('mu'),
    sigma: row('sigma'),
    n: { ...row('n'), stops: N_STOPS, valueText: (value) => `N = ${formatCount(value, lang)}` },
  };
}

/** Wires each `[data-setting]` row in `controls` and the `select[data-part="fn"]`; `apply` receives only valid values. */
export function bindControls(
  controls: ParentNode,
  s: GradientRaceStrings,
  lang: Lang,
  apply: (
    change:
      | { readonly setting: NumericSetting; readonly value: number }
      | { readonly setting: 'fn'; readonly value: FunctionKey },
  ) => void,
): BoundControls {
  const numeric = bindSettingRows(controls, WIDGET, settingRows(s, lang), (setting, value) =>
    apply({ setting, value }),
  );
  const picker = requirePart<HTMLSelectElement>(controls, 'select[data-part="fn"]', WIDGET);
  picker.addEventListener('change', () => apply({ setting: 'fn', value: parseFunction(picker.value) }));
  const showFunction = (fn: FunctionKey) => void (picker.value = fn);
  return {
    numeric,
    showFunction,
    showAll: (settings) => {
      for (const setting of Object.keys(numeric) as NumericSetting[]) numeric[setting].show(settings[setting]);
      showFunction(settings.fn);
    },
  };
}
