// One latent dimension of the encoder's Gaussian q = N(μ, σ²): move μ, or edit σ and run.
const mu = slider({ min: -3, max: 3, step: 0.1, value: 1, label: 'μ' });
const sigma = 0.5;
// The book's KL takes log σ² and works on [examples, dimensions] tensors: here one example, one dimension.
const muT = tf.tensor2d([[mu]]);
const logVarT = tf.tensor2d([[Math.log(sigma * sigma)]]);
const klClosed: number = gaussianKlPerDim(muT, logVarT).dataSync()[0]!;
klClosed
