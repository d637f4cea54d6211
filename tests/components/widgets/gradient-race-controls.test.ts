// @vitest-environment jsdom
/** The gradient-race controls on markup shaped like GradientRace.astro's: valid values apply, bad ones explain themselves. */
import { beforeEach, describe, expect, test } from 'vitest';
import { bindControls, fieldText, messageFor } from '../../../src/components/widgets/gradient-race-controls';
import { GRADIENT_RACE_STRINGS } from '../../../src/i18n/widgets/gradient-race';

const s = GRADIENT_RACE_STRINGS.en;
const row = (setting: string, min: number, max: number, value: number) => `
  <div data-setting="${setting}"><input type="range" min="${min}" max="${max}" step="any" value="${value}" />
  <input type="text" value="${value}" /><p class="widget-field-message"></p></div>`;

let applied: { setting: string; value: unknown }[];
let controls: ReturnType<typeof bindControls>;
beforeEach(() => {
  document.body.innerHTML = `<fieldset>
    <select data-part="fn"><option value="square">z²</option><option value="sine">sin z</option></select>
    ${row('mu', -3, 3, 1)}${row('sigma', 0.05, 3, 0.5)}${row('n', 0, 9, 0)}</fieldset>`;
  applied = [];
  controls = bindControls(document.body, s, 'en', (change) => applied.push(change));
});
const part = (setting: string) => ({
  field: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="text"]`)!,
  range: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="range"]`)!,
  message: document.querySelector<HTMLElement>(`[data-setting="${setting}"] .widget-field-message`)!,
});
const type = (setting: string, raw: string) => {
  const { field } = part(setting);
  field.value = raw;
  field.dispatchEvent(new Event('change'));
};

describe('bindControls(controls, s, lang, apply)', () => {
  test('applies a valid typed value and clears the message', () => {
    type('sigma', '0');
    type('sigma', '1.25');
    expect(applied).toEqual([{ setting: 'sigma', value: 1.25 }]);
    expect(part('sigma').message.textContent).toBe('');
    expect(part('sigma').field.hasAttribute('aria-invalid')).toBe(false);
  });
  test.each([
    ['sigma', '0', messageFor(s, 'en', 'sigma', 'notPositive')],
    ['mu', 'abc', 'Enter a number from \u22123 to 3. Not applied.'],
    ['n', '2.5', 'Enter a whole number from 1 to 1,000. Not applied.'],
  ])('refuses %s = "%s" with “%s” and applies nothing', (setting, raw, message) => {
    type(setting, raw);
    expect(applied).toEqual([]);
    expect(part(setting).message.textContent).toBe(message);
    expect(part(setting).field.getAttribute('aria-invalid')).toBe('true');
  });
  test('the N slider moves on its 1-2-5 stops, and the picker applies the chosen f', () => {
    const { range, field } = part('n');
    range.value = '4';
    range.dispatchEvent(new Event('input'));
    const picker = document.querySelector<HTMLSelectElement>('select')!;
    picker.value = 'sine';
    picker.dispatchEvent(new Event('change'));
    expect(applied).toEqual([
      { setting: 'n', value: 20 },
      { setting: 'fn', value: 'sine' },
    ]);
    expect(field.value).toBe('20');
  });
  test('show() puts a value into the slider, its spoken value and the field', () => {
    controls.numeric.n.show(500);
    expect(part('n').range.value).toBe('8');
    expect(part('n').range.getAttribute('aria-valuetext')).toBe('N = 500');
    controls.showFunction('sine');
    expect(document.querySelector<HTMLSelectElement>('select')!.value).toBe('sine');
  });
});

describe('messageFor and fieldText', () => {
  test('σ ≤ 0 gets its own message naming the limits', () => {
    expect(messageFor(s, 'en', 'sigma', 'notPositive')).toBe(
      'σ must be greater than 0 (at σ = 0 nothing is random). Enter a number from 0.05 to 3. Not applied.',
    );
  });
  test('fieldText drops float noise', () => {
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
  });
});
