// The same KL by Monte Carlo: the average of log q(z) − log p(z) over draws z ~ q.
const draws = 10000;
// z = μ + σ·ε with the book's reparameterize, ε ~ N(0, 1) from this cell's seeded generator
const zq = reparameterize(tf.tile(muT, [draws, 1]), tf.tile(logVarT, [draws, 1]), randn(draws, 1));
const logRatio = tf.sub(diagonalGaussianLogDensity(zq, muT, logVarT), standardNormalLogDensity(zq));
const { mean, variance } = tf.moments(logRatio);
({
  closedForm: klClosed,
  monteCarlo: mean.dataSync()[0]!,
  standardError: Math.sqrt(variance.dataSync()[0]! / draws),
})
