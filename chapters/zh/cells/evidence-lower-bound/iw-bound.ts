// 一张 MNIST 测试图像，用本单元的随机数生成器二值化一次：
// 预训练模型就是在二值图像上训练的。
const { test } = await loadMnist();
const model = await loadPretrained('mnist-z16');
const index = 0; // 换一张测试图像试试
const grey = test.images.slice(index * 784, (index + 1) * 784);
const image = grey.map((p) => (rng.uniform() < p ? 1 : 0));
display(image);
// 把图像复制 500 份，每份抽一个 z_k ~ q(z|x)：K = 1 时，
// 每一行的下界就是一个对数权重 log w_k。
const draws = 500;
const copies = new Float32Array(draws * 784);
for (let k = 0; k < draws; k++) copies.set(image, k * 784);
const logWeights = importanceWeightedBound(model, copies, draws, 1, rng);
// L_K 是 K 个权重平均值的对数（logMeanExp）；
// 这里再对 500 / K 组互不重叠的 K 个样本取平均。
const averageBound = (k: number) => {
  let sum = 0;
  for (let group = 0; group < draws / k; group++) {
    sum += logMeanExp(logWeights.subarray(group * k, (group + 1) * k));
  }
  return sum / (draws / k);
};
const bounds = [1, 5, 50, 500].map((k) => ({ k, bound: averageBound(k) }));
display(
  Plot.plot({
    marginLeft: 50,
    x: { type: 'log', label: 'K' },
    y: { label: 'L_K, nats' },
    marks: [Plot.line(bounds, { x: 'k', y: 'bound' }), Plot.dot(bounds, { x: 'k', y: 'bound' })],
  }),
);
bounds
