/** What the widgets ask a trained model for, as plain arrays: reconstructions, prior samples, a decoded latent grid. */
import { tf } from './tf';
import type { VaeModel } from './model';
import { reparameterize, samplePrior, standardNormal } from './sampler';
import type { Rng } from './random';

/** Decodes `count` latent rows ([count, latent], row-major) to images in [0, 1]. */
export function decodeLatents(model: VaeModel, latents: Float32Array, count: number): Float32Array {
  const images = tf.tidy(() =>
    model.decode(tf.tensor2d(latents.subarray(0, count * model.config.latentSize), [count, model.config.latentSize])),
  );
  const pixels = Float32Array.from(images.dataSync());
  images.dispose();
  return pixels;
}

/** Reconstructions of `count` rows: decode(μ(x)), or decode(a sample z ~ q(z|x)) when `rng` is given. */
export function reconstructImages(model: VaeModel, pixels: Float32Array, count: number, rng?: Rng): Float32Array {
  const { inputSize, latentSize } = model.config;
  const images = tf.tidy(() => {
    const { mu, logVar } = model.encode(tf.tensor2d(pixels.subarray(0, count * inputSize), [count, inputSize]));
    const z = rng ? reparameterize(mu, logVar, standardNormal(rng, count, latentSize)) : mu;
    return model.decode(z);
  });
  const out = Float32Array.from(images.dataSync());
  images.dispose();
  return out;
}

/** `count` images decoded from z ~ N(0, I). */
export function sampleImages(model: VaeModel, count: number, rng: Rng): Float32Array {
  const images = tf.tidy(() => model.decode(samplePrior(rng, count, model.config.latentSize)));
  const out = Float32Array.from(images.dataSync());
  images.dispose();
  return out;
}

/** Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const tail =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? tail : -tail;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * A side × side grid of latent points for a 2-D manifold picture (Kingma & Welling, Fig. 4): evenly spaced
 * probabilities in (0, 1) pushed through Φ⁻¹ along dimensions `dims`, other dimensions 0. Row-major, y downwards.
 */
export function latentGrid(side: number, latentSize: number, dims: readonly [number, number] = [0, 1]): Float32Array {
  const grid = new Float32Array(side * side * latentSize);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const offset = (row * side + col) * latentSize;
      grid[offset + dims[0]] = normalQuantile((col + 0.5) / side);
      if (latentSize > 1) grid[offset + dims[1]] = normalQuantile(1 - (row + 0.5) / side);
    }
  }
  return grid;
}
