// Sixteen draws z ~ N(0, I), 16 numbers each, pushed through the book's
// pretrained decoder.
const decoder = await loadPretrained('mnist-z16');
const z = randn(16, decoder.config.latentSize);
// Each row of y holds one image's 784 pixel probabilities: what papers
// show as "samples".
const y = decoder.decode(z);
display(y);
// One coin per pixel, on when a uniform number falls below its probability:
// the grainy images the model really draws.
const coins = tf.tensor2d(rng.fillUniform(new Float32Array(16 * 784)), [16, 784]);
tf.cast(tf.less(coins, y), 'float32')
