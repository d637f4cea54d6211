// 实验训练时用的损失，每张图一个数（单位：奈特）：重建损失 −log p(x|z) 对 784 个
// 像素求和，再加上 β 乘以 KL（对各个隐维度求和）。实验还会传入 z，
// 也就是这些 logits 所对应的那个采样。
// 改完之后，按下面的“用这个单元格训练实验”。
function loss({ logits, x, mu, logVar, beta }: { logits: tf.Tensor2D; x: tf.Tensor2D; mu: tf.Tensor2D; logVar: tf.Tensor2D; beta: number }) {
  const reconstruction = bernoulliReconstruction(logits, x); // [batch]
  const kl = gaussianKlPerDim(mu, logVar).sum(1); // [batch]
  return reconstruction.add(kl.mul(beta));
}
// 拿两张全黑的图验算一下：logits 全为 0（每个像素都像抛硬币），q 等于先验，
// 所以每张图的损失是 784 · ln 2 ≈ 543.4 奈特，KL 一项为 0。
loss({ logits: tf.zeros([2, 784]), x: tf.zeros([2, 784]), mu: tf.zeros([2, 16]), logVar: tf.zeros([2, 16]), beta: 1 })
