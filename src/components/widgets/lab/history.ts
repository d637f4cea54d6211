/**
 * The VAE lab's training history: loss points thinned to a fixed budget that still spans the whole run, held-out
 * evaluations, and every β change. Pure data, no DOM, so the widget client and the chart builders can share it.
 */
import type { BetaChange, HeldOutPoint, LossPoint, RatePoint } from '../../../charts/lab/types';
import type { MetricsEventDetail } from '../../../lib/page-events';

/** The points this history builds (the chart layer owns the types: src/charts/lab/types.ts). */
export type { BetaChange, HeldOutPoint, LossPoint, RatePoint };

/** A step's loss terms as the page reads them (ELBO, not −ELBO): the page's one reading type, not a copy of it. */
export type LossTerms = Omit<MetricsEventDetail, 'step'>;

/** A LossPoint from a metrics event's terms, turning its ELBO into −ELBO. */
export function lossPoint(step: number, terms: LossTerms): LossPoint {
  const { reconstruction, kl, elbo, objective, beta } = terms;
  return { step, reconstruction, kl, negElbo: -elbo, objective, beta };
}

/** A HeldOutPoint from a metrics event's `heldOut` terms, turning its ELBO into −ELBO. */
export function heldOutPoint(step: number, terms: Omit<LossTerms, 'objective' | 'beta'>): HeldOutPoint {
  return { step, reconstruction: terms.reconstruction, kl: terms.kl, negElbo: -terms.elbo };
}

/**
 * Keeps at most `capacity` items spread evenly (by push count) over everything pushed: when full, every other kept
 * item goes (the first stays) and the stride doubles. The newest item is always available, kept or not.
 */
class Thinned<T> {
  private kept: T[] = [];
  private newest: T | null = null;
  private pushed = 0;
  private stride = 1;
  private cache: readonly T[] | null = null;

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    if (this.pushed % this.stride === 0) {
      if (this.kept.length >= this.capacity) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
      if (this.pushed % this.stride === 0) this.kept.push(item);
    }
    this.newest = item;
    this.pushed += 1;
    this.cache = null;
  }

  /** Forgets every item after the last one that passes `keep` (items are kept in push order). */
  dropAfter(keep: (item: T) => boolean): void {
    const end = this.kept.findLastIndex(keep);
    this.kept = this.kept.slice(0, end + 1);
    if (this.newest !== null && !keep(this.newest)) this.newest = this.kept[this.kept.length - 1] ?? null;
    this.cache = null;
  }

  /** The kept items with the newest appended when it was not kept itself. */
  items(): readonly T[] {
    if (this.cache) return this.cache;
    const last = this.kept[this.kept.length - 1];
    this.cache = this.newest === null || last === this.newest ? this.kept.slice() : [...this.kept, this.newest];
    return this.cache;
  }

  latest(): T | null {
    return this.newest;
  }
}

/** The training history of one run, bounded in memory however long the run goes. */
export class MetricHistory {
  private training: Thinned<LossPoint>;
  private evaluations: Thinned<HeldOutPoint>;
  private changes: BetaChange[] = [];

  /** Keeps at most `maxPoints` training points (and as many held-out points), plus the latest of each. */
  constructor(private readonly maxPoints = 2000) {
    if (!Number.isInteger(maxPoints) || maxPoints < 2)
      throw new RangeError(`maxPoints must be an integer ≥ 2, got ${maxPoints}`);
    this.training = new Thinned(maxPoints);
    this.evaluations = new Thinned(maxPoints);
  }

  /** Records a training point, and a β change when its β differs from the previous pushed point's. */
  push(point: LossPoint): void {
    const previous = this.training.latest();
    if (previous && previous.beta !== point.beta)
      this.changes.push({ step: point.step, from: previous.beta, to: point.beta });
    this.training.push(point);
  }

  /** Records a held-out evaluation. */
  pushHeldOut(point: HeldOutPoint): void {
    this.evaluations.push(point);
  }

  /** The kept training points in push order, the latest one last. */
  points(): readonly LossPoint[] {
    return this.training.items();
  }

  /** The kept held-out evaluations in push order, the latest one last. */
  heldOut(): readonly HeldOutPoint[] {
    return this.evaluations.items();
  }

  /** Every β change since the last clear, in order (never thinned). */
  betaChanges(): readonly BetaChange[] {
    return this.changes;
  }

  /** The most recent training point, or null before the first push. */
  latest(): LossPoint | null {
    return this.training.latest();
  }

  /** Forgets the points, evaluations and β changes after `step`, when training went back to that step. */
  rewind(step: number): void {
    this.training.dropAfter((point) => point.step <= step);
    this.evaluations.dropAfter((point) => point.step <= step);
    this.changes = this.changes.filter((change) => change.step <= step);
  }

  /** Forgets everything, as for a new run. */
  clear(): void {
    this.training = new Thinned(this.maxPoints);
    this.evaluations = new Thinned(this.maxPoints);
    this.changes = [];
  }

  /** How many training points `points()` returns now. */
  get size(): number {
    return this.training.items().length;
  }
}

/** The run's path across the rate–distortion plane, one point per kept training point. */
export function ratePoints(history: MetricHistory): RatePoint[] {
  return history.points().map((p) => ({ step: p.step, rate: p.kl, distortion: p.reconstruction }));
}
