/** Axis ticks the chapters' charts share: round tick values, and one compact tick label format. */

/** About `count` round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/**
 * A tick label, compact: 3 significant digits, or m×10ⁿ (superscript exponent, no spaces) below 10⁻³ or from 10⁵.
 * src/lib/numbers.ts has the widgets' number formats; charts may not import src/lib (the layers rule), and a tick
 * wants this tighter form anyway.
 */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e5) {
    const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
    const raised = exponent
      .replace('+', '')
      .replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] as string);
    return `${Number(mantissa)}×10${raised}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** A value axis labelled at its top: round ticks from 0 to `top` (about `count`), the domain from `bottom` to `top × headroom`. */
export function valueAxis(label: string, top: number, count: number, headroom: number, bottom = 0) {
  return {
    domain: [bottom, top * headroom],
    label,
    labelAnchor: 'top' as const,
    ticks: niceTicks(0, top, count),
    tickFormat: formatTick,
  };
}
