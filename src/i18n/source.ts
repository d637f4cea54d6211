/** Every string of the formula ↔ source binding (`<SourceCode>`, `<LiveValue>`) and the names of formula terms, in both languages. */
import type { Lang } from './langs';

export { fill, placeholders } from './template';

const en = {
  caption: '{file}, lines {from}–{to}',
  captionOne: '{file}, line {line}',
  kicker: 'Source',
  termsLabel: 'Terms of the formula',
  termsHint: 'Point at a term of the formula, or press one below, to light up the code that computes it.',
  termLines: 'lines {from}–{to}',
  termLine: 'line {line}',
  liveNone: 'no value yet: start the lab',
};

/** One language's strings; templates hold `{name}` placeholders filled by `fill`. */
export type SourceStrings = Readonly<Record<keyof typeof en, string>>;

const zh: SourceStrings = {
  caption: '{file}，第 {from}–{to} 行',
  captionOne: '{file}，第 {line} 行',
  kicker: '源码',
  termsLabel: '公式中的各项',
  termsHint: '把指针移到公式中的某一项上，或按下面的按钮，计算它的代码就会高亮。',
  termLines: '第 {from}–{to} 行',
  termLine: '第 {line} 行',
  liveNone: '尚无数值：先让实验室开始训练',
};

/** The binding's strings by language. */
export const SOURCE_STRINGS: Readonly<Record<Lang, SourceStrings>> = Object.freeze({ en, zh });

const termsEn = {
  kl: 'KL to the prior',
  reconstruction: 'reconstruction loss −log p(x | z)',
  objective: 'loss −ℒ_β',
  elbo: 'ELBO',
  beta: 'weight β',
  half: 'the factor ½',
  'mu-sq': 'μ²',
  'sigma-sq': 'σ² = exp(log σ²)',
  'one-plus-log-var': '1 + log σ², subtracted',
  z: 'the sample z',
  mu: 'the mean μ',
  sigma: 'σ = exp(½ log σ²)',
  epsilon: 'the noise ε ~ N(0, I)',
  relu: 'max(l, 0)',
  'logit-times-x': 'l · x',
  softplus: 'log(1 + e^(−|l|))',
  'pixel-sum': 'the sum over pixels',
  gradient: 'the derivative s(l) − x',
  'iw-bound': 'the bound L_K',
  'log-mean-exp': 'log of the average, log (1/K) Σ',
  samples: 'K draws z_k ~ q(z | x)',
  weight: 'the weight p(x, z_k) / q(z_k | x), as a log',
};

/** Every term a formula may carry as `\htmlData{term=…}`: the ids the code, the buttons and the lab agree on. */
export type TermId = keyof typeof termsEn;

const termsZh: Readonly<Record<TermId, string>> = {
  kl: '到先验的 KL',
  reconstruction: '重建损失 −log p(x | z)',
  objective: '损失 −ℒ_β',
  elbo: 'ELBO（证据下界）',
  beta: '权重 β',
  half: '系数 ½',
  'mu-sq': 'μ²',
  'sigma-sq': 'σ² = exp(log σ²)',
  'one-plus-log-var': '减去的 1 + log σ²',
  z: '样本 z',
  mu: '均值 μ',
  sigma: 'σ = exp(½ log σ²)',
  epsilon: '噪声 ε ~ N(0, I)',
  relu: 'max(l, 0)',
  'logit-times-x': 'l · x',
  softplus: 'log(1 + e^(−|l|))',
  'pixel-sum': '对像素求和',
  gradient: '导数 s(l) − x',
  'iw-bound': '界 L_K',
  'log-mean-exp': '平均值的对数 log (1/K) Σ',
  samples: 'K 个样本 z_k ~ q(z | x)',
  weight: '权重 p(x, z_k) / q(z_k | x)（取对数）',
};

/** The name of each term by language, shown on its button. */
export const TERM_NAMES: Readonly<Record<Lang, Readonly<Record<TermId, string>>>> = Object.freeze({
  en: termsEn,
  zh: termsZh,
});

/** Narrows a string (a prop or an attribute) to a known term id. */
export function isTermId(value: unknown): value is TermId {
  return typeof value === 'string' && Object.hasOwn(termsEn, value);
}
