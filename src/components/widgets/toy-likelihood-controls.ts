/** The toy-likelihood widget's controls: w, b and s as rows of fields.ts, and the data field that applies a whole list. */
import type { ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import { DEFAULTS, dataText, parseData, parseSetting, type Setting, type Settings } from './toy-likelihood-state';
import { dataMessage, settingMessage } from './toy-likelihood-view';
import { bindSettingRows, type SettingRow } from './fields';
import { requirePart } from './kit';

const WIDGET = 'toy-likelihood';

/** How each of w, b and s reads its field. */
export function settingRows(s: ToyLikelihoodStrings): Record<Setting, SettingRow> {
  const row = (setting: Setting): SettingRow => ({
    parse: (raw) => {
      const parsed = parseSetting(setting, raw);
      return parsed.ok ? parsed.value : settingMessage(s, setting);
    },
  });
  return { w: row('w'), b: row('b'), s: row('s') };
}

/** The bound controls: `show` puts θ into the sliders and fields; `reset` clears every refusal and shows the chapter's data. */
export interface BoundControls {
  readonly show: (settings: Settings) => void;
  readonly reset: () => void;
}

/** Wires the rows and the `[data-setting="data"]` field under `controls`; `apply` receives only accepted values. */
export function bindControls(
  controls: HTMLElement,
  s: ToyLikelihoodStrings,
  apply: (next: Partial<Settings>) => void,
): BoundControls {
  const rows = bindSettingRows(controls, WIDGET, settingRows(s), (setting, value) => apply({ [setting]: value }));
  const dataRow = requirePart<HTMLElement>(controls, '[data-setting="data"]', WIDGET);
  const dataField = requirePart<HTMLInputElement>(dataRow, 'input[type="text"]', WIDGET);
  const dataNote = requirePart<HTMLElement>(dataRow, '.widget-field-message', WIDGET);
  const showDataMessage = (message: string) => {
    dataNote.textContent = message;
    if (message) dataField.setAttribute('aria-invalid', 'true');
    else dataField.removeAttribute('aria-invalid');
  };
  const commitData = () => {
    const parsed = parseData(dataField.value);
    showDataMessage(parsed.ok ? '' : dataMessage(s, parsed));
    if (parsed.ok) apply({ data: parsed.data });
  };
  dataField.addEventListener('change', commitData);
  dataField.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commitData();
  });
  return {
    show: (settings) => {
      for (const setting of Object.keys(rows) as Setting[]) rows[setting].show(settings[setting]);
    },
    reset: () => {
      showDataMessage('');
      for (const message of controls.querySelectorAll('.widget-field-message')) message.textContent = '';
      for (const field of controls.querySelectorAll('input[aria-invalid]')) field.removeAttribute('aria-invalid');
      dataField.value = dataText(DEFAULTS.data);
    },
  };
}
