// q 变窄时单样本估计的方差，f 和 μ 取自上面的单元（每个点 20000 个样本）。
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
// σ = 0.1、f(z) = z² 时，本章的闭式解是 0.04、114.15 和 8.1。
sweep.filter((row) => row.sigma === 0.1)
