/** Every string of chapter 1's marginal-likelihood widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';

const en = {
  title: 'Estimating p(x) by Monte Carlo',
  intro:
    'The toy from this chapter: z ~ N(0, 1) and x | z ~ N(2z + 1, 0.5²), so the exact p(x) is known. Estimate it by averaging over N random draws of z, either from the prior p(z) (the naive estimate) or from a proposal q(z) with importance weights p(z) p(x|z) / q(z), and repeat the estimate {repeats} times to see how much it varies.',
  hint: 'Try x = 9: almost no prior draws land where p(x|z) is large, and the naive estimate falls apart. Then press “Use the exact posterior”.',
  exactAt: 'Exact value at x = {x}: p(x) = {exact} (log p(x) = {logExact}).',
  noJs: 'Interactive: needs JavaScript. The exact value and the closed-form spread above are computed when the book is built.',
  loading: 'Loading the interactive part…',
  loadFailed: 'The interactive part could not load ({error}). The numbers above still hold.',
  controls: 'Settings',
  xLabel: 'Observed x',
  nLabel: 'Samples N',
  qMeanLabel: 'Mean of q',
  qStdLabel: 'Standard deviation of q',
  usePosterior: 'Use the exact posterior',
  posteriorOn: 'q is the exact posterior p(z|x) = N({mean}, {std}²) and follows x.',
  posteriorOff: 'The exact posterior for this x is p(z|x) = N({mean}, {std}²).',
  newDraws: 'New random draws',
  invalidNumber: 'Enter a number from {min} to {max}. Not applied.',
  invalidInteger: 'Enter a whole number from {min} to {max}. Not applied.',
  tableCaption: 'Estimates of p(x) at x = {x} with N = {n} samples; spread over {repeats} repeats',
  colQuantity: 'Quantity',
  colPrior: 'From the prior p(z)',
  colProposal: 'From q (importance sampling)',
  rowExact: 'Exact p(x)',
  rowRun: 'Estimate, one run',
  rowMean: 'Mean of the repeats',
  rowSd: 'Spread: sd of the repeats',
  rowSdTheory: 'sd from the closed form',
  rowBand: '90% of the repeats between',
  rowEss: 'Effective sample size, one run',
  rowEssTheory: 'Effective sample size expected',
  infinite: '∞ (q narrower than √(v/2))',
  pending: 'computing…',
  notComputed: '— (needs JavaScript)',
  between: '{lower} to {upper}',
  qNarrow: 'q is narrower than √(v/2) = {limit}: the weights have infinite variance, so the spread of the repeats says little and can jump.',
  computing: 'Computing {repeats} repeats × {n} samples for each sampler… {percent}%',
  computed: '{repeats} repeats × {n} samples for each sampler.',
  announce: 'x = {x}, N = {n}. Exact p(x) = {exact}. From the prior: mean {priorMean}, sd {priorSd}. From q: mean {qMean}, sd {qSd}.',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  densityTitle: 'Where the samples land',
  densityAria: 'Densities over z: the prior, q and the integrand p(z) p(x|z) scaled to area 1, with the drawn samples as ticks',
  densityDescription:
    'The dashed curve is the prior p(z), the solid curve is q(z) = N({qMean}, {qStd}²), and the shaded curve is p(z) p(x|z) scaled to area 1, which is the posterior p(z|x) = N({postMean}, {postStd}²). Below the axis, one tick per drawn sample (the first {shown}); a darker tick carries more weight.',
  densityAxisZ: 'z →',
  densityAxisY: '↑ density',
  densityPrior: 'p(z)',
  densityProposal: 'q(z)',
  densityPosterior: 'p(z)p(x|z) ∝ p(z|x)',
  samplesPrior: 'from p(z)',
  samplesProposal: 'from q',
  convergenceTitle: 'The estimate as samples accumulate',
  convergenceAria: 'Running estimate of p(x) against the number of samples, on a log scale, for both samplers',
  convergenceDescription:
    'One run of each sampler: the estimate after the first k samples, for k from 1 to {n}. The horizontal line is the exact p(x) = {exact}; the shaded funnels are each sampler’s expected ±2 standard deviations, which shrink as 1/√k. After {n} samples: from the prior {priorEnd}, from q {qEnd}.',
  convergenceAxisX: 'samples k →',
  convergenceAxisY: '↑ estimate of p(x)',
  exactRule: 'exact p(x)',
  seriesPrior: 'prior',
  seriesProposal: 'q',
  spreadTitle: 'How much the estimate varies: {repeats} repeats',
  spreadAria: 'Repeated estimates of p(x), one dot each, for sampling from the prior and from q',
  spreadDescription:
    'Each dot is one estimate from N = {n} samples; the bar under each strip spans the central 90%, the short tick marks the mean, and the dashed line is the exact p(x) = {exact}. From the prior: sd {priorSd}; from q: sd {qSd}.',
  spreadAxisX: 'estimate of p(x) →',
  stripPrior: 'From the prior p(z)',
  stripProposal: 'From q',
  tableK: 'Samples k',
  tableZ: 'z',
  tablePrior: 'p(z)',
  tableProposal: 'q(z)',
  tablePosterior: 'p(z|x)',
  tableStatistic: 'Statistic',
  tableMin: 'Smallest',
  tableMax: 'Largest',
} as const;

/** The keys every language must provide. */
export type MarginalLikelihoodKey = keyof typeof en;
/** One language's strings. */
export type MarginalLikelihoodStrings = Readonly<Record<MarginalLikelihoodKey, string>>;

const zh: MarginalLikelihoodStrings = {
  title: '用蒙特卡洛估计 p(x)',
  intro:
    '本章的玩具模型：z ~ N(0, 1)，x | z ~ N(2z + 1, 0.5²)，所以精确的 p(x) 是已知的。对 N 个随机抽取的 z 取平均来估计它：z 要么来自先验 p(z)（朴素估计），要么来自提议分布 q(z)，再乘上重要性权重 p(z) p(x|z) / q(z)。把估计重复 {repeats} 次，就能看出它波动多大。',
  hint: '试试 x = 9：几乎没有先验样本落在 p(x|z) 大的地方，朴素估计随之失灵。然后点“用精确后验”。',
  exactAt: '在 x = {x} 处的精确值：p(x) = {exact}（log p(x) = {logExact}）。',
  noJs: '交互部分需要 JavaScript。上面的精确值和闭式波动在构建本书时就已算好。',
  loading: '正在加载交互部分…',
  loadFailed: '交互部分没能加载（{error}）。上面的数字依然成立。',
  controls: '设置',
  xLabel: '观测值 x',
  nLabel: '样本数 N',
  qMeanLabel: 'q 的均值',
  qStdLabel: 'q 的标准差',
  usePosterior: '用精确后验',
  posteriorOn: 'q 就是精确后验 p(z|x) = N({mean}, {std}²)，并随 x 变化。',
  posteriorOff: '这个 x 的精确后验是 p(z|x) = N({mean}, {std}²)。',
  newDraws: '重新抽样',
  invalidNumber: '请输入 {min} 到 {max} 之间的数。未应用。',
  invalidInteger: '请输入 {min} 到 {max} 之间的整数。未应用。',
  tableCaption: '在 x = {x} 处、用 N = {n} 个样本估计 p(x)；波动取自 {repeats} 次重复',
  colQuantity: '量',
  colPrior: '从先验 p(z) 抽样',
  colProposal: '从 q 抽样（重要性采样）',
  rowExact: '精确 p(x)',
  rowRun: '估计值（一次运行）',
  rowMean: '各次重复的均值',
  rowSd: '波动：各次重复的标准差',
  rowSdTheory: '闭式给出的标准差',
  rowBand: '90% 的重复落在',
  rowEss: '有效样本量（一次运行）',
  rowEssTheory: '有效样本量的期望',
  infinite: '∞（q 比 √(v/2) 还窄）',
  pending: '计算中…',
  notComputed: '—（需要 JavaScript）',
  between: '{lower} 到 {upper}',
  qNarrow: 'q 比 √(v/2) = {limit} 还窄：权重的方差是无穷大，所以各次重复的波动说明不了什么，还可能忽大忽小。',
  computing: '正在计算：每种抽样 {repeats} 次重复 × {n} 个样本… {percent}%',
  computed: '每种抽样 {repeats} 次重复 × {n} 个样本。',
  announce: 'x = {x}，N = {n}。精确 p(x) = {exact}。从先验抽样：均值 {priorMean}，标准差 {priorSd}。从 q 抽样：均值 {qMean}，标准差 {qSd}。',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  densityTitle: '样本落在哪里',
  densityAria: 'z 上的密度：先验、q，以及缩放到面积为 1 的被积函数 p(z) p(x|z)，抽到的样本画成短竖线',
  densityDescription:
    '虚线是先验 p(z)，实线是 q(z) = N({qMean}, {qStd}²)，阴影曲线是缩放到面积为 1 的 p(z) p(x|z)，也就是后验 p(z|x) = N({postMean}, {postStd}²)。横轴下方每条短竖线是一个抽到的样本（前 {shown} 个）；颜色越深，权重越大。',
  densityAxisZ: 'z →',
  densityAxisY: '↑ 密度',
  densityPrior: 'p(z)',
  densityProposal: 'q(z)',
  densityPosterior: 'p(z)p(x|z) ∝ p(z|x)',
  samplesPrior: '来自 p(z)',
  samplesProposal: '来自 q',
  convergenceTitle: '样本越多，估计越准',
  convergenceAria: '两种抽样下 p(x) 的累计估计随样本数的变化，横轴为对数刻度',
  convergenceDescription:
    '每种抽样各运行一次：用前 k 个样本得到的估计，k 从 1 到 {n}。水平线是精确的 p(x) = {exact}；阴影漏斗是各自预期的 ±2 个标准差，按 1/√k 收窄。用完 {n} 个样本时：从先验抽样得 {priorEnd}，从 q 抽样得 {qEnd}。',
  convergenceAxisX: '样本数 k →',
  convergenceAxisY: '↑ p(x) 的估计',
  exactRule: '精确 p(x)',
  seriesPrior: '先验',
  seriesProposal: 'q',
  spreadTitle: '估计波动多大：{repeats} 次重复',
  spreadAria: '重复估计 p(x) 的结果，每个点一次，分别来自先验抽样和 q 抽样',
  spreadDescription:
    '每个点是用 N = {n} 个样本得到的一次估计；每条点带下方的粗线覆盖中间 90%，短竖线标出均值，虚线是精确的 p(x) = {exact}。从先验抽样：标准差 {priorSd}；从 q 抽样：标准差 {qSd}。',
  spreadAxisX: 'p(x) 的估计 →',
  stripPrior: '从先验 p(z) 抽样',
  stripProposal: '从 q 抽样',
  tableK: '样本数 k',
  tableZ: 'z',
  tablePrior: 'p(z)',
  tableProposal: 'q(z)',
  tablePosterior: 'p(z|x)',
  tableStatistic: '统计量',
  tableMin: '最小值',
  tableMax: '最大值',
};

/** The widget's strings by language. */
export const MARGINAL_LIKELIHOOD_STRINGS: Readonly<Record<Lang, MarginalLikelihoodStrings>> = Object.freeze({ en, zh });

/** The `{name}` placeholders of a template, sorted (the i18n test checks both languages use the same ones). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

/** Fills `{name}` placeholders from `values`; a missing value throws, so a typo cannot reach the page silently. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing value for {${name}} in "${template}"`);
    return String(value);
  });
}
