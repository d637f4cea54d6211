// One test image, the pretrained encoder and decoder, and one draw z ~ q(z|x).
const { test } = await loadMnist();
const model = await loadPretrained('mnist-z16');
const index = 0; // try another test image
const image = tf.tensor2d(test.images.slice(index * 784, (index + 1) * 784), [1, 784]);
const posterior = model.encode(image);
const code = reparameterize(posterior.mu, posterior.logVar, randn(1, model.config.latentSize));
const logits = model.decodeLogits(code);
// left: the image x; right: the decoder's pixel probabilities for this one z
display(tf.concat([image, tf.sigmoid(logits)]));
// −log p(x|z) in nats, summed over the 784 pixels: the reconstruction loss of this single draw
bernoulliReconstruction(logits, image).dataSync()[0]
