/** Small pure helpers for the lab: the β slider's scale, the model's weight count, and number formats for people. */

/** Slider stops for β: fine near 1, where most of the action is, coarse towards 10; the field takes any value. */
export const BETA_STOPS: readonly number[] = Object.freeze([
  0, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 8, 10,
]);

/** The slider position of the stop nearest to β (in log space above 0). */
export function betaToSlider(beta: number): number {
  let best = 0;
  let bestDistance = Infinity;
  BETA_STOPS.forEach((stop, i) => {
    const distance = stop === 0 || beta <= 0 ? Math.abs(stop - beta) * 100 : Math.abs(Math.log(stop / beta));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}

/** The β at a slider position (clamped to the stops). */
export function sliderToBeta(position: number): number {
  const i = Math.min(BETA_STOPS.length - 1, Math.max(0, Math.round(position)));
  return BETA_STOPS[i] as number;
}

/** Weights of the book's MLP VAE: encoder input → hidden → 2·latent (μ and log σ²), decoder latent → hidden → input. */
export function parameterCountOf(inputSize: number, hiddenSize: number, latentSize: number): number {
  const encoder = inputSize * hiddenSize + hiddenSize + hiddenSize * 2 * latentSize + 2 * latentSize;
  const decoder = latentSize * hiddenSize + hiddenSize + hiddenSize * inputSize + inputSize;
  return encoder + decoder;
}

/** A loss in nats for the readout (src/lib/numbers.ts's compact format, under the name the lab's modules use). */
export { formatNatsCompact as formatNats } from '../../../lib/numbers';

/** A byte count as MB with one decimal (the downloads are 1–6 MB), or KB below 0.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 100_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** β as the reader typed it: up to 3 significant digits, no trailing zeros. */
export function formatBeta(beta: number): string {
  return String(Number(beta.toPrecision(3)));
}

/** Steps per second from two (step, time in ms) readings; null until there is a positive interval. */
export function stepsPerSecond(
  from: { step: number; at: number } | null,
  to: { step: number; at: number },
): number | null {
  if (!from || to.at <= from.at || to.step <= from.step) return null;
  return ((to.step - from.step) * 1000) / (to.at - from.at);
}
