// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bindPairedInput, plotSectionParts, requirePart } from '../../../src/components/widgets/kit';

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
