/**
 * A Plot `<figure>` as one SVG. With a title, a subtitle, a caption or a legend, Plot returns HTML: headings, a `<div>`
 * of swatches (each a small `<svg>` and its label), ramp legends and the chart as `<svg>`s. A cell's chart reaches the
 * page as an `<img>` of SVG markup (never inserted as HTML), so the figure's parts are laid out here, top to bottom, as
 * text and nested `<svg>` elements of one picture.
 */

/** The part of a DOM element (linkedom's or the browser's) this module reads. */
export interface FigurePart {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly children: ArrayLike<FigurePart>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** Font sizes and gaps of the laid-out figure, in px (Plot's own: 10px text, 15px swatches). */
const LAYOUT = Object.freeze({
  title: 16,
  subtitle: 12,
  text: 10,
  swatch: 15,
  swatchGap: 6,
  entryGap: 14,
  rowGap: 6,
  gap: 8,
  /** Room on the left and right: a ramp legend's end labels sit half outside its own box. */
  pad: 10,
  defaultWidth: 640,
});

/** Escapes text for SVG markup. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** About how wide `text` is at `size` px: CJK characters are square, Latin ones about 0.6 em. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? size : 0.6 * size;
  return width;
}

const tag = (part: FigurePart) => part.tagName.toLowerCase();
const list = (parts: ArrayLike<FigurePart>) => Array.from(parts);
/** Positions written with one decimal: Plot's float noise (84.19999999999999) has no place in the markup. */
const px = (value: number) => String(Math.round(value * 10) / 10);
const size = (part: FigurePart, name: 'width' | 'height', fallback: number) =>
  Number(part.getAttribute(name)) || fallback;

/** One laid-out piece: its markup, placed at `y`, and its height. */
interface Piece {
  readonly markup: string;
  readonly height: number;
}

/** A line of text at the top of its own piece. */
function textPiece(text: string, fontSize: number, weight: 'bold' | 'normal'): Piece {
  const markup = `<text y="${fontSize}" font-size="${fontSize}" font-weight="${weight}" fill="currentColor">${escapeText(text)}</text>`;
  return { markup, height: fontSize * 1.4 };
}

/** An `<svg>` nested as it is (the chart, a ramp legend). */
function svgPiece(part: FigurePart): Piece {
  const [width, height] = [size(part, 'width', 0), size(part, 'height', 0)];
  part.setAttribute('x', '0');
  part.setAttribute('y', '0');
  // Plot's class style gives its svg `height: auto`, which a nested <svg> reads as 100% of the picture: keep its size.
  part.setAttribute('style', `width: ${width}px; height: ${height}px; max-width: none; overflow: visible`);
  return { markup: part.outerHTML, height };
}

/** A swatches legend: each swatch `<svg>` and its label, in rows that wrap at `width`. */
function swatchesPiece(part: FigurePart, width: number): Piece {
  const { swatch, swatchGap, entryGap, rowGap, text } = LAYOUT;
  const entries = list(part.children).filter((child) => tag(child) !== 'style');
  let x = 0;
  let y = 0;
  const markup: string[] = [];
  for (const entry of entries) {
    const icon = list(entry.children).find((child) => tag(child) === 'svg');
    const label = (entry.textContent ?? '').trim();
    const entryWidth = swatch + swatchGap + textWidth(label, text);
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      y += swatch + rowGap;
    }
    if (icon) {
      icon.setAttribute('x', px(x));
      icon.setAttribute('y', px(y));
      icon.setAttribute('overflow', 'visible');
      markup.push(icon.outerHTML);
    }
    markup.push(
      `<text x="${px(x + swatch + swatchGap)}" y="${px(y + swatch / 2)}" dy="0.32em" font-size="${text}" fill="currentColor">${escapeText(label)}</text>`,
    );
    x += entryWidth + entryGap;
  }
  return { markup: markup.join(''), height: entries.length > 0 ? y + swatch + rowGap : 0 };
}

/** The piece for one child of the figure, or null for what has nothing to show (a `<style>`). */
function pieceOf(part: FigurePart, width: number): Piece | null {
  const name = tag(part);
  const text = (part.textContent ?? '').trim();
  if (name === 'svg') return svgPiece(part);
  if (name === 'h2') return textPiece(text, LAYOUT.title, 'bold');
  if (name === 'h3') return textPiece(text, LAYOUT.subtitle, 'normal');
  if (name === 'figcaption') return textPiece(text, LAYOUT.text, 'normal');
  if (name === 'div') {
    // Swatches, in rows (a <span> each) or in columns (a <div> each): every entry holds its swatch <svg>.
    const swatches = list(part.children).some((child) => list(child.children).some((inner) => tag(inner) === 'svg'));
    return swatches ? swatchesPiece(part, width) : text ? textPiece(text, LAYOUT.text, 'normal') : null;
  }
  return null;
}

/** The figure's parts, top to bottom, as one `<svg>` as wide as its widest part; `style` goes on the root. */
export function figureToSvg(figure: FigurePart, style: string): string {
  const children = list(figure.children);
  const widest = Math.max(0, ...children.filter((c) => tag(c) === 'svg').map((c) => size(c, 'width', 0)));
  const layoutWidth = widest || LAYOUT.defaultWidth;
  const placed: string[] = [];
  let y = 0;
  for (const child of children) {
    const piece = pieceOf(child, layoutWidth);
    if (!piece || piece.height === 0) continue;
    placed.push(`<g transform="translate(${LAYOUT.pad},${px(y)})">${piece.markup}</g>`);
    y += piece.height + LAYOUT.gap;
  }
  const [width, height] = [layoutWidth + 2 * LAYOUT.pad, px(Math.max(0, y - LAYOUT.gap))];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" style="${style}" font-family="system-ui, sans-serif">${placed.join('')}</svg>`
  );
}
