// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { plotSectionParts, requirePart } from '../../../src/components/widgets/kit';

describe('requirePart and plotSectionParts', () => {
  it('find a plot section’s canvas, description, table toggle and table by the widget’s prefix', () => {
    document.body.innerHTML = `<div id="plots"><section data-chart="density">
      <div data-tl="canvas"></div><p data-tl="description"></p><button data-tl="table-toggle"></button><div data-tl="table"></div></section></div>`;
    const parts = plotSectionParts(document.getElementById('plots')!, 'density', 'tl', 'toy-likelihood');
    expect(parts.canvas.dataset['tl']).toBe('canvas');
    expect(parts.toggle.tagName).toBe('BUTTON');
    expect(parts.table.dataset['tl']).toBe('table');
  });

  it('name the widget and the missing part instead of failing later on null', () => {
    document.body.innerHTML = '<div id="plots"><section data-chart="density"><div data-tl="canvas"></div></section></div>';
    expect(() => plotSectionParts(document.getElementById('plots')!, 'density', 'tl', 'toy-likelihood')).toThrow('toy-likelihood widget: missing [data-tl="description"]');
    expect(() => requirePart(document.body, '[data-chart="curve"]', 'toy-likelihood')).toThrow('missing [data-chart="curve"]');
  });
});
