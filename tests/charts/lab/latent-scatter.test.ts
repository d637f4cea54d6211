/** Snapshot and structure tests for the lab's latent scatter. */
import { describe, expect, test } from 'vitest';
import {
  CLASS_COLORS,
  DEFAULT_EXTENT,
  classColor,
  ellipse,
  latentExtent,
  latentScatterChart,
  legendItems,
  subscriptAxis,
} from '../../../src/charts/lab/latent-scatter';
import { render, stable, texts } from './render';

const classNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const labels = { latent: 'z' };
const aria = { ariaLabel: 'Latent space', ariaDescription: 'Test images by their encoder means' };

/** 200 points: class k clustered around angle 2πk/10 at radius 2, with a deterministic spread. */
const points = Array.from({ length: 200 }, (_, i) => {
  const label = i % 10;
  const angle = (2 * Math.PI * label) / 10;
  const wobble = ((i * 0.618) % 1) - 0.5;
  return { x: 2 * Math.cos(angle) + 0.4 * wobble, y: 2 * Math.sin(angle) - 0.3 * wobble, label };
});

describe('latentScatterChart(data, options)', () => {
  const svg = render(
    latentScatterChart(
      { points, classNames, dims: [2, 5], probe: { x: 1, y: -0.5, sx: 0.3, sy: 0.6 }, cursor: { x: -1.5, y: 2.5 } },
      { width: 480, labels, ...aria },
    ),
  );

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/latent-scatter.svg');
  });
  test('draws one dot per point, coloured by its class', () => {
    const dots = [...svg.querySelectorAll('g.lab-latent-point circle')];
    expect(dots.length).toBe(points.length);
    expect(dots[3]?.getAttribute('fill')).toBe(CLASS_COLORS[3]);
  });
  test('names each class at its centre', () => {
    expect(texts(svg, 'lab-latent-class')).toEqual(classNames);
  });
  test('titles the axes with the 1-based dimensions', () => {
    const axisLabels = [...svg.querySelectorAll('g[aria-label$="axis label"] text')].map((t) => t.textContent);
    expect(axisLabels.some((t) => t?.includes('z₃'))).toBe(true);
    expect(axisLabels.some((t) => t?.includes('z₆'))).toBe(true);
  });
  test('draws the probe as a cross with a closed 64-vertex ellipse, and the cursor as a ring', () => {
    expect(svg.querySelectorAll('g.lab-probe path').length).toBe(1);
    const d = svg.querySelector('g.lab-probe-ellipse path')?.getAttribute('d') ?? '';
    expect(d.endsWith('Z')).toBe(true);
    expect(d.split(/[MLZ]/).filter(Boolean).length).toBe(64);
    expect(svg.querySelector('g.lab-cursor')?.getAttribute('fill')).toBe('none');
  });
  test('keeps the domain at ±4 while every point is inside', () => {
    expect(svg.scale('x')?.domain).toEqual([-4, 4]);
    expect(svg.scale('y')?.domain).toEqual([-4, 4]);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe(aria.ariaLabel);
    expect(svg.getAttribute('aria-description')).toBe(aria.ariaDescription);
  });
});

describe('latentScatterChart edge cases', () => {
  test('widens the domain symmetrically to cover a far point', () => {
    const svg = render(
      latentScatterChart(
        { points: [...points, { x: 0.5, y: -5.2, label: 1 }], classNames, dims: [0, 1] },
        { width: 400, labels, ...aria },
      ),
    );
    expect(svg.scale('x')?.domain).toEqual([-6, 6]);
    expect(svg.scale('y')?.domain).toEqual([-6, 6]);
  });
  test('no points, no probe, no cursor: axes and nothing else, no throw', () => {
    const svg = render(latentScatterChart({ points: [], classNames, dims: [0, 1] }, { width: 400, labels, ...aria }));
    expect(svg.querySelector('g[aria-label="x-axis tick"]')).not.toBeNull();
    expect(svg.querySelectorAll('g.lab-latent-point circle, g.lab-probe path, g.lab-cursor circle').length).toBe(0);
  });
});

describe('helpers', () => {
  test('legendItems(classNames) pairs each name with the colour of its dots', () => {
    expect(legendItems(['cat', 'dog'])).toEqual([
      { label: 'cat', color: '#4269d0' },
      { label: 'dog', color: '#efb118' },
    ]);
    expect(classColor(12)).toBe(CLASS_COLORS[2]);
  });
  test('subscriptAxis(name, dimension) writes the 1-based dimension as subscript digits', () => {
    expect(subscriptAxis('z', 2)).toBe('z₃');
    expect(subscriptAxis('z', 10)).toBe('z₁₁');
  });
  test('latentExtent(points) is 4 unless points go further, then the next whole number', () => {
    expect(latentExtent([])).toBe(DEFAULT_EXTENT);
    expect(latentExtent([{ x: 3.9, y: -3.9 }])).toBe(4);
    expect(latentExtent([{ x: -4.2, y: 0 }])).toBe(5);
    expect(latentExtent([{ x: NaN, y: 0 }])).toBe(4);
  });
  test('ellipse(probe) has 64 vertices at 2σ along each axis', () => {
    const ring = ellipse({ x: 1, y: 2, sx: 0.5, sy: 0.25 });
    expect(ring.length).toBe(64);
    expect(ring[0]!.x).toBeCloseTo(2, 12);
    expect(ring[0]!.y).toBeCloseTo(2, 12);
    expect(ring[16]!.x).toBeCloseTo(1, 12);
    expect(ring[16]!.y).toBeCloseTo(2.5, 12);
  });
});
