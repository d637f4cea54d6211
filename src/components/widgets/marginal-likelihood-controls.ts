/** The marginal-likelihood widget's four numeric settings as rows of fields.ts: how each reads, shows and refuses a value. */
import type { Lang } from '../../i18n/langs';
import { fill, type MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import { fieldText, formatCount, formatNumber, type Refusal } from '../../lib/numbers';
import { LIMITS, N_STOPS, parseSetting, type NumericSetting } from './marginal-likelihood-state';
import { bindSettingRows, type BoundRow, type SettingRow } from './fields';

export { fieldText };

/** The sentence shown next to a field whose text was refused. */
export function messageFor(s: MarginalLikelihoodStrings, lang: Lang, setting: NumericSetting, reason: Refusal): string {
  const { min, max } = LIMITS[setting];
  const values = { min: formatNumber(min), max: setting === 'n' ? formatCount(max, lang) : formatNumber(max) };
  return fill(
    reason === 'notAnInteger' || (setting === 'n' && reason !== 'outOfRange') ? s.invalidInteger : s.invalidNumber,
    values,
  );
}

/** How each setting's row reads the field, places the slider (N on log-scale stops) and speaks its value. */
export function settingRows(s: MarginalLikelihoodStrings, lang: Lang): Record<NumericSetting, SettingRow> {
  const row = (setting: NumericSetting): SettingRow => ({
    parse: (raw) => {
      const parsed = parseSetting(setting, raw);
      return parsed.ok ? parsed.value : messageFor(s, lang, setting, parsed.reason);
    },
  });
  return {
    x: row('x'),
    n: { ...row('n'), stops: N_STOPS, valueText: (value) => `N = ${formatCount(value, lang)}` },
    qMean: row('qMean'),
    qStd: row('qStd'),
  };
}

/** Wires each `[data-setting]` row in `controls`; `apply` receives a setting only when its value is valid. */
export function bindSettingInputs(
  controls: ParentNode,
  s: MarginalLikelihoodStrings,
  lang: Lang,
  apply: (setting: NumericSetting, value: number) => void,
): Record<NumericSetting, BoundRow> {
  return bindSettingRows(controls, 'marginal-likelihood', settingRows(s, lang), apply);
}
