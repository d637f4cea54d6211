/**
 * WCAG contrast for highlighted code: Shiki's github-light gives parameters #E36209, 3.5:1 on white, and a lit line
 * lowers every token's contrast a little more. These helpers darken (or lighten) a token colour just enough to keep
 * 4.5:1 on every background it can sit on.
 */

/** WCAG's minimum for normal-size text, plus a hair so rounding in the browser cannot dip below it. */
export const MIN_CONTRAST = 4.6;

/** [r, g, b] in 0…255 from "#rgb" or "#rrggbb"; null for anything else. */
export function parseHex(color: string): [number, number, number] | null {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** "#rrggbb" from 0…255 channels (rounded and clamped). */
export function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Relative luminance (WCAG 2.x) of 0…255 channels. */
function luminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two hex colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const [ca, cb] = [parseHex(a), parseHex(b)];
  if (!ca || !cb) throw new Error(`not a hex colour: ${ca ? b : a}`);
  const [la, lb] = [luminance(ca), luminance(cb)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * `color` if it reaches `min` against every background; otherwise the first mix towards black (light backgrounds) or
 * white (dark ones), in 2 % steps, that does. Keeps the hue recognisable while fixing the contrast.
 */
export function ensureContrast(color: string, backgrounds: readonly string[], min = MIN_CONTRAST): string {
  const rgb = parseHex(color);
  if (!rgb || backgrounds.length === 0) return color;
  const worst = (c: string) => Math.min(...backgrounds.map((bg) => contrastRatio(c, bg)));
  if (worst(color) >= min) return color;
  const darkBackgrounds = backgrounds.every((bg) => luminance(parseHex(bg) ?? [255, 255, 255]) < 0.18);
  const target = darkBackgrounds ? 255 : 0;
  for (let step = 1; step <= 50; step++) {
    const t = step / 50;
    const mixed = toHex(rgb.map((c) => c + (target - c) * t) as [number, number, number]);
    if (worst(mixed) >= min) return mixed;
  }
  return darkBackgrounds ? '#ffffff' : '#000000';
}
