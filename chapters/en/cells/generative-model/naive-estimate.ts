// Chapter 1's toy: z ~ N(0, 1), x | z ~ N(wz + b, s²). Move x out to 9 and
// compare the median with the exact value.
const toy = { w: 2, b: 1, s: 0.5 };
const x = slider({ min: -9, max: 11, step: 0.5, value: 3, label: 'x' });
const draws = 100; // prior draws averaged in one estimate
const runs = 2000; // independent estimates
const likelihood = (z: number) =>
  Math.exp(-((x - toy.w * z - toy.b) ** 2) / (2 * toy.s ** 2)) / Math.sqrt(2 * Math.PI * toy.s ** 2);
const estimates: number[] = [];
for (let run = 0; run < runs; run++) {
  let sum = 0;
  for (let k = 0; k < draws; k++) sum += likelihood(rng.normal()); // z_k ~ p(z)
  estimates.push(sum / draws);
}
estimates.sort((a, b) => a - b);
const exact = Math.exp(logEvidence(toy, x));
({
  exact,
  meanOfEstimates: estimates.reduce((a, b) => a + b, 0) / runs,
  medianEstimate: estimates[runs / 2],
  runsBelowHalfExact: estimates.filter((e) => e < exact / 2).length / runs,
})
