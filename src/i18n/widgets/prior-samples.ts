/** Every string of chapter 1's prior-samples widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';

const en = {
  title: 'Noise in, digits out: samples from a trained VAE',
  intro:
    'Each image below is the decoder of the book’s pretrained MNIST model (trained as in chapter 6) applied to its own z ~ N(0, I), 16 numbers drawn afresh. The grey level of a pixel is its probability p(xᵢ = 1 | z) under the decoder. Together the images are a glimpse of the model’s distribution p(x) = ∫ p(z) p(x|z) dz.',
  hint: 'Press “New samples” a few times: most draws give a recognisable digit, some give a blend of two.',
  noJs: 'Interactive: needs JavaScript. It downloads the pretrained model and the MNIST images, then computes in a background thread (a Web Worker).',
  samplesLegend: 'Samples from the prior',
  digitLegend: 'A test digit',
  newSamples: 'New samples',
  samplesCaption: 'Draw set {set}: {count} images, each from its own z ~ N(0, I).',
  samplesAria: '{count} images decoded from independent draws z ~ N(0, I), draw set {set}',
  evidenceTitle: 'How probable is a real digit? log p(x) by importance sampling',
  evidenceIntro:
    'The integral for p(x) cannot be done exactly, but it can be estimated. Prior draws almost never land on the z that explain a given digit (the end of chapter 1 shows why), so z is drawn from the encoder’s q(z|x) instead and reweighted: K = {k} draws averaged in log space give 𝓛₅₀₀, a slightly low estimate of log p(x) ({repeats} repeats, mean ± standard error). Next to it, the ELBO ({draws} draws), the lower bound a VAE trains on (chapter 3).',
  tableCaption: 'Test image {image}, nats: mean ± standard error',
  colQuantity: 'Estimate',
  colValue: 'Nats (mean ± SE)',
  rowBound: 'log p(x) ≈ {name} (K = {k}, importance sampling)',
  rowElbo: 'ELBO (K = 1, average of {draws} draws)',
  rowGap: 'Difference {name} − ELBO',
  perPixel:
    'The digit is binarized once (each pixel black with probability equal to its grey level), so p(x) is the probability of that exact black-and-white image: about {power}, or {bits} bits per pixel. Chapter 1’s section on log-densities and nats explains why such tiny numbers are good ones.',
  computing: 'Test image {image}: {percent}% of {samples} draws of z…',
  computed: 'Test image {image}: done, {samples} draws of z in all.',
  sampling: 'Decoding {count} draws from the prior…',
  announce: 'Test image {image}: log p(x) ≈ {bound}, ELBO {elbo}.',
  chartTitle: 'ELBO and log p(x) for test image {image}',
  chartAria:
    'Two estimates on one axis in nats, each a dot with a bar of ± one standard error: the ELBO and the importance-sampling estimate of log p(x)',
  chartDescription:
    'The ELBO is {elbo}; the importance-sampling estimate 𝓛₅₀₀ of log p(x) is {bound}, {gap} nats higher. Both are lower bounds on log p(x); 𝓛₅₀₀ is the tighter one.',
  chartPending: 'The chart appears once both estimates are in.',
  axisNats: 'nats (higher = more probable) →',
  labelElbo: 'ELBO',
  labelBound: 'log p(x) ≈ {name}',
  tableEstimate: 'Estimate',
  tableMean: 'Mean (nats)',
  tableSe: 'Standard error',
  tableRepeats: 'Repeats × K',
} as const;

/** The keys every language must provide. */
export type PriorSamplesKey = keyof typeof en;
/** One language's strings. */
export type PriorSamplesStrings = Readonly<Record<PriorSamplesKey, string>>;

const zh: PriorSamplesStrings = {
  title: '噪声进，数字出：训练好的 VAE 生成的样本',
  intro:
    '下面每张图，都是把本书预训练的 MNIST 模型（训练方法见第 6 章）的解码器，作用在各自的 z ~ N(0, I) 上得到的：z 是重新抽取的 16 个数。像素的灰度是解码器给出的概率 p(xᵢ = 1 | z)。这些图合起来，让我们一窥模型的分布 p(x) = ∫ p(z) p(x|z) dz。',
  hint: '多点几次“重新抽样”：大多数抽样给出能认出的数字，也有一些像两个数字的混合。',
  noJs: '交互部分需要 JavaScript。它会下载预训练模型和 MNIST 图像，然后在后台线程（Web Worker）里计算。',
  samplesLegend: '来自先验的样本',
  digitLegend: '一个测试数字',
  newSamples: '重新抽样',
  samplesCaption: '第 {set} 组抽样：{count} 张图，各自来自一个 z ~ N(0, I)。',
  samplesAria: '由独立抽取的 z ~ N(0, I) 解码得到的 {count} 张图，第 {set} 组抽样',
  evidenceTitle: '一个真实数字有多大概率？用重要性采样估计 log p(x)',
  evidenceIntro:
    'p(x) 的积分无法精确计算，但可以估计。从先验抽的 z 几乎从不落在能解释某个数字的那些 z 上（第 1 章末尾讲了原因），所以改从编码器的 q(z|x) 抽 z 再重新加权：K = {k} 次抽样在对数空间里平均，得到 𝓛₅₀₀，它是 log p(x) 的一个略偏低的估计（重复 {repeats} 次，均值 ± 标准误）。旁边是 ELBO（{draws} 次抽样），也就是 VAE 训练时用的下界（第 3 章）。',
  tableCaption: '测试图 {image}，单位：奈特；均值 ± 标准误',
  colQuantity: '估计量',
  colValue: '奈特（均值 ± 标准误）',
  rowBound: 'log p(x) ≈ {name}（K = {k}，重要性采样）',
  rowElbo: 'ELBO（K = 1，{draws} 次抽样的平均）',
  rowGap: '差值 {name} − ELBO',
  perPixel:
    '数字先固定地二值化一次（每个像素以其灰度为概率取黑），所以 p(x) 就是这张黑白图像恰好出现的概率：约为 {power}，折合每像素 {bits} 比特。第 1 章“对数密度与奈特”一节会解释，为什么这么小的数反而是好成绩。',
  computing: '测试图 {image}：{samples} 次 z 抽样已完成 {percent}%…',
  computed: '测试图 {image}：已完成，共抽样 {samples} 次 z。',
  sampling: '正在解码 {count} 个先验抽样…',
  announce: '测试图 {image}：log p(x) ≈ {bound}，ELBO {elbo}。',
  chartTitle: '测试图 {image} 的 ELBO 与 log p(x)',
  chartAria:
    '同一条以奈特为单位的数轴上的两个估计，各画成一个点和 ± 一个标准误的横线：ELBO，以及用重要性采样估计的 log p(x)',
  chartDescription:
    'ELBO 为 {elbo}；用重要性采样得到的 log p(x) 估计 𝓛₅₀₀ 为 {bound}，高出 {gap} 奈特。两者都是 log p(x) 的下界，𝓛₅₀₀ 更紧。',
  chartPending: '两个估计都算完后，图才会出现。',
  axisNats: '奈特（越大越可能）→',
  labelElbo: 'ELBO',
  labelBound: 'log p(x) ≈ {name}',
  tableEstimate: '估计量',
  tableMean: '均值（奈特）',
  tableSe: '标准误',
  tableRepeats: '重复次数 × K',
};

/** The widget's strings by language. */
export const PRIOR_SAMPLES_STRINGS: Readonly<Record<Lang, PriorSamplesStrings>> = Object.freeze({ en, zh });

export { fill, placeholders } from '../template';
