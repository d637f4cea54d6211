/** What a widget passes WidgetControls for each slider row (SliderField's props less the id), and two builders. */

/** One slider row: its setting key, label, the slider's attributes, the field's text and the slider's spoken value. */
export interface SliderSpec {
  readonly setting: string;
  readonly label: string;
  readonly slider: { readonly min: number; readonly max: number; readonly step: number; readonly value: number };
  readonly value: string;
  readonly valueText: string;
  readonly size?: number;
}

/** A slider over a setting's own range, the field and the spoken value both written by `text`. */
export function rangeSlider(
  setting: string,
  label: string,
  limit: { readonly min: number; readonly max: number; readonly step: number },
  value: number,
  text: (value: number) => string = String,
): SliderSpec {
  const { min, max, step } = limit;
  return { setting, label, slider: { min, max, step, value }, value: text(value), valueText: text(value) };
}

/** A slider over a list of stops (sample sizes): the slider moves the stop's index, the field shows the value. */
export function stopSlider(
  setting: string,
  label: string,
  stopCount: number,
  index: number,
  value: number,
  valueText: string,
): SliderSpec {
  return {
    setting,
    label,
    slider: { min: 0, max: stopCount - 1, step: 1, value: index },
    value: String(value),
    valueText,
  };
}
