// 用蒙特卡洛估计同一个 KL：对 z ~ q 的抽样，求 log q(z) − log p(z) 的平均。
const draws = 10000;
// 用书里的 reparameterize 得到 z = μ + σ·ε，ε ~ N(0, 1) 来自本单元带种子的随机数生成器
const zq = reparameterize(tf.tile(muT, [draws, 1]), tf.tile(logVarT, [draws, 1]), randn(draws, 1));
const logRatio = tf.sub(diagonalGaussianLogDensity(zq, muT, logVarT), standardNormalLogDensity(zq));
const { mean, variance } = tf.moments(logRatio);
({
  closedForm: klClosed,
  monteCarlo: mean.dataSync()[0]!,
  standardError: Math.sqrt(variance.dataSync()[0]! / draws),
})
