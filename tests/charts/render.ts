/** Renders lab chart specs with jsdom and makes their markup stable for snapshots (as in the marginal-likelihood tests). */
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

const { document } = new JSDOM('<!doctype html><body></body>').window;

/** Renders a spec to an SVG element with jsdom's document (with Plot's scale() for reading domains back). */
export function render(options: Plot.PlotOptions): SVGSVGElement & Plot.Plot {
  return Plot.plot({ ...options, document }) as SVGSVGElement & Plot.Plot;
}

/** The SVG's markup with every decimal number rounded to one place, so float noise does not break snapshots. */
export function stable(svg: Element): string {
  return svg.outerHTML.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(Math.round(Number(m) * 10) / 10)).replace(/></g, '>\n<');
}

/** The text content of every text element under marks with class `className`. */
export function texts(svg: Element, className: string): string[] {
  return [...svg.querySelectorAll(`g.${className} text`)].map((t) => t.textContent ?? '');
}
