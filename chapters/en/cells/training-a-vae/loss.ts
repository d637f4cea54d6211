// The loss the lab trains with, one number per image (nats): the reconstruction
// loss −log p(x|z), summed over the 784 pixels, plus β times the KL, summed over
// the latent dimensions. The lab also passes z, the sample the logits came from.
// Edit it, then press "Train the lab with this cell" below.
function loss({ logits, x, mu, logVar, beta }: { logits: tf.Tensor2D; x: tf.Tensor2D; mu: tf.Tensor2D; logVar: tf.Tensor2D; beta: number }) {
  const reconstruction = bernoulliReconstruction(logits, x); // [batch]
  const kl = gaussianKlPerDim(mu, logVar).sum(1); // [batch]
  return reconstruction.add(kl.mul(beta));
}
// A check on two blank images: logits 0 (every pixel a coin flip) and q equal to the
// prior, so each image costs 784 · ln 2 ≈ 543.4 nats and the KL adds nothing.
loss({ logits: tf.zeros([2, 784]), x: tf.zeros([2, 784]), mu: tf.zeros([2, 16]), logVar: tf.zeros([2, 16]), beta: 1 })
