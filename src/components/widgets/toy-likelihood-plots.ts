/**
 * The toy-likelihood widget's three charts as data: the numbers each plots (shared with its "show as table"), the
 * description the page shows and the pure Plot spec from src/charts. No DOM; the render module calls Plot.plot.
 */
import { logLikelihoodOverW } from '../../core/toys/maximum-likelihood';
import {
  curveChart,
  densityChart,
  pointsChart,
  type CurvePoint,
  type DataPoint,
  type PointBar,
} from '../../charts/toy-likelihood';
import { fill, type ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import {
  CURVE_POINTS,
  LIMITS,
  densityCurve,
  densityRange,
  formatNats,
  formatValue,
  modelOf,
  pointName,
  readout,
  type Settings,
} from './toy-likelihood-state';
import { thetaText } from './toy-likelihood-view';
import type { ChartView } from './chart-view';

/** Each data point with the density the model gives it. */
export function densityPoints(settings: Settings): DataPoint[] {
  const r = readout(settings);
  return settings.data.map((x, i) => ({ x, density: Math.exp(r.points[i] as number) }));
}

/** One bar per data point: its name and log p(x⁽ⁱ⁾). */
export function pointBars(s: ToyLikelihoodStrings, settings: Settings): PointBar[] {
  const r = readout(settings);
  return settings.data.map((x, i) => ({ name: pointName(s, i, x), logLikelihood: r.points[i] as number }));
}

/** ℓ over the w slider's range, b and s held. */
export const curveOverW = (settings: Settings): CurvePoint[] =>
  logLikelihoodOverW(modelOf(settings), settings.data, [LIMITS.w.min, LIMITS.w.max], CURVE_POINTS);

/** The current w and ℓ there. */
export const currentPoint = (settings: Settings): CurvePoint => ({
  w: settings.w,
  logLikelihood: readout(settings).total,
});

/** The model's density N(x; b, w² + s²) with the data under it; the peak of the maximum's density as a fixed reference. */
export function densityView(s: ToyLikelihoodStrings, settings: Settings, width: number): ChartView {
  const r = readout(settings);
  const description = fill(s.densityDescription, { b: formatValue(settings.b), variance: formatValue(r.variance) });
  const data = {
    curve: densityCurve(settings, densityRange(settings.data)),
    points: densityPoints(settings),
    referencePeak: 1 / Math.sqrt(2 * Math.PI * r.maximum.variance),
  };
  const labels = { x: s.densityAxisX, density: s.densityAxisY, curve: s.densityCurve };
  return {
    description,
    spec: densityChart(data, { width, labels, ariaLabel: s.densityAria, ariaDescription: description }),
  };
}

/** Each point's log p as a bar; the description names the worst-explained point. */
export function pointsView(s: ToyLikelihoodStrings, settings: Settings, width: number): ChartView {
  const rows = pointBars(s, settings);
  const worst = rows.reduce((a, b) => (b.logLikelihood < a.logLikelihood ? b : a));
  const worstX = settings.data[rows.indexOf(worst)] as number;
  const description = fill(s.pointsDescription, {
    total: formatNats(readout(settings).total),
    worst: formatValue(worstX),
    worstValue: formatNats(worst.logLikelihood),
  });
  return {
    description,
    spec: pointsChart(rows, {
      width,
      labels: { axis: s.pointsAxis },
      format: formatNats,
      ariaLabel: s.pointsAria,
      ariaDescription: description,
    }),
  };
}

/** ℓ over w with the current w, the best w for b and s, and the maximum over all θ as a ceiling. */
export function curveView(s: ToyLikelihoodStrings, settings: Settings, width: number): ChartView {
  const r = readout(settings);
  const description = fill(s.curveDescription, {
    ...thetaText(settings),
    total: formatNats(r.total),
    bestW: formatValue(Math.abs(r.bestW)),
    bestValue: formatNats(r.bestWLogLikelihood),
    max: formatNats(r.maximum.logLikelihood),
  });
  const labels = {
    w: s.curveAxisX,
    logLikelihood: s.curveAxisY,
    now: s.curveNow,
    best: s.curveBest,
    ceiling: s.curveCeiling,
  };
  const data = {
    curve: curveOverW(settings),
    current: currentPoint(settings),
    best: { w: r.bestW, logLikelihood: r.bestWLogLikelihood },
    ceiling: r.maximum.logLikelihood,
  };
  return {
    description,
    spec: curveChart(data, { width, labels, ariaLabel: s.curveAria, ariaDescription: description }),
  };
}
