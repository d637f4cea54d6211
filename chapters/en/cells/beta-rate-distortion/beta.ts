// The notebook's own β: move it, and this cell and the chart below re-run.
const beta = slider({ min: 0.05, max: 10, step: 0.05, value: 1, label: 'β' });
const atBeta = rateDistortion(beta);
// The loss D + βR that training at this β minimises, and −ELBO = D + R, which
// only β = 1 brings down to the data's entropy 2.142.
({
  ...atBeta,
  loss: atBeta.distortion + beta * atBeta.rate,
  negativeElbo: atBeta.distortion + atBeta.rate,
})
