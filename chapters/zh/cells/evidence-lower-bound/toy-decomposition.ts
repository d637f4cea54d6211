// 第 1、2 章的玩具模型（w = 2、b = 1、s = 0.5），取 x = 3；
// 高斯分布 q = N(μ_q, τ²) 由滑块设定。
const toy = { w: 2, b: 1, s: 0.5 };
const x = 3;
const qMean = slider({ min: -1, max: 3, step: 0.01, value: 0.9, label: 'μ_q' });
const qSd = slider({ min: 0.05, max: 1.5, step: 0.01, value: 0.3, label: 'τ' });
const q = { mean: qMean, variance: qSd ** 2 };
const bound = toyElbo(toy, x, q); // E_q log p(x|z) − KL(q ‖ p(z))
const gap = klToPosterior(toy, x, q); // KL(q ‖ p(z|x))
({
  elbo: bound,
  gap,
  elboPlusGap: bound + gap,
  logEvidence: logEvidence(toy, x),
  posterior: exactPosterior(toy, x),
})
