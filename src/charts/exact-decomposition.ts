/**
 * Pure Plot specs for chapter 3's exact-decomposition widget: −ELBO drawn twice as a horizontal bar, once split into
 * reconstruction cost + KL(q ‖ p(z)) and once into −log p(x) + gap, and the densities p(z), p(z|x), q(z) over z.
 * Everything is drawn as a cost (−log): all parts are then lengths pointing the same way, and "ELBO + gap = log p(x)"
 * reads as "two bars of equal length, one of which has a fixed first part".
 */
import * as Plot from '@observablehq/plot';
import type { DensityPoint } from '../core/toys/marginal-likelihood-study';
import { COLORS as DENSITY_COLORS, type ChartSize } from './marginal-likelihood';
import { valueAxis } from './ticks';
import { densityCurveMarks, peakLabel, peakOf } from './density-marks';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { approxTextWidth, chartFrame } from './frame';

/** The four parts of the two bars. */
export type Part = 'reconstruction' | 'klPrior' | 'evidence' | 'gap';

/** Part colours: CSS custom properties set per theme in src/styles/widgets.css (fallbacks for a bare SVG). */
export const PART_COLORS: Readonly<Record<Part, string>> = Object.freeze({
  reconstruction: 'var(--ed-reconstruction, #2f5597)',
  klPrior: 'var(--ed-kl-prior, #a3410f)',
  evidence: 'var(--ed-evidence, #595959)',
  gap: 'var(--ed-gap, #8e2c7a)',
});
/** Text drawn on a bar: contrasts with every part colour of the same theme. */
const ON_BAR = 'var(--ed-on-bar, #ffffff)';

const CLASS = PLOT_CLASSES.exactDecomposition;

/** The identity's terms as costs in nats: reconstructionCost + klPrior = −ELBO = negEvidence + gap. */
export interface DecompositionTerms {
  /** −E_q[log p(x|z)]. */
  readonly reconstructionCost: number;
  /** KL(q ‖ p(z)). */
  readonly klPrior: number;
  /** −log p(x). */
  readonly negEvidence: number;
  /** KL(q ‖ p(z|x)). */
  readonly gap: number;
}

/** One piece of a bar: `row` 1 is the ELBO's own split (top), row 0 the evidence and the gap (bottom). */
export interface Segment {
  readonly row: 0 | 1;
  readonly part: Part;
  readonly x1: number;
  readonly x2: number;
}

/** The four segments, each starting where the previous one of its bar ends. */
export function barSegments(terms: DecompositionTerms): Segment[] {
  const { reconstructionCost, klPrior, negEvidence, gap } = terms;
  return [
    { row: 1, part: 'reconstruction', x1: 0, x2: reconstructionCost },
    { row: 1, part: 'klPrior', x1: reconstructionCost, x2: reconstructionCost + klPrior },
    { row: 0, part: 'evidence', x1: 0, x2: negEvidence },
    { row: 0, part: 'gap', x1: negEvidence, x2: negEvidence + gap },
  ];
}

/**
 * The x domain [0, −log p(x)·2ᵏ] with the smallest k ≥ 1 that fits both bars. The −log p(x) line then stays put while
 * q moves, and jumps only when the bars outgrow the axis (or shrink to half of it). Falls back to the bars' extent
 * when −log p(x) ≤ 0, which chapter 1's toy never reaches.
 */
export function barDomain(terms: DecompositionTerms): [number, number] {
  const ends = barSegments(terms).flatMap((s) => [s.x1, s.x2]);
  const lo = Math.min(0, ...ends);
  const hi = Math.max(...ends);
  if (!(terms.negEvidence > 0)) return [lo * 1.05, Math.max(hi * 1.05, 1e-9)];
  const k = Math.max(1, Math.ceil(Math.log2((hi * 1.04) / terms.negEvidence)));
  return [lo, terms.negEvidence * 2 ** k];
}

export interface BarsOptions extends ChartSize {
  readonly labels: {
    readonly axis: string;
    readonly rowElbo: string;
    readonly rowEvidence: string;
    readonly rule: string;
    readonly parts: Readonly<Record<Part, string>>;
  };
  /** Formats a value (nats) for the labels on the bars and the rule. */
  readonly format: (value: number) => string;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

const MARGIN = Object.freeze({ left: 12, right: 18 });
const HALO = Object.freeze({
  fill: 'currentColor',
  stroke: 'var(--bg, #ffffff)',
  strokeWidth: 4,
  paintOrder: 'stroke',
});
const BAR_HALF = 0.2;

/** The two bars with their parts labelled where a label fits, the row names above them, and the −log p(x) line. */
export function decompositionChart(terms: DecompositionTerms, options: BarsOptions): Plot.PlotOptions {
  const { labels, format } = options;
  const segments = barSegments(terms);
  const [lo, hi] = barDomain(terms);
  const pxPerNat = (options.width - MARGIN.left - MARGIN.right) / (hi - lo);
  // A part is labelled "name value" if that fits inside it, else just the value, else not at all (the legend and the
  // table still name it).
  const segmentLabel = (s: Segment): string => {
    const room = Math.abs(s.x2 - s.x1) * pxPerNat - 8;
    const named = `${labels.parts[s.part]} ${format(s.x2 - s.x1)}`;
    if (approxTextWidth(named) <= room) return named;
    return approxTextWidth(format(s.x2 - s.x1)) <= room ? format(s.x2 - s.x1) : '';
  };
  const labelled = segments
    .map((s) => ({ ...s, text: segmentLabel(s), mid: (s.x1 + s.x2) / 2 }))
    .filter((s) => s.text !== '');
  const rows = [
    { row: 1, text: labels.rowElbo },
    { row: 0, text: labels.rowEvidence },
  ];
  const ruleText = `${labels.rule} = ${format(terms.negEvidence)}`;
  const ruleOnRight =
    (terms.negEvidence - lo) * pxPerNat + approxTextWidth(ruleText) + 6 <= options.width - MARGIN.left - MARGIN.right;
  return {
    ...chartFrame(CLASS, options, 200),
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginTop: 22,
    marginBottom: 40,
    x: {
      domain: [lo, hi],
      label: labels.axis,
      labelAnchor: 'right',
      labelOffset: 36,
      ticks: Math.max(3, Math.floor(options.width / 90)),
    },
    y: { domain: [-0.35, 1.62], axis: null },
    marks: [
      ...(['solid', 'gap'] as const).map((kind) =>
        Plot.rect(
          segments.filter((seg) => (seg.part === 'gap') === (kind === 'gap')),
          {
            x1: 'x1',
            x2: 'x2',
            y1: (seg: Segment) => seg.row - BAR_HALF,
            y2: (seg: Segment) => seg.row + BAR_HALF,
            fill: (seg: Segment) => PART_COLORS[seg.part],
            stroke: 'currentColor',
            // The gap is also told apart by its dashed outline, not only by its colour.
            strokeWidth: kind === 'gap' ? 1.5 : 0.5,
            strokeDasharray: kind === 'gap' ? '4 2' : 'none',
          },
        ),
      ),
      Plot.ruleX([terms.negEvidence], { y1: -0.3, y2: 1.58, stroke: 'currentColor', strokeWidth: 2 }),
      // Drawn after the line, with a halo in the part's own colour, so the line never cuts through a label on a bar.
      Plot.text(labelled, {
        x: 'mid',
        y: 'row',
        text: 'text',
        fill: ON_BAR,
        stroke: (s: Segment) => PART_COLORS[s.part],
        strokeWidth: 4,
        paintOrder: 'stroke',
        fontSize: 11,
        fontWeight: 600,
      }),
      // The row names cross the −log p(x) line; a halo in the background colour keeps them readable.
      Plot.text(rows, {
        x: lo,
        y: (r: { row: number }) => r.row + BAR_HALF,
        text: 'text',
        textAnchor: 'start',
        dy: -9,
        fontWeight: 600,
        ...HALO,
      }),
      Plot.text([terms.negEvidence], {
        x: (d: number) => d,
        y: 1.58,
        text: () => ruleText,
        textAnchor: ruleOnRight ? 'start' : 'end',
        dx: ruleOnRight ? 5 : -5,
        dy: -2,
        fontWeight: 600,
        ...HALO,
      }),
    ],
  };
}

// ─── Densities over z ─────────────────────────────────────────────────────────────────────────────────────────────

export interface DensityOptions extends ChartSize {
  readonly labels: {
    readonly z: string;
    readonly density: string;
    readonly prior: string;
    readonly posterior: string;
    readonly q: string;
  };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** How far above the taller of p(z) and p(z|x) the y axis reaches; a narrower q is clipped there (and its label says "↑"). */
const Y_HEADROOM = 2.2;

/** p(z) dashed, p(z|x) shaded, q(z) solid. A q much narrower than the posterior is cut off at the top, not squashing the rest. */
export function densityChart(curves: readonly DensityPoint[], options: DensityOptions): Plot.PlotOptions {
  const { labels } = options;
  const [priorPeak, postPeak, qPeak] = (['prior', 'posterior', 'proposal'] as const).map((key) =>
    peakOf(curves, key),
  ) as [DensityPoint, DensityPoint, DensityPoint];
  const reference = Math.max(priorPeak.prior, postPeak.posterior, 1e-9);
  const qClipped = qPeak.proposal > reference * Y_HEADROOM;
  const top = qClipped ? reference * Y_HEADROOM : Math.max(reference, qPeak.proposal);
  return {
    ...chartFrame(CLASS, options, 240),
    marginLeft: 44,
    marginRight: 16,
    x: { label: labels.z, labelAnchor: 'right' },
    y: valueAxis(labels.density, top, 4, 1.12),
    marks: [
      ...densityCurveMarks(curves, { strokeWidth: 2.5, clip: true }),
      peakLabel({ z: priorPeak.z, y: priorPeak.prior }, 'prior', labels.prior),
      peakLabel({ z: postPeak.z, y: postPeak.posterior }, 'posterior', labels.posterior, { dx: -6, textAnchor: 'end' }),
      Plot.text([{ z: qPeak.z, y: Math.min(qPeak.proposal, top) }], {
        x: 'z',
        y: 'y',
        text: () => (qClipped ? `${labels.q} ↑` : labels.q),
        dy: qClipped ? 0 : -8,
        dx: 6,
        textAnchor: 'start',
        fill: DENSITY_COLORS.proposal,
        fontWeight: 600,
      }),
    ],
  };
}
