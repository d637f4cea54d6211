// 笔记本自己的 β：拖动它，本单元和下面的图都会重新运行。
const beta = slider({ min: 0.05, max: 10, step: 0.05, value: 1, label: 'β' });
const atBeta = rateDistortion(beta);
// 在这个 β 下训练所最小化的损失 D + βR，以及 −ELBO = D + R；
// 只有 β = 1 能把后者降到数据的熵 2.142。
({
  ...atBeta,
  loss: atBeta.distortion + beta * atBeta.rate,
  negativeElbo: atBeta.distortion + atBeta.rate,
})
