// The lab's model before its first step: 784-256-16 with fresh weights (seed 1).
const fresh = createModel();
const { test } = await loadMnist();
// 64 test digits, each pixel redrawn as a coin flip with its grey level
// (dynamic binarization, as in training).
const grey = test.images.subarray(0, 64 * 784);
const coins = rng.fillUniform(new Float32Array(grey.length));
const x = tf.tensor2d(grey.map((g, i) => (coins[i]! < g ? 1 : 0)), [64, 784]);
const { mu, logVar } = fresh.encode(x);
const logits = fresh.decodeLogits(reparameterize(mu, logVar, randn(64, 16)));
const reconstruction = bernoulliReconstruction(logits, x).mean().dataSync()[0]!;
({
  reconstructionLoss: reconstruction, // nats per image
  perPixel: reconstruction / 784, // against ln 2 ≈ 0.693 for a coin flip
  logitSpread: Math.sqrt(tf.moments(logits).variance.dataSync()[0]!),
  kl: gaussianKlPerDim(mu, logVar).sum(1).mean().dataSync()[0]!, // nats per image
})
