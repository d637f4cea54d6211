/** A cell's Plot chart with a legend, a title or a caption: Plot returns a <figure>, and the output is one SVG of it all. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { ScaleOptions } from '@observablehq/plot';
import { outputOf } from '../../src/notebook/outputs';
import { plotForCells, rampCanvas } from '../../src/notebook/plot-env';
import { textWidth } from '../../src/notebook/plot-figure';

const Plot = plotForCells();
const DATA = [
  { x: 1, y: 2, k: 'apple' },
  { x: 2, y: 3, k: 'b < c & d' },
  { x: 3, y: 1, k: '零点' },
];

/** The output's SVG markup parsed back, so tests ask for elements rather than match text. */
function svgOf(chart: unknown, theme: 'light' | 'dark' = 'light') {
  const out = outputOf(chart, theme);
  if (out.kind !== 'svg') throw new Error(`expected an svg output, got ${out.kind}`);
  const { document } = parseHTML(`<html><body>${out.markup}</body></html>`);
  const root = document.querySelector('body > svg');
  if (!root) throw new Error('no root svg');
  return { out, root, texts: [...root.querySelectorAll(':scope > g > text')].map((t) => t.textContent) };
}

describe('outputOf(Plot figure)', () => {
  it('draws a colour legend’s swatches with their labels above the chart, in one root <svg>', () => {
    const chart = Plot.plot({ color: { legend: true }, marks: [Plot.dot(DATA, { x: 'x', y: 'y', fill: 'k' })] });
    expect(chart.tagName.toLowerCase()).toBe('figure');
    const { out, root, texts } = svgOf(chart);
    expect(out.markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(texts).toEqual(['apple', 'b < c & d', '零点']);
    expect(out.markup).toContain('b &lt; c &amp; d');
    // One swatch per category, in Plot's own colours, then the chart itself (with its dots) below them.
    const swatches = [...root.querySelectorAll(':scope > g > svg[width="15"]')];
    expect(swatches.map((s) => s.getAttribute('fill'))).toEqual(['#4269d0', '#efb118', '#ff725c']);
    const plots = [...root.querySelectorAll(':scope > g > svg[width="640"]')];
    expect(plots).toHaveLength(1);
    expect(plots[0]!.querySelectorAll('circle')).toHaveLength(3);
    const [legendY, chartY] = [...root.querySelectorAll(':scope > g')].map((g) =>
      Number(/translate\([\d.]+,([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]),
    );
    expect(chartY).toBeGreaterThan(legendY! + 15);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(400 + 15);
  });

  it('keeps the theme’s colours on the root, so labels are readable in light and dark', () => {
    const chart = () => Plot.plot({ color: { legend: true }, marks: [Plot.dot(DATA, { x: 'x', y: 'y', fill: 'k' })] });
    expect(svgOf(chart(), 'light').root.getAttribute('style')).toContain('color: #1f2328; background: #ffffff');
    expect(svgOf(chart(), 'dark').root.getAttribute('style')).toContain('color: #e6edf3; background: #0d1117');
    expect(svgOf(chart()).out.markup).toMatch(/<text [^>]*fill="currentColor"[^>]*>apple</);
  });

  it('writes the title, subtitle and caption as text, in order, and takes the text alternative from the title', () => {
    const chart = Plot.plot({
      title: 'Rate',
      subtitle: 'by β',
      caption: 'The toy’s frontier.',
      marks: [Plot.lineY([1, 3, 2])],
    });
    const { out, texts } = svgOf(chart);
    expect(texts).toEqual(['Rate', 'by β', 'The toy’s frontier.']);
    expect(out.kind === 'svg' && out.label).toBe('Rate');
  });

  it('lays out a legend Plot writes in columns too: its swatches wrap into rows as wide as the chart', () => {
    const chart = Plot.plot({
      width: 120,
      color: { legend: true, columns: 2 } as ScaleOptions,
      marks: [Plot.dot(DATA, { x: 'x', y: 'y', fill: 'k' })],
    });
    const { root, texts } = svgOf(chart);
    expect(texts).toEqual(['apple', 'b < c & d', '零点']);
    const ys = [...root.querySelectorAll(':scope > g > svg[width="15"]')].map((s) => Number(s.getAttribute('y')));
    expect(new Set(ys).size).toBeGreaterThan(1);
  });

  it('draws a continuous colour legend (a ramp) instead of failing for want of a canvas', () => {
    const chart = Plot.plot({ color: { legend: true }, marks: [Plot.dot(DATA, { x: 'x', y: 'y', fill: 'y' })] });
    const { root } = svgOf(chart, 'dark');
    const image = root.querySelector('image');
    const href = decodeURIComponent((image?.getAttribute('href') ?? '').replace('data:image/svg+xml,', ''));
    // Plot's default ramp (turbo) goes from a dark purple-blue to a dark red over 256 one-pixel rects.
    expect(href.match(/<rect /g)).toHaveLength(256);
    expect(href).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 256 1"/);
  });
});

describe('rampCanvas()', () => {
  it('records each pixel’s fill and gives it back as an SVG data URL of rects', () => {
    const canvas = rampCanvas();
    canvas.width = 2;
    const context = canvas.getContext('2d') as { fillStyle: string; fillRect(x: number, y: number): void };
    context.fillStyle = 'red';
    context.fillRect(0, 0);
    context.fillStyle = 'rgb(0, 0, 255)';
    context.fillRect(1, 0);
    const svg = decodeURIComponent(canvas.toDataURL().replace('data:image/svg+xml,', ''));
    expect(svg).toContain(
      '<rect x="0" width="1.5" height="1" fill="red"/><rect x="1" width="1.5" height="1" fill="rgb(0, 0, 255)"/>',
    );
    expect(canvas.getContext('webgl')).toBeNull();
  });
});

describe('textWidth(text, size)', () => {
  it('counts a CJK character as square and a Latin one as 0.6 em', () => {
    expect(textWidth('ab', 10)).toBeCloseTo(12);
    expect(textWidth('零点', 10)).toBe(20);
  });
});
