/** What every chart in the book shares: the interface font, and Plot's frame options (size, class, accessible name). */

/** The interface font at chart size; overflow visible so end labels past the plot area are not clipped. */
export const CHART_FONT = Object.freeze({
  fontFamily: 'var(--font-ui, system-ui, sans-serif)',
  fontSize: '12px',
  overflow: 'visible',
});

/** A chart's size and its accessible name and description. */
export interface ChartFrameOptions {
  readonly width: number;
  readonly height?: number;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** Plot's options for a chart of the family `className` (its CSP-hashed style), `defaultHeight` tall unless given. */
export function chartFrame(className: string, options: ChartFrameOptions, defaultHeight: number) {
  return {
    width: options.width,
    height: options.height ?? defaultHeight,
    className,
    style: CHART_FONT,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
  };
}

/** Plot's four margin options from one `{ top, right, bottom, left }`. */
export function margins(m: { top: number; right: number; bottom: number; left: number }) {
  return { marginTop: m.top, marginRight: m.right, marginBottom: m.bottom, marginLeft: m.left };
}

/** A rough width of `text` in px at 11–12 px: CJK characters are about twice as wide as Latin ones. */
export function approxTextWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 12 : 6.6;
  return width;
}
