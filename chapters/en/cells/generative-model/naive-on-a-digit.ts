// The same two estimates on a real digit: 16 latent dimensions, the pretrained VAE,
// and the first test image, binarized once (the model was trained on binary digits).
const { test } = await loadMnist();
const vae = await loadPretrained('mnist-z16');
const digit = test.images.slice(0, 784).map((p) => (rng.uniform() < p ? 1 : 0));
const count = 500; // draws per estimate
const copies = tf.tile(tf.tensor2d(digit, [1, 784]), [count, 1]);
// From the prior: log p(x|z_k) for z_k ~ N(0, I), then log of their mean (chapter 1's estimate).
const fromPrior = tf.neg(bernoulliReconstruction(vae.decodeLogits(randn(count, vae.config.latentSize)), copies)).dataSync();
// From the encoder: one importance weight per row, z_k ~ q(z|x) (chapter 2), then log of their mean.
const fromEncoder = importanceWeightedBound(vae, copies.dataSync() as Float32Array, count, 1, rng);
({
  naive: logMeanExp(fromPrior),
  bestPriorDraw: Math.max(...fromPrior),
  withEncoder: logMeanExp(fromEncoder),
})
