// 实验室的模型在第一步之前：784-256-16，权重刚初始化（种子 1）。
const fresh = createModel();
const { test } = await loadMnist();
// 64 张测试数字，每个像素按它的灰度重新抛一次硬币
// （动态二值化，和训练时一样）。
const grey = test.images.subarray(0, 64 * 784);
const coins = rng.fillUniform(new Float32Array(grey.length));
const x = tf.tensor2d(grey.map((g, i) => (coins[i]! < g ? 1 : 0)), [64, 784]);
const { mu, logVar } = fresh.encode(x);
const logits = fresh.decodeLogits(reparameterize(mu, logVar, randn(64, 16)));
const reconstruction = bernoulliReconstruction(logits, x).mean().dataSync()[0]!;
({
  reconstructionLoss: reconstruction, // 每张图的奈特数
  perPixel: reconstruction / 784, // 对比抛硬币的 ln 2 ≈ 0.693
  logitSpread: Math.sqrt(tf.moments(logits).variance.dataSync()[0]!),
  kl: gaussianKlPerDim(mu, logVar).sum(1).mean().dataSync()[0]!, // 每张图的奈特数
})
