/** Snapshot and structure tests for the lab's KL-per-dimension bars. */
import { describe, expect, test } from 'vitest';
import { dimensionTicks, klBarsChart, type KlBarsLabels } from '../../../src/charts/lab/kl-bars';
import { LAB_COLORS } from '../../../src/charts/lab/common';
import { render, stable, texts } from './render';

const labels: KlBarsLabels = { dimension: 'dimension', kl: 'KL (nats)', active: 'active', inactive: 'inactive' };
const aria = { ariaLabel: 'KL per dimension', ariaDescription: 'One bar per latent dimension' };

/** d dimensions whose KL falls off; the first `activeCount` count as active. */
function dims(d: number, activeCount: number) {
  const klPerDim = Float64Array.from({ length: d }, (_, i) => (i < activeCount ? 6 / (i + 1) : 0.003 * (i % 3)));
  return { klPerDim, active: Array.from({ length: d }, (_, i) => i < activeCount) };
}

describe('klBarsChart(data, options)', () => {
  const svg = render(klBarsChart(dims(8, 3), { width: 480, labels, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/kl-bars.svg');
  });
  test('draws one bar per dimension; the active ones filled with the active colour', () => {
    const active = svg.querySelector('g.lab-kl-active');
    const inactive = svg.querySelector('g.lab-kl-inactive');
    expect(active?.querySelectorAll('rect').length).toBe(3);
    expect(inactive?.querySelectorAll('rect').length).toBe(5);
    expect(active?.getAttribute('fill')).toBe(LAB_COLORS.active);
    expect(inactive?.getAttribute('fill')).toBe(LAB_COLORS.inactive);
    expect(inactive?.getAttribute('stroke-dasharray')).toBe('2 2');
  });
  test('gives each bar a tooltip naming its dimension, KL and kind', () => {
    const titles = [...svg.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles).toContain('dimension 1: 6 (active)');
    expect(titles).toContain('dimension 5: 0.003 (inactive)');
  });
  test('draws the zero rule and the key', () => {
    expect(svg.querySelectorAll('g[aria-label="rule"] line').length).toBe(1);
    expect(texts(svg, 'lab-kl-key')).toEqual(['■ active', '□ inactive']);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe(aria.ariaLabel);
    expect(svg.getAttribute('aria-description')).toBe(aria.ariaDescription);
  });
});

describe.each([
  [1, 1], // a single latent dimension
  [2, 0], // all collapsed: the y axis still has a range
  [16, 10],
  [64, 12], // the widest model: ticks thinned
])('klBarsChart with d = %i (%i active)', (d, activeCount) => {
  test('draws d bars and does not throw', () => {
    const svg = render(klBarsChart(dims(d, activeCount), { width: 480, labels, ...aria }));
    expect(svg.querySelectorAll('g.lab-kl-active rect, g.lab-kl-inactive rect').length).toBe(d);
    expect(svg.querySelectorAll('g.lab-kl-active rect').length).toBe(activeCount);
  });
});

describe('klBarsChart edge cases', () => {
  test('no dimensions and negative numeric noise do not throw', () => {
    expect(() => render(klBarsChart({ klPerDim: [], active: [] }, { width: 300, labels, ...aria }))).not.toThrow();
    const svg = render(klBarsChart({ klPerDim: [-1e-7, 2], active: [false, true] }, { width: 300, labels, ...aria }));
    expect(svg.querySelector('g.lab-kl-inactive title')?.textContent).toBe('dimension 1: 0 (inactive)');
  });
});

describe('dimensionTicks(count, width)', () => {
  test('labels every dimension while they fit', () => {
    expect(dimensionTicks(8, 480)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  test('thins to round steps when they do not', () => {
    expect(dimensionTicks(64, 480)).toEqual([1, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
    expect(dimensionTicks(64, 200)).toEqual([1, 10, 20, 30, 40, 50, 60]);
  });
});
