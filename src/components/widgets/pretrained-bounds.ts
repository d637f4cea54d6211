/**
 * The pure side of the widgets that estimate the ELBO and 𝓛_K of one MNIST test image with the pretrained VAE in the
 * worker: which model, how many test images, the plan of worker requests (one per repeat, each with its own seed),
 * the summaries of their answers (src/core/bound-summary), and how the numbers are written. No DOM, no worker.
 */
import { differenceEstimate, meanEstimate, nonDecreasingWithin, type MeanEstimate } from '../../core/bound-summary';
import { formatNats } from './lab/numbers';
import { formatCount as formatGroupedCount } from '../../lib/numbers';

/** The pretrained checkpoint both widgets use (public/checkpoints/) and the dataset it was trained on. */
export const CHECKPOINT = 'mnist-z16';
export const DATASET = 'mnist';
/** Test images in the MNIST file (its header says so; a unit test keeps the two in step). */
export const TEST_COUNT = 2000;
/** Test images shown side by side in the picker's strip. */
export const STRIP_SIZE = 8;
/** Prior samples shown at once in chapter 1, in rows of `SAMPLE_COLUMNS`. */
export const SAMPLE_COUNT = 24;
export const SAMPLE_COLUMNS = 8;
/** The image a widget opens with. */
export const DEFAULT_IMAGE = 0;
/**
 * Every bound is for one fixed binarization of its image (seeded, so each request sees the same binary image): the
 * model was trained on binarized digits, and only then is its Bernoulli decoder a probability (chapter 1, nats).
 */
export const BINARIZE_SEED = 1;

/** One kind of estimate: the ELBO (K = 1 draws of its own) or the bound 𝓛_K, with how many independent repeats. */
export interface Series {
  readonly key: string;
  readonly k: number;
  readonly repeats: number;
}

/** The ELBO first, then the rungs of the ladder (each `k` once). */
export interface BoundPlan {
  readonly elbo: Series;
  readonly ladder: readonly Series[];
}

/** One worker request of a plan: the `repeat`-th estimate of `series` on `image`, with its own seed. */
export interface PlannedRequest {
  readonly series: string;
  readonly k: number;
  readonly image: number;
  readonly repeat: number;
  readonly seed: number;
}

/** A seed for each (image, series, repeat): hashed, so every estimate of every image draws its own ε. */
export function drawSeed(image: number, series: string, repeat: number): number {
  let h = 0x811c9dc5;
  const mix = (n: number) => (h = Math.imul(h ^ (n >>> 0), 0x01000193) >>> 0);
  mix(image);
  for (const char of series) mix(char.charCodeAt(0));
  mix(repeat);
  return h;
}

/** The ELBO series (K = 1) with `repeats` draws. */
export const elboSeries = (repeats: number): Series => ({ key: 'elbo', k: 1, repeats });
/** The 𝓛_K series with `repeats` independent estimates. */
export const boundSeries = (k: number, repeats: number): Series => ({ key: `L${k}`, k, repeats });

/**
 * Chapter 3: the ELBO from 100 draws and 𝓛_K for K = 1, 5, 50, 500 (2,550 draws of z in 180 requests per image, a few
 * seconds on wasm). The repeats shrink as K grows because 𝓛_K varies less: each standard error is about 0.3–0.7 nats.
 */
export const ELBO_GAP_PLAN: BoundPlan = Object.freeze({
  elbo: elboSeries(100),
  ladder: Object.freeze([boundSeries(1, 50), boundSeries(5, 20), boundSeries(50, 6), boundSeries(500, 4)]),
});
/** Chapter 1: the same ELBO draws and 𝓛₅₀₀ repeats as chapter 3 (the same seeds), so both agree on a shared image. */
export const PRIOR_SAMPLES_PLAN: BoundPlan = Object.freeze({
  elbo: elboSeries(100),
  ladder: Object.freeze([boundSeries(500, 4)]),
});

/** Every request of `plan` for `image`, in the order they are sent: the ELBO's draws, then each rung's repeats. */
export function planRequests(plan: BoundPlan, image: number): PlannedRequest[] {
  return [plan.elbo, ...plan.ladder].flatMap((series) =>
    Array.from({ length: series.repeats }, (_, repeat) => ({
      series: series.key,
      k: series.k,
      image,
      repeat,
      seed: drawSeed(image, series.key, repeat),
    })),
  );
}

/** How many z the plan draws in all: Σ K × repeats (the work, for the progress bar). */
export function planSamples(plan: BoundPlan): number {
  return [plan.elbo, ...plan.ladder].reduce((sum, series) => sum + series.k * series.repeats, 0);
}

/** The answers so far, by series key. */
export type BoundValues = ReadonlyMap<string, readonly number[]>;

/** What the widgets show: each estimate once all its repeats are in (null before), the gap, and whether 𝓛_K climbs. */
export interface BoundSummary {
  readonly elbo: MeanEstimate | null;
  readonly ladder: readonly { readonly k: number; readonly estimate: MeanEstimate | null }[];
  /** 𝓛 of the largest K minus the ELBO: a lower estimate of KL(q(z|x) ‖ p(z|x)). */
  readonly gap: MeanEstimate | null;
  /** Null until the whole ladder is in. */
  readonly climbs: boolean | null;
}

/** Summarises `values` for `plan`. */
export function summarize(plan: BoundPlan, values: BoundValues): BoundSummary {
  const done = (series: Series) => {
    const got = values.get(series.key);
    return got && got.length >= series.repeats ? meanEstimate(got.slice(0, series.repeats)) : null;
  };
  const elbo = done(plan.elbo);
  const ladder = plan.ladder.map((series) => ({ k: series.k, estimate: done(series) }));
  const top = ladder.at(-1)?.estimate ?? null;
  const complete = ladder.every((rung) => rung.estimate !== null);
  return {
    elbo,
    ladder,
    gap: elbo && top ? differenceEstimate(top, elbo) : null,
    climbs: complete ? nonDecreasingWithin(ladder.map((rung) => rung.estimate as MeanEstimate)) : null,
  };
}

/** Why a typed image number was refused. */
export type ImageNumberProblem = 'notANumber' | 'notAnInteger' | 'outOfRange';

/** Reads a test image number typed by the reader: a whole number from 0 to count − 1 (spaces and "#" allowed). */
export function parseImageNumber(
  raw: string,
  count = TEST_COUNT,
): { ok: true; value: number } | { ok: false; reason: ImageNumberProblem } {
  const text = raw
    .trim()
    .replace(/^#/, '')
    .replace(/[,_\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { ok: false, reason: 'notANumber' };
  const value = Number(text);
  if (!Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
  if (value < 0 || value > count - 1) return { ok: false, reason: 'outOfRange' };
  return { ok: true, value };
}

/** The first image of the strip that shows `image`: it sits about in the middle, and the strip stays inside the set. */
export function stripStart(image: number, count = TEST_COUNT, size = STRIP_SIZE): number {
  return Math.max(0, Math.min(image - Math.floor((size - 1) / 2), count - size));
}

/** A count with thousands separators, the same in both languages: 4,100. */
export const formatCount = (value: number): string => formatGroupedCount(value, 'en');

/** A standard error for people: two significant digits (0.28, 1.4); '—' when unknown. */
export function formatError(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 10 ? value.toFixed(0) : String(Number(value.toPrecision(2)));
}

/** "−104.8 ± 0.28": an estimate in nats with its standard error; '—' when missing. */
export function formatEstimate(estimate: Pick<MeanEstimate, 'mean' | 'standardError'> | null): string {
  if (!estimate) return '—';
  return `${formatNats(estimate.mean)} ± ${formatError(estimate.standardError)}`;
}

/** 𝓛 with K as a subscript: 𝓛₅₀₀. */
export function boundName(k: number): string {
  return `𝓛${String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string)}`;
}
