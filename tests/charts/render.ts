/** Renders chart specs with jsdom and makes their markup stable for snapshots: the one helper every chart test uses. */
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

/** jsdom's document, for tests that build elements beside the charts. */
export const { document } = new JSDOM('<!doctype html><body></body>').window;

/** A scale read back from a rendered chart (Plot's, with the domain as an array and positions as numbers). */
export type ReadScale = Plot.Scale & { readonly domain: unknown[]; readonly apply: (value: unknown) => number };

/** Renders a spec to an SVG element with jsdom's document, with scale() for reading a scale the spec has back. */
export function render(options: Plot.PlotOptions): SVGSVGElement & { scale: (name: string) => ReadScale } {
  return Plot.plot({ ...options, document }) as never;
}

/** The SVG's markup with every decimal number rounded to one place, so float noise does not break snapshots. */
export function stable(svg: Element): string {
  return svg.outerHTML
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(Math.round(Number(m) * 10) / 10))
    .replace(/></g, '>\n<');
}

/** The text content of every text element under marks with class `className`. */
export function texts(svg: Element, className: string): string[] {
  return [...svg.querySelectorAll(`g.${className} text`)].map((t) => t.textContent ?? '');
}
