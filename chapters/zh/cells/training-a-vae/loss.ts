// 实验训练时用的损失，每张图一个数（单位：奈特）：重建损失 −log p(x|z) 对 784 个
// 像素求和，再加上 β 乘以 KL（对各个隐维度求和）。
// 改完之后，按下面的“用这个单元格训练实验”。
interface LossInputs {
  logits: tf.Tensor2D; // [batch, 784]，解码器在 sigmoid 之前的输出
  x: tf.Tensor2D; // [batch, 784]，二值化后的图像
  mu: tf.Tensor2D; // [batch, latent]
  logVar: tf.Tensor2D; // [batch, latent]
  z: tf.Tensor2D; // [batch, latent]，解码出这些 logits 的那个采样
  beta: number;
}
function loss({ logits, x, mu, logVar, beta }: LossInputs) {
  const reconstruction = bernoulliReconstruction(logits, x); // [batch]
  const kl = gaussianKlPerDim(mu, logVar).sum(1); // [batch]
  return reconstruction.add(kl.mul(beta));
}
// 拿两张全黑的图验算一下：logits 全为 0（每个像素都像抛硬币），q 等于先验，
// 所以每张图的损失是 784 · ln 2 ≈ 543.4 奈特，KL 一项为 0。
const blank = tf.zeros([2, 784]);
const prior = tf.zeros([2, 16]);
loss({ logits: blank, x: blank, mu: prior, logVar: prior, beta: 1 })
