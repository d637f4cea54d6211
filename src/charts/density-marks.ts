/** The marks chapters 1 and 3 share on their density charts over z: the three curves and each curve's name at its peak. */
import * as Plot from '@observablehq/plot';
import type { DensityPoint } from '../core/toys/marginal-likelihood-study';
import { COLORS, DASHES } from './marginal-likelihood';

/** A curve of DensityPoint. */
export type Curve = 'prior' | 'proposal' | 'posterior';

/** The point where `key` peaks. */
export function peakOf(curves: readonly DensityPoint[], key: Curve): DensityPoint {
  return curves.reduce((a, b) => (b[key] > a[key] ? b : a));
}

/** The zero line, p(z|x) shaded, p(z) dashed and q(z) solid (`proposal` sets its width, and whether it is clipped). */
export function densityCurveMarks(
  curves: readonly DensityPoint[],
  proposal: { readonly strokeWidth: number; readonly clip?: boolean },
): Plot.Markish[] {
  return [
    Plot.ruleY([0], { strokeOpacity: 0.5 }),
    Plot.areaY(curves, { x: 'z', y: 'posterior', fill: COLORS.posterior, fillOpacity: 0.25 }),
    Plot.line(curves, { x: 'z', y: 'posterior', stroke: COLORS.posterior, strokeWidth: 1.5 }),
    Plot.line(curves, { x: 'z', y: 'prior', stroke: COLORS.prior, strokeWidth: 2, strokeDasharray: DASHES.prior }),
    Plot.line(curves, { x: 'z', y: 'proposal', stroke: COLORS.proposal, ...proposal }),
  ];
}

/** A curve's name, in its colour, just above `at` (its peak); `shift` moves it sideways or changes its anchor. */
export function peakLabel(
  at: { readonly z: number; readonly y: number },
  curve: Curve,
  text: string,
  shift: { readonly dx?: number; readonly dy?: number; readonly textAnchor?: 'start' | 'end' } = {},
): Plot.Text {
  return Plot.text([at], { x: 'z', y: 'y', text: () => text, dy: -8, fill: COLORS[curve], fontWeight: 600, ...shift });
}
