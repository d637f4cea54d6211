/** Snapshot and geometry tests for the toy-likelihood charts: rendered to SVG with jsdom, numbers rounded for stable snapshots. */
import { describe, expect, test } from 'vitest';
import { render, stable } from './render';
import {
  curveChart,
  curveDomain,
  densityChart,
  pointsChart,
  type CurveData,
  type PointBar,
} from '../../src/charts/toy-likelihood';
import {
  bestSlope,
  datasetLogLikelihood,
  logLikelihoodOverW,
  maximumLikelihood,
  pointLogLikelihoods,
} from '../../src/core/toys/maximum-likelihood';
import { DEFAULTS, densityCurve, densityRange, formatNats } from '../../src/components/widgets/toy-likelihood-state';

const DATA = [3, -1, 0, 2];
const model = { w: 2, b: 1, s: 0.5 };

const aria = { ariaLabel: 'Chart', ariaDescription: 'What it shows' };

describe('densityChart(data, options)', () => {
  const points = DATA.map((x, i) => ({ x, density: Math.exp(pointLogLikelihoods(model, DATA)[i]!) }));
  const data = {
    curve: densityCurve(DEFAULTS, densityRange(DATA), 61),
    points,
    referencePeak: 1 / Math.sqrt(2 * Math.PI * 2.5),
  };
  const svg = render(densityChart(data, { width: 640, labels: { x: 'x', density: 'p(x)', curve: 'p(x)' }, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/toy-likelihood-density.svg');
  });
  test('draws one dot per data point and a line from the axis up to its density', () => {
    expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
    const y = svg.scale('y');
    const lines = [...svg.querySelectorAll('g[aria-label="rule"] line')].filter(
      (l) => l.getAttribute('x1') === l.getAttribute('x2'),
    );
    expect(lines.length).toBe(4);
    const tops = lines.map((l) => Math.min(Number(l.getAttribute('y1')), Number(l.getAttribute('y2'))));
    points.forEach((p, i) => expect(tops[i]).toBeCloseTo(y.apply(p.density), 6));
  });
  test('keeps its y axis up to the best fit’s peak, so a wide model looks flat', () => {
    expect(svg.scale('y').domain[1] as number).toBeGreaterThanOrEqual(data.referencePeak);
  });
  test('carries its aria-label and description', () => {
    expect(svg.getAttribute('aria-label')).toBe('Chart');
    expect(svg.getAttribute('aria-description')).toBe('What it shows');
  });
});

describe('pointsChart(bars, options)', () => {
  const bars: PointBar[] = DATA.map((x, i) => ({
    name: `x${i} = ${x}`,
    logLikelihood: pointLogLikelihoods({ ...model, w: 0.5 }, DATA)[i]!,
  }));
  const svg = render(pointsChart(bars, { width: 640, labels: { axis: 'log p' }, format: formatNats, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/toy-likelihood-points.svg');
  });
  test('draws one bar per point from 0 to its log p, labelled with the value', () => {
    const x = svg.scale('x');
    const rects = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects.length).toBe(4);
    rects.forEach((r, i) => {
      expect(Number(r.getAttribute('x'))).toBeCloseTo(x.apply(bars[i]!.logLikelihood), 6);
      expect(Number(r.getAttribute('x')) + Number(r.getAttribute('width'))).toBeCloseTo(x.apply(0), 6);
    });
    expect([...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent)).toEqual([
      '\u22124.572',
      '\u22124.572',
      '\u22121.572',
      '\u22121.572',
    ]);
  });
  test('puts a positive value right of its bar, with room for it', () => {
    const mixed = render(
      pointsChart(
        [
          { name: 'a', logLikelihood: -1 },
          { name: 'b', logLikelihood: 0.8 },
        ],
        { width: 400, labels: { axis: 'log p' }, format: formatNats, ...aria },
      ),
    );
    const anchors = [...mixed.querySelectorAll('g[aria-label="text"]')].map((g) => g.getAttribute('text-anchor'));
    expect(anchors).toEqual(['end', 'start']);
    expect(mixed.scale('x').domain[1] as number).toBeGreaterThan(0.8);
  });
});

describe('curveChart(data, options) and curveDomain(data)', () => {
  const curveData = (w: number): CurveData => {
    const m = { ...model, w };
    const best = bestSlope(m, DATA);
    return {
      curve: logLikelihoodOverW(m, DATA, [-5, 5], 101),
      current: { w, logLikelihood: datasetLogLikelihood(m, DATA) },
      best: { w: best, logLikelihood: datasetLogLikelihood({ ...m, w: best }, DATA) },
      ceiling: maximumLikelihood(DATA).logLikelihood,
    };
  };
  const labels = { w: 'w', logLikelihood: 'ℓ', now: 'now', best: 'best w', ceiling: 'max' };
  const svg = render(curveChart(curveData(2), { width: 640, labels, ...aria }));

  test('matches its snapshot', async () => {
    await expect(stable(svg)).toMatchFileSnapshot('__snapshots__/toy-likelihood-curve.svg');
  });
  test('marks the current w on the curve and the best w ±1.5 with dashed rules', () => {
    const x = svg.scale('x');
    const y = svg.scale('y');
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    const current = dots[dots.length - 1]!;
    expect(Number(current.getAttribute('cx'))).toBeCloseTo(x.apply(2), 6);
    expect(Number(current.getAttribute('cy'))).toBeCloseTo(y.apply(datasetLogLikelihood(model, DATA)), 6);
    const rules = [...svg.querySelectorAll('g[aria-label="rule"] line')].map((l) => Number(l.getAttribute('x1')));
    expect(rules).toEqual(expect.arrayContaining([expect.closeTo(x.apply(-1.5), 6), expect.closeTo(x.apply(1.5), 6)]));
  });
  test('the ℓ axis spans the ceiling and the current point, but cuts off the deep dip near w = 0', () => {
    const [lo, hi] = curveDomain(curveData(2));
    expect(hi).toBeGreaterThan(-7.508);
    expect(lo).toBeLessThan(-7.746);
    expect(lo).toBeGreaterThan(-7.508 - 16);
    const [loNarrow] = curveDomain(curveData(0.5));
    expect(loNarrow).toBeLessThan(-12.289);
  });
});
