// 编码器高斯分布 q = N(μ, σ²) 的一个隐维度：拖动 μ，或者改 σ 后运行。
const mu = slider({ min: -3, max: 3, step: 0.1, value: 1, label: 'μ' });
const sigma = 0.5;
// 书里的 KL 函数接收 log σ²，处理形状为 [样本, 维度] 的张量：这里是一个样本、一个维度。
const muT = tf.tensor2d([[mu]]);
const logVarT = tf.tensor2d([[Math.log(sigma * sigma)]]);
const klClosed: number = gaussianKlPerDim(muT, logVarT).dataSync()[0]!;
klClosed
