// A β sweep as a loop, on chapter 1's toy (w = 2, b = 1, s = 0.5) with the
// data drawn from it, x ~ N(1, 4.25).
// Exact closed forms, no training: the decoder is fixed and each β gets this
// chapter's best encoder N(c(x − b), τ²).
const toy = { w: 2, b: 1, s: 0.5 };
const spread = Math.sqrt(toy.w ** 2 + toy.s ** 2);
// D and R average expectedLogLikelihood and klToPrior over x; both are
// quadratic in x, so the mean at b ± √(w² + s²) is exact.
const rateDistortion = (beta: number) => {
  const c = toy.w / (toy.w ** 2 + beta * toy.s ** 2);
  const tau2 = (beta * toy.s ** 2) / (toy.w ** 2 + beta * toy.s ** 2);
  const q = (x: number) => ({ mean: c * (x - toy.b), variance: tau2 });
  const xs = [toy.b - spread, toy.b + spread];
  const distortion = -xs.reduce((sum, x) => sum + expectedLogLikelihood(toy, x, q(x)), 0) / 2;
  const rate = xs.reduce((sum, x) => sum + klToPrior(q(x)), 0) / 2;
  return { beta, c, tau: Math.sqrt(tau2), rate, distortion };
};
// The frontier: β from 0.05 to about 20, then the chapter's three
// rows (β = 0.25, 1, 4).
const frontier: ReturnType<typeof rateDistortion>[] = [];
for (let i = 0; i <= 33; i++) frontier.push(rateDistortion(0.05 * 1.2 ** i));
display(
  Plot.plot({
    x: { label: 'R, nats' },
    y: { label: 'D, nats' },
    marks: [Plot.line(frontier, { x: 'rate', y: 'distortion' })],
  }),
);
[0.25, 1, 4].map(rateDistortion)
