// @vitest-environment jsdom
/** The marginal-likelihood controls on markup shaped like SliderField.astro's rows: N on log stops, refusals explained. */
import { beforeEach, describe, expect, test } from 'vitest';
import { bindSettingInputs, messageFor } from '../../../src/components/widgets/marginal-likelihood-controls';
import { MARGINAL_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/marginal-likelihood';

const s = MARGINAL_LIKELIHOOD_STRINGS.en;
const row = (setting: string, min: number, max: number, value: number) => `
  <div data-setting="${setting}"><input type="range" min="${min}" max="${max}" step="any" value="${value}" />
  <input type="text" value="${value}" /><p class="widget-field-message"></p></div>`;
const part = (setting: string) => ({
  field: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="text"]`)!,
  range: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="range"]`)!,
  message: document.querySelector<HTMLElement>(`[data-setting="${setting}"] .widget-field-message`)!,
});
const type = (setting: string, raw: string) => {
  part(setting).field.value = raw;
  part(setting).field.dispatchEvent(new Event('change'));
};

let applied: [string, number][];
let inputs: ReturnType<typeof bindSettingInputs>;
beforeEach(() => {
  document.body.innerHTML = `<fieldset>${row('x', -9, 11, 3)}${row('n', 0, 15, 6)}${row('qMean', -6, 6, 0.5)}${row('qStd', 0.05, 3, 0.5)}</fieldset>`;
  applied = [];
  inputs = bindSettingInputs(document.body, s, 'en', (setting, value) => applied.push([setting, value]));
});

describe('bindSettingInputs(controls, s, lang, apply)', () => {
  test('applies valid typed values, including a typographic minus', () => {
    type('x', '\u22122.5');
    type('n', '1e3');
    expect(applied).toEqual([
      ['x', -2.5],
      ['n', 1000],
    ]);
  });
  test.each([
    ['n', '2.5', 'Enter a whole number from 1 to 100,000. Not applied.'],
    ['n', 'abc', 'Enter a whole number from 1 to 100,000. Not applied.'],
    ['n', '0', 'Enter a number from 1 to 100,000. Not applied.'],
    ['qStd', '0', 'Enter a number from 0.05 to 3. Not applied.'],
  ])('refuses %s = "%s" with "%s"', (setting, raw, message) => {
    type(setting, raw);
    expect(applied).toEqual([]);
    expect(part(setting).message.textContent).toBe(message);
  });
  test('the N slider moves over 1, 2, 5 stops and speaks "N = …"', () => {
    part('n').range.value = '15';
    part('n').range.dispatchEvent(new Event('input'));
    expect(applied).toEqual([['n', 100_000]]);
    inputs.n.show(300);
    expect(part('n').range.value).toBe('7'); // 200 is nearer than 500 on a log scale
    expect(part('n').range.getAttribute('aria-valuetext')).toBe('N = 300');
  });
});

describe('messageFor(s, lang, setting, reason)', () => {
  test('groups N’s maximum by language', () => {
    expect(messageFor(MARGINAL_LIKELIHOOD_STRINGS.zh, 'zh', 'n', 'notAnInteger')).toBe(
      '请输入 1 到 100,000 之间的整数。未应用。',
    );
    expect(messageFor(s, 'en', 'x', 'outOfRange')).toBe('Enter a number from \u22129 to 11. Not applied.');
  });
});
