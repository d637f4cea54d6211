// @vitest-environment jsdom
/** The page side ElboGap and PriorSamples share around their image measurement (measured-widget.ts). */
import { describe, expect, it } from 'vitest';
import type { ImageMeasurement } from '../../../src/components/widgets/image-measurement';
import { measuredParts, measurementRenderer, writeStats } from '../../../src/components/widgets/measured-widget';
import { plotSectionParts } from '../../../src/components/widgets/kit';
import { PRETRAINED_STRINGS } from '../../../src/i18n/widgets/pretrained';

const p = PRETRAINED_STRINGS.en;

/** A measurement stub: what the renderer and writeStats read, and how often the status line was drawn. */
function measurement(computing: boolean, image = 7) {
  const calls = { status: 0 };
  const m = { computing, image, drawStatus: () => calls.status++ } as unknown as ImageMeasurement;
  return { m, calls };
}

function section() {
  document.body.innerHTML = `<div id="plots"><section data-chart="c"><div data-part="canvas"></div>
    <p data-part="description"></p><button data-part="table-toggle" hidden></button><div data-part="table" hidden></div></section></div>`;
  return plotSectionParts(document.getElementById('plots')!, 'c', 'test');
}

describe('measuredParts', () => {
  it('finds the listed parts, what the measurement writes to (picker in the named fieldset) and the one chart', () => {
    document.body.innerHTML = `<figure><p data-part="status"></p><div data-part="plots"><section data-chart="c">
      <div data-part="canvas"></div><p data-part="description"></p><button data-part="table-toggle"></button>
      <div data-part="table"></div></section></div><p data-part="static-note"></p><p data-part="announce"></p>
      <progress data-part="progress"></progress><canvas data-part="image"></canvas>
      <fieldset data-part="digit-controls"></fieldset><p data-part="backend"></p><table data-part="stats"></table></figure>`;
    const figure = document.querySelector('figure')!;
    const parts = measuredParts(figure, 'test', { table: ['stats'] }, { picker: 'digit-controls', chart: 'c' });
    expect(parts.stats.tagName).toBe('TABLE');
    expect(parts.figure).toBe(figure);
    expect(parts.measurement.status).toBe(parts.status);
    expect(parts.measurement.progress.tagName).toBe('PROGRESS');
    expect(parts.measurement.digit.tagName).toBe('CANVAS');
    expect(parts.measurement.pickerRoot.dataset['part']).toBe('digit-controls');
    expect(parts.chart.canvas.dataset['part']).toBe('canvas');
    expect(() => measuredParts(figure, 'test', {}, { picker: 'controls', chart: 'c' })).toThrow(
      'missing [data-part="controls"]',
    );
  });
});

describe('writeStats', () => {
  it('writes the caption and each row’s estimate, marks the table busy while computing and names the image', () => {
    document.body.innerHTML = `<table><caption></caption><tr data-stat="elbo"><td data-col="estimate"></td></tr>
      <tr data-stat="gap"><td data-col="estimate"></td></tr></table>`;
    const table = document.querySelector('table')!;
    const caption = table.querySelector('caption')!;
    writeStats(table, caption, { caption: 'Image 7', cells: { elbo: '−90.1', gap: '2.5' } }, measurement(true).m, 'w');
    expect(caption.textContent).toBe('Image 7');
    expect(table.querySelector('[data-stat="gap"] td')!.textContent).toBe('2.5');
    expect(table.hasAttribute('aria-busy')).toBe(true);
    expect(table.dataset['image']).toBe('7');
    writeStats(table, caption, { caption: 'Image 7', cells: { elbo: '−90.1' } }, measurement(false).m, 'w');
    expect(table.hasAttribute('aria-busy')).toBe(false);
    expect(() => writeStats(table, caption, { caption: '', cells: { iwae: '1' } }, measurement(false).m, 'w')).toThrow(
      'w widget: missing tr[data-stat="iwae"]',
    );
  });
});

describe('measurementRenderer', () => {
  it('shows the table toggle, draws only what is asked, and fills the open table after a drawn chart only', () => {
    const parts = section();
    const drawn: string[] = [];
    let hasChart = false;
    const { m, calls } = measurement(true);
    const render = measurementRenderer(parts, p, m, {
      stats: () => drawn.push('stats'),
      chart: () => (drawn.push('chart'), hasChart),
      table: () => document.createTextNode(`table ${drawn.length}`),
    });
    expect(parts.toggle.hidden).toBe(false);
    render(new Set(['status']));
    expect(calls.status).toBe(1);
    expect(drawn).toEqual([]);
    render(new Set(['stats', 'chart']));
    expect(drawn).toEqual(['stats', 'chart']);
    expect(parts.canvas.classList.contains('is-stale')).toBe(true);
    parts.toggle.click();
    expect(parts.table.hidden).toBe(false);
    expect(parts.toggle.textContent).toBe(p.hideTable);
    expect(parts.table.textContent).toBe('table 2');
    render(new Set(['chart']));
    expect(parts.table.textContent).toBe('table 2');
    hasChart = true;
    render(new Set(['chart']));
    expect(parts.table.textContent).toBe('table 4');
  });
});
