/** Every string of chapter 3's elbo-gap widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';

const en = {
  title: 'The gap on the real VAE: 𝓛_K climbs away from the ELBO',
  intro:
    'The book’s pretrained MNIST model (16 latent dimensions, trained as in chapter 6). Pick a test image: the widget estimates its ELBO and the importance-weighted bound 𝓛_K for K = 1, 5, 50 and 500, each as the mean of independent repeats with its standard error. Every 𝓛_K is a lower bound on log p(x), so the rise from the ELBO to 𝓛₅₀₀ is a lower estimate of the gap KL(q(z|x) ‖ p(z|x)).',
  method:
    'The ELBO here is the mean of {draws} one-sample estimates log w = log p(x|z) + log p(z) − log q(z|x) with z ~ q(z|x): the K = 1 bound averaged over {draws} repeats, with draws of its own (the 𝓛₁ row uses others). Repeats of 𝓛_K: {repeats}. As for the averages quoted above, the image is binarized once (each pixel black with probability equal to its grey level), so the Bernoulli decoder gives a proper probability.',
  hint: 'Step through a few images with “Next”: the size of the gap changes from digit to digit.',
  noJs: 'Interactive: needs JavaScript. It downloads the pretrained model and the MNIST images, then computes in a background thread (a Web Worker).',
  controls: 'Test image',
  tableCaption: 'Test image {image}, nats per image: mean ± standard error over the repeats',
  colQuantity: 'Estimate',
  colValue: 'Nats (mean ± SE)',
  colDraws: 'Repeats × K',
  rowElbo: 'ELBO (K = 1, draws of its own)',
  rowBound: '{name} (K = {k})',
  rowGap: 'Gap {name} − ELBO',
  draws: '{repeats} × {k}',
  gapSentence:
    'KL(q(z|x) ‖ p(z|x)) = log p(x) − ELBO ≥ {name} − ELBO ≈ {gap} nats: for this image the encoder’s q costs at least about that much.',
  gapPending: 'The gap appears once {name} is in.',
  climbs: 'Within the error bars, 𝓛_K does not fall as K grows, as Burda et al. prove it cannot in expectation.',
  falls: '𝓛_K fell between two values of K by more than 3 standard errors. Chance allows it, rarely.',
  computing: 'Test image {image}: {percent}% of {samples} draws of z…',
  computed: 'Test image {image}: done, {samples} draws of z in all.',
  announce: 'Test image {image}: ELBO {elbo}, 𝓛₅₀₀ {bound}, so the gap is at least about {gap} nats.',
  chartTitle: '𝓛_K against K',
  chartAria:
    'Dot chart: the importance-weighted bound 𝓛_K for K = 1, 5, 50 and 500 on a log axis, with error bars, and the ELBO as a dashed horizontal line',
  chartDescription:
    'Test image {image}. Each dot is 𝓛_K averaged over its repeats, with a bar of ± one standard error; the dashed line and its band are the ELBO, {elbo}. 𝓛₁ = {first} agrees with it (K = 1 is the ELBO in expectation); 𝓛₅₀₀ = {last} lies {gap} nats above it (the bracket).',
  chartPending: 'The chart fills in as the estimates arrive.',
  axisK: 'K, samples per estimate (log scale) →',
  axisNats: '↑ nats',
  ruleElbo: 'ELBO',
  bracketGap: 'gap',
  tableK: 'K',
  tableMean: 'Mean (nats)',
  tableSe: 'Standard error',
  tableRepeats: 'Repeats',
} as const;

/** The keys every language must provide. */
export type ElboGapKey = keyof typeof en;
/** One language's strings. */
export type ElboGapStrings = Readonly<Record<ElboGapKey, string>>;

const zh: ElboGapStrings = {
  title: '真实 VAE 上的间隙：𝓛_K 从 ELBO 往上爬',
  intro:
    '本书预训练的 MNIST 模型（16 维隐变量，训练方法见第 6 章）。选一张测试图：控件会估计它的 ELBO，以及 K = 1、5、50、500 时的重要性加权下界 𝓛_K；每个值都是若干次独立重复的均值，并附上标准误。每个 𝓛_K 都是 log p(x) 的下界，所以从 ELBO 到 𝓛₅₀₀ 的上升量，是间隙 KL(q(z|x) ‖ p(z|x)) 的一个偏低的估计。',
  method:
    '这里的 ELBO 是 {draws} 个单样本估计 log w = log p(x|z) + log p(z) − log q(z|x)（z ~ q(z|x)）的均值，也就是把 K = 1 的下界重复 {draws} 次取平均，用的是它自己的抽样（𝓛₁ 那一行用的是另一批）。𝓛_K 的重复次数：{repeats}。与上文引用的平均值一样，图像先固定地二值化一次（每个像素以其灰度为概率取黑），这样伯努利解码器给出的才是真正的概率。',
  hint: '用“下一张”多看几张图：间隙的大小因数字而异。',
  noJs: '交互部分需要 JavaScript。它会下载预训练模型和 MNIST 图像，然后在后台线程（Web Worker）里计算。',
  controls: '测试图',
  tableCaption: '测试图 {image}，单位：奈特/张；各次重复的均值 ± 标准误',
  colQuantity: '估计量',
  colValue: '奈特（均值 ± 标准误）',
  colDraws: '重复次数 × K',
  rowElbo: 'ELBO（K = 1，独立抽样）',
  rowBound: '{name}（K = {k}）',
  rowGap: '间隙 {name} − ELBO',
  draws: '{repeats} × {k}',
  gapSentence:
    'KL(q(z|x) ‖ p(z|x)) = log p(x) − ELBO ≥ {name} − ELBO ≈ {gap} 奈特：对这张图，编码器的 q 至少要付出大约这么多代价。',
  gapPending: '{name} 算完后才会显示间隙。',
  climbs: '在误差范围内，𝓛_K 不随 K 增大而下降，这与 Burda 等人的证明一致（期望意义下它不会下降）。',
  falls: '𝓛_K 在两个 K 之间下降了超过 3 个标准误。偶然也会发生，但很少见。',
  computing: '测试图 {image}：{samples} 次 z 抽样已完成 {percent}%…',
  computed: '测试图 {image}：已完成，共抽样 {samples} 次 z。',
  announce: '测试图 {image}：ELBO {elbo}，𝓛₅₀₀ {bound}，所以间隙至少约为 {gap} 奈特。',
  chartTitle: '𝓛_K 随 K 的变化',
  chartAria: '点图：K = 1、5、50、500 时的重要性加权下界 𝓛_K，横轴为对数刻度，带误差线；ELBO 画成一条水平虚线',
  chartDescription:
    '测试图 {image}。每个点是 𝓛_K 在各次重复上的平均，竖线为 ± 一个标准误；虚线及其阴影带是 ELBO，{elbo}。𝓛₁ = {first} 与它吻合（K = 1 时期望就是 ELBO）；𝓛₅₀₀ = {last} 比它高 {gap} 奈特（右侧的括线）。',
  chartPending: '估计值算出后，图会逐步画出来。',
  axisK: 'K，每次估计的样本数（对数刻度）→',
  axisNats: '↑ 奈特',
  ruleElbo: 'ELBO',
  bracketGap: '间隙',
  tableK: 'K',
  tableMean: '均值（奈特）',
  tableSe: '标准误',
  tableRepeats: '重复次数',
};

/** The widget's strings by language. */
export const ELBO_GAP_STRINGS: Readonly<Record<Lang, ElboGapStrings>> = Object.freeze({ en, zh });

export { fill, placeholders } from '../template';
