/** Binds the marginal-likelihood widget's four numeric settings (slider + field each) with parsing and messages. */
import type { Lang } from '../../i18n/langs';
import { fill, type MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import { DEFAULTS, LIMITS, N_STOPS, formatCount, formatNumber, nearestStop, parseSetting, type NumericSetting } from './marginal-likelihood-state';
import { bindPairedInput, requirePart } from './kit';

/** Shows a value in a number field: up to 6 significant digits, no float noise. */
export const fieldText = (value: number) => String(Number(value.toPrecision(6)));

/** The sentence shown next to a field whose text was refused. */
function messageFor(s: MarginalLikelihoodStrings, lang: Lang, setting: NumericSetting, reason: 'notANumber' | 'outOfRange' | 'notAnInteger'): string {
  const { min, max } = LIMITS[setting];
  const values = { min: formatNumber(min), max: setting === 'n' ? formatCount(max, lang) : formatNumber(max) };
  return fill(reason === 'notAnInteger' || (setting === 'n' && reason !== 'outOfRange') ? s.invalidInteger : s.invalidNumber, values);
}

/** Wires each `[data-setting]` row in `controls`; `apply` receives a setting only when its value is valid. */
export function bindSettingInputs(
  controls: ParentNode,
  s: MarginalLikelihoodStrings,
  lang: Lang,
  apply: (setting: NumericSetting, value: number) => void,
): Record<NumericSetting, ReturnType<typeof bindPairedInput>> {
  const part = <T extends Element>(root: ParentNode, selector: string) => requirePart<T>(root, selector, 'marginal-likelihood');
  return Object.fromEntries(
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
        apply: (value) => apply(setting, value),
      });
      return [setting, binding] as const;
    }),
  ) as Record<NumericSetting, ReturnType<typeof bindPairedInput>>;
}
