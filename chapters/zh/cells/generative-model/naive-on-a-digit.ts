// 在真实数字上做同样的两种估计：16 个隐维度、预训练的 VAE，
// 以及第一张测试图像，二值化一次（模型就是在二值图像上训练的）。
const { test } = await loadMnist();
const vae = await loadPretrained('mnist-z16');
const digit = test.images.slice(0, 784).map((p) => (rng.uniform() < p ? 1 : 0));
const count = 500; // 每次估计的样本数
const copies = tf.tile(tf.tensor2d(digit, [1, 784]), [count, 1]);
// 从先验抽：对 z_k ~ N(0, I) 求 log p(x|z_k)，再取平均值的对数（第 1 章的估计）。
const fromPrior = tf.neg(bernoulliReconstruction(vae.decodeLogits(randn(count, vae.config.latentSize)), copies)).dataSync();
// 从编码器抽：每行一个重要性权重，z_k ~ q(z|x)（第 2 章），再取平均值的对数。
const fromEncoder = importanceWeightedBound(vae, copies.dataSync() as Float32Array, count, 1, rng);
({
  naive: logMeanExp(fromPrior),
  bestPriorDraw: Math.max(...fromPrior),
  withEncoder: logMeanExp(fromEncoder),
})
