// @vitest-environment jsdom
/** fields.ts on markup shaped like SliderField.astro's rows: linear and log-stop sliders, accepted and refused values. */
import { beforeEach, describe, expect, test } from 'vitest';
import { bindSettingRows, sliderScale } from '../../../src/components/widgets/fields';

const row = (setting: string, min: number, max: number, value: number) => `
  <div data-setting="${setting}"><input type="range" min="${min}" max="${max}" step="any" value="${value}" />
  <input type="text" value="${value}" /><p class="widget-field-message"></p></div>`;
const STOPS = [1, 2, 5, 10];

let applied: [string, number][];
let rows: ReturnType<typeof bindSettingRows<'a' | 'n'>>;
beforeEach(() => {
  document.body.innerHTML = `<fieldset>${row('a', -1, 1, 0)}${row('n', 0, 3, 0)}</fieldset>`;
  applied = [];
  rows = bindSettingRows(
    document.body,
    'test',
    {
      a: { parse: (raw) => (raw === 'bad' ? 'Enter a number.' : Number(raw)) },
      n: { parse: Number, stops: STOPS, valueText: (v) => `N = ${v}` },
    },
    (setting, value) => applied.push([setting, value]),
  );
});
const el = (setting: string) => ({
  range: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="range"]`)!,
  field: document.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[type="text"]`)!,
  message: document.querySelector<HTMLElement>(`[data-setting="${setting}"] .widget-field-message`)!,
});

describe('bindSettingRows(controls, widget, rows, apply)', () => {
  test('a typed value is parsed and applied under its setting; a refusal shows its sentence and applies nothing', () => {
    el('a').field.value = 'bad';
    el('a').field.dispatchEvent(new Event('change'));
    expect(applied).toEqual([]);
    expect(el('a').message.textContent).toBe('Enter a number.');
    expect(el('a').field.getAttribute('aria-invalid')).toBe('true');
    el('a').field.value = '0.25';
    el('a').field.dispatchEvent(new Event('change'));
    expect(applied).toEqual([['a', 0.25]]);
    expect(el('a').message.textContent).toBe('');
  });
  test('a slider over stops applies the stop at its position and shows it in the field', () => {
    el('n').range.value = '2';
    el('n').range.dispatchEvent(new Event('input'));
    expect(applied).toEqual([['n', 5]]);
    expect(el('n').field.value).toBe('5');
  });
  test('show(value) moves the slider to the nearest stop and speaks the value', () => {
    rows.n.show(8);
    expect(el('n').range.value).toBe('3');
    expect(el('n').range.getAttribute('aria-valuetext')).toBe('N = 8');
    rows.a.show(0.1 + 0.2);
    expect(el('a').field.value).toBe('0.3');
  });
  test('a missing row names the widget and the row', () => {
    expect(() => bindSettingRows(document.body, 'test', { zz: { parse: Number } }, () => {})).toThrow(
      'test widget: missing [data-setting="zz"]',
    );
  });
});

describe('sliderScale(stops)', () => {
  test('without stops the slider is the value; with stops, positions clamp to the ends', () => {
    expect(sliderScale().fromSlider(0.7)).toBe(0.7);
    const scale = sliderScale(STOPS);
    expect(scale.toSlider(4)).toBe(2);
    expect(scale.fromSlider(-1)).toBe(1);
    expect(scale.fromSlider(9)).toBe(10);
  });
});
