// 玩具模型（w = 2、b = 1、s = 0.5）中 p(3) 的单样本估计：一种从先验抽样，
// 一种从 q 抽样再加重要性权重。
const toy = { w: 2, b: 1, s: 0.5 };
const x = 3;
// 本章那个粗略的猜测；试试精确后验的 0.941 和 0.243
const q = { mean: 0.9, sd: 0.3 };
const draws = 100000;
const logNormal = (v: number, mean: number, sd: number) =>
  -0.5 * Math.log(2 * Math.PI * sd * sd) - (v - mean) ** 2 / (2 * sd * sd);
const exact = Math.exp(logEvidence(toy, x));
// 单个样本的相对标准差，以及在 16 个独立玩具副本里
// 达到 10% 精度所需的样本数（见第 2 章）。
const summarize = (weights: number[]) => {
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  const relativeSd = Math.sqrt(weights.reduce((a, w) => a + (w - exact) ** 2, 0) / weights.length) / exact;
  return { mean, relativeSd, drawsFor10PercentIn16Dims: ((1 + relativeSd ** 2) ** 16 - 1) / 0.01 };
};
const naive: number[] = [];
const weighted: number[] = [];
for (let k = 0; k < draws; k++) {
  const zPrior = rng.normal(); // z ~ p(z)：权重就是 p(x|z)
  naive.push(Math.exp(logNormal(x, toy.w * zPrior + toy.b, toy.s)));
  const zq = q.mean + q.sd * rng.normal(); // z ~ q：权重是 p(x|z) p(z) / q(z)
  const logWeight = logNormal(x, toy.w * zq + toy.b, toy.s) + logNormal(zq, 0, 1) - logNormal(zq, q.mean, q.sd);
  weighted.push(Math.exp(logWeight));
}
({ exact, prior: summarize(naive), q: summarize(weighted) })
