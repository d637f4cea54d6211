// 用循环扫一遍 β，模型是第 1 章的玩具（w = 2、b = 1、s = 0.5），
// 数据也从它生成：x ~ N(1, 4.25)。
// 全是精确的闭式解，不训练：解码器固定，
// 每个 β 配上本章推出的最优编码器 N(c(x − b), τ²)。
const toy = { w: 2, b: 1, s: 0.5 };
const spread = Math.sqrt(toy.w ** 2 + toy.s ** 2);
// D 和 R 是 expectedLogLikelihood 和 klToPrior 对 x 的平均；
// 两者都是 x 的二次函数，所以取 b ± √(w² + s²) 两点的平均就是精确值。
const rateDistortion = (beta: number) => {
  const c = toy.w / (toy.w ** 2 + beta * toy.s ** 2);
  const tau2 = (beta * toy.s ** 2) / (toy.w ** 2 + beta * toy.s ** 2);
  const q = (x: number) => ({ mean: c * (x - toy.b), variance: tau2 });
  const xs = [toy.b - spread, toy.b + spread];
  const distortion = -xs.reduce((sum, x) => sum + expectedLogLikelihood(toy, x, q(x)), 0) / 2;
  const rate = xs.reduce((sum, x) => sum + klToPrior(q(x)), 0) / 2;
  return { beta, c, tau: Math.sqrt(tau2), rate, distortion };
};
// 前沿曲线：β 从 0.05 到约 20；最后是本章表格的三行（β = 0.25、1、4）。
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
