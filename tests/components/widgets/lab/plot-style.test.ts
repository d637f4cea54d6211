import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { dropPlotStyle } from '../../../../src/components/widgets/lab/plot-style';
import { render } from '../../../charts/render';

describe('dropPlotStyle(chart)', () => {
  it('removes the style sheet Plot writes into a chart, and nothing else (a redraw then adds no sheet to the page)', () => {
    const chart = render({ width: 200, height: 100, marks: [Plot.lineY([1, 3, 2]), Plot.text(['a'], { x: 0, y: 1 })] });
    expect(chart.querySelectorAll(':scope > style')).toHaveLength(1);
    const marks = chart.querySelectorAll('g').length;
    expect(dropPlotStyle(chart)).toBe(chart);
    expect(chart.querySelectorAll('style')).toHaveLength(0);
    expect(chart.querySelectorAll('g')).toHaveLength(marks);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toContain('a');
  });
});
