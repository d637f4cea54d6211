/**
 * The points the lab's chart builders draw (chapter 5's race reuses two): plain data in nats per image, defined here so
 * chart builders depend on nothing above them. The lab's history (src/components/widgets/lab/history.ts) builds them.
 */

/** One training metrics event, nats per image: −ELBO = reconstruction + KL, objective = reconstruction + β·KL. */
export interface LossPoint {
  readonly step: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly negElbo: number;
  readonly objective: number;
  readonly beta: number;
}

/** An evaluation on held-out images at `step`, nats per image. */
export interface HeldOutPoint {
  readonly step: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly negElbo: number;
}

/** β went from `from` to `to` between the previous pushed point and the one at `step`. */
export interface BetaChange {
  readonly step: number;
  readonly from: number;
  readonly to: number;
}

/** A point on the rate–distortion plane: rate = KL, distortion = reconstruction (nats per image). */
export interface RatePoint {
  readonly step: number;
  readonly rate: number;
  readonly distortion: number;
}
