// 一张测试图像、预训练的编码器和解码器，以及一次抽样 z ~ q(z|x)。
const { test } = await loadMnist();
const model = await loadPretrained('mnist-z16');
const index = 0; // 换一张测试图像试试
const image = tf.tensor2d(test.images.slice(index * 784, (index + 1) * 784), [1, 784]);
const posterior = model.encode(image);
const code = reparameterize(posterior.mu, posterior.logVar, randn(1, model.config.latentSize));
const logits = model.decodeLogits(code);
// 左：图像 x；右：对这一个 z，解码器给出的各像素概率
display(tf.concat([image, tf.sigmoid(logits)]));
// −log p(x|z)，单位是奈特，对 784 个像素求和：这一次抽样的重构损失
bernoulliReconstruction(logits, image).dataSync()[0]
