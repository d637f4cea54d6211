// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  bindPairedInput,
  chartRedrawer,
  plotSectionParts,
  plotSectionsOf,
  requirePart,
} from '../../../src/components/widgets/kit';

describe('requirePart and plotSectionParts', () => {
  it('find a plot section’s canvas, description, table toggle and table marked data-part', () => {
    document.body.innerHTML = `<div id="plots"><section data-chart="density">
      <div data-part="canvas"></div><p data-part="description"></p><button data-part="table-toggle"></button><div data-part="table"></div></section></div>`;
    const parts = plotSectionParts(document.getElementById('plots')!, 'density', 'toy-likelihood');
    expect(parts.canvas.dataset['part']).toBe('canvas');
    expect(parts.toggle.tagName).toBe('BUTTON');
    expect(parts.table.dataset['part']).toBe('table');
  });

  it('name the widget and the missing part instead of failing later on null', () => {
    document.body.innerHTML =
      '<div id="plots"><section data-chart="density"><div data-part="canvas"></div></section></div>';
    expect(() => plotSectionParts(document.getElementById('plots')!, 'density', 'toy-likelihood')).toThrow(
      'toy-likelihood widget: missing [data-part="description"]',
    );
    expect(() => requirePart(document.body, '[data-chart="curve"]', 'toy-likelihood')).toThrow(
      'missing [data-chart="curve"]',
    );
  });
});

describe('bindPairedInput', () => {
  function paired() {
    document.body.innerHTML = '<input type="range" min="0" max="10"><input type="text"><p></p>';
    const [range, field] = document.querySelectorAll('input');
    const applied: number[] = [];
    const binding = bindPairedInput({
      range: range!,
      field: field!,
      message: document.querySelector('p')!,
      parse: (raw) => (Number.isFinite(Number(raw)) ? Number(raw) : 'Enter a number.'),
      toSlider: (v) => v,
      fromSlider: (p) => p,
      valueText: (v) => String(v),
      format: (v) => String(v),
      apply: (v) => applied.push(v),
    });
    return { field: field!, binding, applied };
  }
  const type = (field: HTMLInputElement, text: string) => {
    field.value = text;
    field.dispatchEvent(new Event('input'));
  };

  it('keeps what the reader is typing when a redraw comes before Enter, then applies it', () => {
    const { field, binding, applied } = paired();
    field.focus();
    type(field, '-1');
    binding.show(0.5); // another setting was applied and everything is redrawn
    expect(field.value).toBe('-1');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(applied).toEqual([-1]);
    binding.show(-1);
    expect(field.value).toBe('-1');
  });

  it('shows the new value in a field the reader is not editing', () => {
    const { field, binding } = paired();
    binding.show(3);
    expect(field.value).toBe('3');
    field.focus();
    binding.show(4); // focused but untouched: still follows the model
    expect(field.value).toBe('4');
  });
});

describe('plotSectionsOf and chartRedrawer', () => {
  const section = (key: string) => `<section data-chart="${key}"><div data-part="canvas"></div>
    <p data-part="description"></p><button data-part="table-toggle" hidden>Show</button><div data-part="table" hidden></div></section>`;
  function twoCharts() {
    document.body.innerHTML = `<div id="plots">${section('a')}${section('b')}</div>`;
    const charts = plotSectionsOf(document.getElementById('plots')!, ['a', 'b'] as const, 'test');
    const drawn: string[] = [];
    let version = 0;
    const table = (key: string) => () => {
      const p = document.createElement('p');
      p.textContent = `${key} table v${version}`;
      return p;
    };
    const redraw = chartRedrawer(charts, { show: 'Show', hide: 'Hide' }, { a: table('a'), b: table('b') }, (key, s) => {
      drawn.push(key);
      s.canvas.textContent = `${key} v${version}`;
    });
    return { charts, drawn, redraw, bump: () => (version += 1) };
  }

  it('finds every section by key and shows its table toggle', () => {
    const { charts } = twoCharts();
    expect(Object.keys(charts)).toEqual(['a', 'b']);
    expect(charts.a.toggle.hidden).toBe(false);
    expect(charts.b.toggle.hidden).toBe(false);
    expect(() => plotSectionsOf(document.body, ['c'], 'test')).toThrow('test widget: missing [data-chart="c"]');
  });

  it('redraws only the charts asked for, in key order', () => {
    const { charts, drawn, redraw } = twoCharts();
    redraw(new Set(['b', 'status']));
    expect(drawn).toEqual(['b']);
    redraw(new Set(['b', 'a']));
    expect(drawn).toEqual(['b', 'a', 'b']);
    expect(charts.a.canvas.textContent).toBe('a v0');
  });

  it('fills a table when its toggle opens, and rebuilds only open tables on later redraws', () => {
    const { charts, redraw, bump } = twoCharts();
    charts.a.toggle.click();
    expect(charts.a.toggle.textContent).toBe('Hide');
    expect(charts.a.table.hidden).toBe(false);
    expect(charts.a.table.textContent).toBe('a table v0');
    bump();
    redraw(new Set(['a', 'b']));
    expect(charts.a.table.textContent).toBe('a table v1');
    expect(charts.b.table.textContent).toBe('');
    redraw(new Set(['b']));
    bump();
    redraw(new Set(['b']));
    expect(charts.a.table.textContent).toBe('a table v1');
  });
});
