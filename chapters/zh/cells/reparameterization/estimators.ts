// 改 f（用张量运算写）或 q = N(μ, σ²) 再运行：对 ∂E[f(z)]/∂μ 的三种单样本估计，
// 在大量样本上统计。
const f = (z: tf.Tensor) => tf.square(z); // 试试 tf.sin，并取 mu = 0、sigma = 2
const mu = 1;
const sigma = 0.5;
const draws = 100000;
// 对每个样本 ε ~ N(0, 1)，每种估计器各给出一个估计值。
const perDraw = (m: number, s: number, eps: tf.Tensor) => {
  const z = tf.add(m, tf.mul(s, eps));
  const fz = f(z);
  const score = tf.div(eps, s); // ∂ log q / ∂μ = ε / σ
  return {
    pathwise: tf.grad((path: tf.Tensor) => tf.sum(f(path)))(z), // f′(μ + σε)
    scoreFunction: tf.mul(fz, score), // f(z) · ε / σ
    // (f(z) − b) · ε / σ, b = f(z) 的平均值（对 z² 就是 μ² + σ²）
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
  // 本章的闭式解，只对 f(z) = z² 成立：真实梯度 2μ 和三个方差。
  closedFormForSquare: {
    gradient: 2 * mu,
    pathwise: 4 * sigma ** 2,
    scoreFunction: mu ** 4 / sigma ** 2 + 14 * mu ** 2 + 15 * sigma ** 2,
    withBaseline: 8 * mu ** 2 + 10 * sigma ** 2,
  },
})
