// The loss the lab trains with, one number per image (nats): the reconstruction
// loss −log p(x|z), summed over the 784 pixels, plus β times the KL, summed over
// the latent dimensions.
// Edit it, then press "Train the lab with this cell" below.
interface LossInputs {
  logits: tf.Tensor2D; // [batch, 784], the decoder's output before the sigmoid
  x: tf.Tensor2D; // [batch, 784], the binarized images
  mu: tf.Tensor2D; // [batch, latent]
  logVar: tf.Tensor2D; // [batch, latent]
  z: tf.Tensor2D; // [batch, latent], the sample the logits were decoded from
  beta: number;
}
function loss({ logits, x, mu, logVar, beta }: LossInputs) {
  const reconstruction = bernoulliReconstruction(logits, x); // [batch]
  const kl = gaussianKlPerDim(mu, logVar).sum(1); // [batch]
  return reconstruction.add(kl.mul(beta));
}
// A check on two blank images: logits 0 (every pixel a coin flip) and q equal to the
// prior, so each image costs 784 · ln 2 ≈ 543.4 nats and the KL adds nothing.
const blank = tf.zeros([2, 784]);
const prior = tf.zeros([2, 16]);
loss({ logits: blank, x: blank, mu: prior, logVar: prior, beta: 1 })
