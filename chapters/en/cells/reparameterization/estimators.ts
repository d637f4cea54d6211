// Edit f (in tensor ops) or q = N(μ, σ²) and run: three one-draw estimates of
// ∂E[f(z)]/∂μ, over many draws.
const f = (z: tf.Tensor) => tf.square(z); // try tf.sin, with mu = 0 and sigma = 2
const mu = 1;
const sigma = 0.5;
const draws = 100000;
// One estimate per draw ε ~ N(0, 1), for each estimator.
const perDraw = (m: number, s: number, eps: tf.Tensor) => {
  const z = tf.add(m, tf.mul(s, eps));
  const fz = f(z);
  const score = tf.div(eps, s); // ∂ log q / ∂μ = ε / σ
  return {
    pathwise: tf.grad((path: tf.Tensor) => tf.sum(f(path)))(z), // f′(μ + σε)
    scoreFunction: tf.mul(fz, score), // f(z) · ε / σ
    // (f(z) − b) · ε / σ, b = the mean of f(z) (μ² + σ² for z²)
    withBaseline: tf.mul(tf.sub(fz, tf.mean(fz)), score),
  };
};
const meanAndVariance = (t: tf.Tensor) => {
  const { mean, variance } = tf.moments(t);
  return { mean: mean.dataSync()[0]!, variance: variance.dataSync()[0]! };
};
const estimates = perDraw(mu, sigma, randn(draws));
({
  pathwise: meanAndVariance(estimates.pathwise),
  scoreFunction: meanAndVariance(estimates.scoreFunction),
  withBaseline: meanAndVariance(estimates.withBaseline),
  // The chapter's closed forms, valid only for f(z) = z²: the true gradient 2μ
  // and the three variances.
  closedFormForSquare: {
    gradient: 2 * mu,
    pathwise: 4 * sigma ** 2,
    scoreFunction: mu ** 4 / sigma ** 2 + 14 * mu ** 2 + 15 * sigma ** 2,
    withBaseline: 8 * mu ** 2 + 10 * sigma ** 2,
  },
})
