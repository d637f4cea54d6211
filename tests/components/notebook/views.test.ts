import { describe, expect, it } from 'vitest';
import { errorMessage, formatNumber, outputNode, toHtml, type Media } from '../../../src/components/notebook/views';
import { imageGrid, heatmapPicture } from '../../../src/components/notebook/pictures';
import { NOTEBOOK_STRINGS } from '../../../src/i18n/notebook';
import type { Output } from '../../../src/notebook/types';

const media: Media = {
  images: () => 'data:image/png;base64,I',
  heatmap: () => 'data:image/png;base64,H',
  svg: () => 'blob:svg',
};
const html = (output: Output, lang: 'en' | 'zh' = 'en') =>
  toHtml(outputNode(output, NOTEBOOK_STRINGS[lang], media, 'ch/cell'));

describe('output views', () => {
  it.each([
    [0.818147182465, '0.818147'],
    [42, '42'],
    [1.5e-7, '1.5000e-7'],
    ['NaN', 'NaN'],
  ])('formatNumber(%j) is %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('escapes every text and attribute: sandbox output can never become markup', () => {
    const out = html({ kind: 'inspect', node: { type: 'string', text: '<img src=x onerror=alert(1)>' } });
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const chart = html({ kind: 'svg', markup: '<svg onload="alert(1)"></svg>', label: '"><script>' });
    expect(chart).toBe('<img class="cell-chart" src="blob:svg" alt="Chart: &quot;&gt;&lt;script&gt;">');
  });

  it('shows an error with its line and column, in the reader’s language', () => {
    const error = { code: 'runtime', message: 'ReferenceError: x is not defined', line: 3, col: 5 } as const;
    expect(html({ kind: 'error', error })).toContain('Line 3, column 5: </span>ReferenceError: x is not defined');
    expect(html({ kind: 'error', error }, 'zh')).toContain('第 3 行，第 5 列');
    expect(errorMessage({ code: 'timeout', message: '', name: '12' }, NOTEBOOK_STRINGS.en)).toMatch(
      /^Stopped after 12 s/,
    );
  });

  it('renders a slider control with a label tied to it', () => {
    const out = html({
      kind: 'control',
      index: 0,
      spec: { type: 'slider', label: 'μ', min: -3, max: 3, step: 0.1, value: 1 },
    });
    expect(out).toContain('<label for="ch-cell-control-0">μ</label>');
    expect(out).toContain('type="range"');
    expect(out).toContain('value="1"');
  });

  it('lays out images eight to a row, ink dark, and scales heatmaps from min to max', () => {
    const grid = imageGrid(
      Array.from({ length: 9 * 4 }, () => 1),
      9,
      2,
    );
    expect([grid.width, grid.height]).toEqual([16, 4]);
    expect(grid.data[0]).toBe(0);
    expect(grid.data[15]).toBe(0);
    expect(grid.data[2 * 16 + 2]).toBe(255);
    expect([...heatmapPicture([1, 2, 3], 1, 3).data]).toEqual([0, 128, 255]);
  });
});
