// The variance of one draw's estimate as q narrows, for the f and μ of the
// cell above (20,000 draws per point).
const sigmas = [0.05, 0.1, 0.2, 0.5, 1, 2];
const sweep = sigmas.flatMap((s) =>
  tf.tidy(() => {
    const byEstimator = perDraw(mu, s, randn(20000));
    return Object.entries(byEstimator).map(([estimator, t]) => {
      return { sigma: s, estimator, variance: tf.moments(t).variance.dataSync()[0]! };
    });
  }),
);
display(
  Plot.plot({
    x: { type: 'log', label: 'σ' },
    y: { type: 'log', label: 'Var' },
    marginRight: 100,
    marks: [
      Plot.line(sweep, { x: 'sigma', y: 'variance', stroke: 'estimator' }),
      Plot.dot(sweep, { x: 'sigma', y: 'variance', fill: 'estimator' }),
      Plot.text(sweep, Plot.selectLast({ x: 'sigma', y: 'variance', z: 'estimator', text: 'estimator', dx: 6, textAnchor: 'start' })),
    ],
  }),
);
// At σ = 0.1 and f(z) = z² the chapter's closed forms give 0.04, 114.15 and 8.1.
sweep.filter((row) => row.sigma === 0.1)
