/** The toy-likelihood widget's charts as data: the plotted numbers, the descriptions and the specs' sizes and labels. */
import { describe, expect, test } from 'vitest';
import { TOY_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/toy-likelihood';
import { CURVE_POINTS, DEFAULTS, LIMITS, readout } from '../../../src/components/widgets/toy-likelihood-state';
import {
  currentPoint,
  curveOverW,
  curveView,
  densityPoints,
  densityView,
  pointBars,
  pointsView,
} from '../../../src/components/widgets/toy-likelihood-plots';
import { assertClose } from '../../core/helpers';

const s = TOY_LIKELIHOOD_STRINGS.en;

describe('the plotted numbers', () => {
  test('each point’s density is exp(log p), and the bars add up to ℓ', () => {
    const r = readout(DEFAULTS);
    densityPoints(DEFAULTS).forEach((p, i) => assertClose(Math.log(p.density), r.points[i]!, 1e-12));
    assertClose(
      pointBars(s, DEFAULTS).reduce((sum, bar) => sum + bar.logLikelihood, 0),
      r.total,
      1e-12,
    );
    expect(pointBars(s, DEFAULTS).map((bar) => bar.name)).toEqual([
      'x⁽¹⁾ = 3',
      'x⁽²⁾ = \u22121',
      'x⁽³⁾ = 0',
      'x⁽⁴⁾ = 2',
    ]);
  });
  test('the curve spans the w slider and peaks at the best w for b and s', () => {
    const curve = curveOverW(DEFAULTS);
    expect(curve).toHaveLength(CURVE_POINTS);
    expect([curve[0]!.w, curve.at(-1)!.w]).toEqual([LIMITS.w.min, LIMITS.w.max]);
    const peak = curve.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
    expect(Math.abs(Math.abs(peak.w) - readout(DEFAULTS).bestW)).toBeLessThanOrEqual(10 / (CURVE_POINTS - 1));
    expect(currentPoint(DEFAULTS)).toEqual({ w: 2, logLikelihood: readout(DEFAULTS).total });
  });
});

describe('densityView, pointsView and curveView', () => {
  test('describe what they draw, and the spec carries the width and the description', () => {
    const density = densityView(s, DEFAULTS, 500);
    expect(density.description).toContain('N(x; 1, 4.25)');
    const points = pointsView(s, DEFAULTS, 500);
    // 3 and −1 tie for worst; the first is named.
    expect(points.description).toContain('x = 3, at \u22122.113');
    expect(points.description).toContain('\u22127.746');
    const curve = curveView(s, DEFAULTS, 500);
    expect(curve.description).toContain('±1.5');
    for (const view of [density, points, curve]) {
      expect(view.spec.width).toBe(500);
      expect(view.spec.ariaDescription).toBe(view.description);
    }
  });
  test('the worst point follows the data', () => {
    expect(pointsView(s, { ...DEFAULTS, data: [1, 1.5, 4.5] }, 400).description).toContain('x = 4.5');
  });
});
