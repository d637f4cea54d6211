// One-draw estimates of p(3) in the toy (w = 2, b = 1, s = 0.5): from the
// prior, and importance-weighted from q.
const toy = { w: 2, b: 1, s: 0.5 };
const x = 3;
// the chapter's rough guess; try the exact posterior's 0.941 and 0.243
const q = { mean: 0.9, sd: 0.3 };
const draws = 100000;
const logNormal = (v: number, mean: number, sd: number) =>
  -0.5 * Math.log(2 * Math.PI * sd * sd) - (v - mean) ** 2 / (2 * sd * sd);
const exact = Math.exp(logEvidence(toy, x));
// The relative spread of one draw, and the draws 10% accuracy needs in 16
// independent copies of the toy (chapter 2).
const summarize = (weights: number[]) => {
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  const relativeSd = Math.sqrt(weights.reduce((a, w) => a + (w - exact) ** 2, 0) / weights.length) / exact;
  return { mean, relativeSd, drawsFor10PercentIn16Dims: ((1 + relativeSd ** 2) ** 16 - 1) / 0.01 };
};
const naive: number[] = [];
const weighted: number[] = [];
for (let k = 0; k < draws; k++) {
  const zPrior = rng.normal(); // z ~ p(z): the weight is p(x|z)
  naive.push(Math.exp(logNormal(x, toy.w * zPrior + toy.b, toy.s)));
  // z ~ q: the weight is p(x|z) p(z) / q(z)
  const zq = q.mean + q.sd * rng.normal();
  const logWeight = logNormal(x, toy.w * zq + toy.b, toy.s) + logNormal(zq, 0, 1) - logNormal(zq, q.mean, q.sd);
  weighted.push(Math.exp(logWeight));
}
({ exact, prior: summarize(naive), q: summarize(weighted) })
