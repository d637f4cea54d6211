/** Snapshot tests for the pretrained-VAE charts: rendered to SVG with jsdom, numbers rounded so snapshots are stable. */
import { describe, expect, test } from 'vitest';
import { render, stable } from './render';
import { boundLadderChart, comparisonChart, paddedDomain, type LadderData } from '../../src/charts/elbo-gap';

/** Numbers of the size test image 0 gives with the pretrained model (nats). */
const ladder: LadderData = {
  ks: [1, 5, 50, 500],
  elbo: { mean: -113.1, standardError: 0.4 },
  points: [
    { k: 1, mean: -113.3, standardError: 0.6 },
    { k: 5, mean: -108.3, standardError: 0.42 },
    { k: 50, mean: -106.8, standardError: 0.28 },
    { k: 500, mean: -104.8, standardError: 0.25 },
  ],
};
const labels = { k: 'K →', nats: '↑ nats', elbo: 'ELBO', gap: 'gap' };
const aria = { ariaLabel: 'Bound against K', ariaDescription: 'The bound climbs from the ELBO' };

describe('boundLadderChart(data, options)', () => {
  const svg = render(boundLadderChart(ladder, { width: 640, labels, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/elbo-gap-ladder.svg');
  });
  test('draws one dot and one ± SE bar per rung, on a log x axis ticked at each K', () => {
    expect(svg.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(4);
    expect(svg.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(4 + 1);
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['1', '5', '50', '500']);
    // Equal ratios are equal distances: 5 → 50 spans as much as 50 → 500.
    const xs = [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => Number(c.getAttribute('cx')));
    expect(Math.abs(xs[2]! - xs[1]! - (xs[3]! - xs[2]!))).toBeLessThan(0.5);
  });
  test('a higher bound sits higher, the ± SE bar spans mean ± standard error, and the ELBO is a dashed rule', () => {
    const ys = [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => Number(c.getAttribute('cy')));
    expect(ys[3]).toBeLessThan(ys[0]!);
    const bars = [...svg.querySelectorAll('g[aria-label="rule"] line')].slice(-4);
    const length = (line: Element) => Math.abs(Number(line.getAttribute('y2')) - Number(line.getAttribute('y1')));
    expect(length(bars[0]!) / length(bars[3]!)).toBeCloseTo(0.6 / 0.25, 1);
    expect(svg.querySelector('g[aria-label="rule"]')?.getAttribute('stroke-dasharray')).toBe('6 3');
    expect(svg.getAttribute('aria-label')).toBe('Bound against K');
  });
  test('the gap bracket appears only once the largest K is in, and the axis keeps every K while rungs arrive', () => {
    expect(svg.querySelectorAll('g[aria-label="link"] > path')).toHaveLength(1);
    const partial = render(
      boundLadderChart({ ...ladder, points: ladder.points.slice(0, 2) }, { width: 640, labels, ...aria }),
    );
    expect(partial.querySelectorAll('g[aria-label="link"]')).toHaveLength(0);
    expect([...partial.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent)).toEqual([
      '1',
      '5',
      '50',
      '500',
    ]);
    const empty = render(boundLadderChart({ ks: ladder.ks, elbo: null, points: [] }, { width: 300, labels, ...aria }));
    expect(empty.querySelectorAll('circle')).toHaveLength(0);
  });
});

describe('comparisonChart(rows, options)', () => {
  const rows = [
    { label: 'ELBO', kind: 'elbo', mean: -113.1, standardError: 0.4 },
    { label: 'log p(x) ≈ 𝓛₅₀₀', kind: 'bound', mean: -104.8, standardError: 0.25 },
  ] as const;
  const svg = render(comparisonChart(rows, { width: 360, labels: { nats: 'nats →' }, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/elbo-gap-comparison.svg');
  });
  test('puts the bound to the right of the ELBO, each with a labelled dot and a ± SE bar (the ELBO’s dashed)', () => {
    const xs = [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => Number(c.getAttribute('cx')));
    expect(xs[1]).toBeGreaterThan(xs[0]!);
    expect([...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent)).toEqual([
      'ELBO',
      'log p(x) ≈ 𝓛₅₀₀',
    ]);
    const rules = [...svg.querySelectorAll('g[aria-label="rule"]')];
    expect(rules.map((g) => g.getAttribute('stroke-dasharray'))).toEqual(['6 3', null]);
  });
});

describe('paddedDomain(values, minSpan)', () => {
  test.each([
    // values, expected domain
    [
      [-110, -100],
      [-111.2, -98.8],
    ], // span 10: 62% of it either side of the middle
    [
      [-105, -104.5],
      [-105.99, -103.51],
    ], // narrower than 2 nats: widened to 2 around the middle
    [[Number.NaN], [-1, 1]], // nothing finite
  ])('paddedDomain(%j)', (values, expected) => {
    const [lo, hi] = paddedDomain(values);
    expect(lo).toBeCloseTo(expected[0]!, 9);
    expect(hi).toBeCloseTo(expected[1]!, 9);
  });
});
