// 从先验抽 16 个 z ~ N(0, I)，每个 16 个数，送进本书预训练好的解码器。
const decoder = await loadPretrained('mnist-z16');
const z = randn(16, decoder.config.latentSize);
// y 的每一行是一张图像 784 个像素的概率：论文里展示的"样本"就是它。
const y = decoder.decode(z);
display(y);
// 每个像素抛一枚硬币，均匀随机数小于该像素的概率就点亮：
// 这才是模型真正抽出来的、带颗粒感的图像。
const coins = tf.tensor2d(rng.fillUniform(new Float32Array(16 * 784)), [16, 784]);
tf.cast(tf.less(coins, y), 'float32')
