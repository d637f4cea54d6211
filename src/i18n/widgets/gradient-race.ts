/** Every string of chapter 5's gradient-race widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';

const en = {
  title: 'Gradient-estimator race',
  intro:
    'Take z = μ + σε with ε ~ N(0, 1) and estimate the gradient d/dμ E[f(z)] from random draws in three ways: the pathwise (reparameterization) estimator f′(z), the score-function estimator f(z)·ε/σ, and the score function with the baseline b = E[f(z)] subtracted. All three are unbiased; the race is about spread. Each histogram shows {repeats} estimates, each the average of N draws, on one shared axis so the widths compare.',
  hint: 'Try σ = 0.1: the score-function estimates without a baseline spread out like 1/σ while the pathwise ones tighten. Then pick sin z with μ = 2 and σ = 1.2, where the pathwise estimator loses.',
  exactAt: 'True gradient for f(z) = {fn} at μ = {mu}, σ = {sigma}: d/dμ E[f(z)] = {truth}.',
  noJs: 'Interactive: needs JavaScript. The true gradient and the analytic variances above are computed when the book is built.',
  loading: 'Loading the interactive part…',
  loadFailed: 'The interactive part could not load ({error}). The numbers above still hold.',
  graphsTitle: 'Where the gradient can flow',
  graphBeforeTitle: 'Before: z is sampled directly',
  graphBeforeDesc:
    'μ and σ feed a sampling node, z ~ N(μ, σ²), which feeds f(z). The gradient arrow coming back from f(z) is broken at the sampling node and never reaches μ: a random draw has no derivative with respect to μ.',
  graphAfterTitle: 'After: z = μ + σε',
  graphAfterDesc:
    'The noise ε ~ N(0, 1) is drawn on the side, and z = μ + σε is plain arithmetic. The gradient arrow runs unbroken from f(z) through z back to μ: ∂f(z)/∂μ = f′(z).',
  graphRandom: 'random draw',
  graphBlocked: 'no ∂/∂μ',
  graphFlows: '∂f/∂μ = f′(z)',
  controls: 'Settings',
  fnLabel: 'Function f(z)',
  fnSquare: 'z²',
  fnSine: 'sin z',
  muLabel: 'Mean μ',
  sigmaLabel: 'Standard deviation σ',
  nLabel: 'Samples per estimate N',
  newDraws: 'New draws',
  invalidNumber: 'Enter a number from {min} to {max}. Not applied.',
  invalidInteger: 'Enter a whole number from {min} to {max}. Not applied.',
  invalidSigma:
    'σ must be greater than 0 (at σ = 0 nothing is random). Enter a number from {min} to {max}. Not applied.',
  tableCaption:
    'Estimates of d/dμ E[{fn}] at μ = {mu}, σ = {sigma}: {repeats} repeats, each the average of N = {n} draws',
  colEstimator: 'Estimator',
  colMean: 'Mean',
  colEmpirical: 'Empirical variance',
  colAnalytic: 'Analytic variance',
  pathwise: 'Pathwise (reparameterization)',
  score: 'Score function',
  scoreBaseline: 'Score function with baseline',
  rowPathwise: 'Pathwise',
  rowScore: 'Score function',
  rowScoreBaseline: 'With baseline',
  noise:
    'An empirical variance from {repeats} repeats is random too: it typically lands within ±{pathwise}% (pathwise), ±{score}% (score function) and ±{baseline}% (with baseline) of the analytic value, one standard deviation, worked out from each estimate’s kurtosis.',
  pending: 'computing…',
  notComputed: '— (needs JavaScript)',
  computing: 'Drawing {repeats} estimates of N = {n} draws each, for each estimator… {percent}%',
  computed: 'For each estimator: {repeats} estimates, each the average of N = {n} draws.',
  announce:
    '{fn}, μ = {mu}, σ = {sigma}, N = {n}. Empirical variance: pathwise {pathwise}, score function {score}, with baseline {baseline}.',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  histAria: 'Histogram of {repeats} estimates of the gradient by the {name} estimator, on the axis shared by all three',
  histDescription:
    'Each bar counts the estimates (each the average of N = {n} draws) that fell in its range; the dashed line is the true gradient {truth}. Mean {mean}, empirical variance {variance}, analytic variance {analytic}. {outside} of {repeats} estimates fall outside the plotted range {lo} to {hi}.',
  axisEstimate: 'estimate of d/dμ E[f] →',
  axisCount: '↑ estimates',
  truthRule: 'true',
  tableFrom: 'From',
  tableTo: 'To',
  tableCount: 'Estimates',
} as const;

/** The keys every language must provide. */
export type GradientRaceKey = keyof typeof en;
/** One language's strings. */
export type GradientRaceStrings = Readonly<Record<GradientRaceKey, string>>;

const zh: GradientRaceStrings = {
  title: '梯度估计量赛跑',
  intro:
    '令 z = μ + σε，其中 ε ~ N(0, 1)，用随机抽样估计梯度 d/dμ E[f(z)]，有三种做法：路径梯度（重参数化）估计量 f′(z)；得分函数估计量 f(z)·ε/σ；以及减去基线 b = E[f(z)] 的得分函数估计量。三者都无偏，比的是波动。每个直方图画出 {repeats} 个估计值，每个都是 N 次抽样的平均；三个直方图共用一条横轴，宽窄可以直接比较。',
  hint: '试试 σ = 0.1：不带基线的得分函数估计按 1/σ 散开，路径梯度估计反而更集中。再选 sin z，取 μ = 2、σ = 1.2，这时路径梯度估计量反而输了。',
  exactAt: 'f(z) = {fn} 在 μ = {mu}、σ = {sigma} 处的真实梯度：d/dμ E[f(z)] = {truth}。',
  noJs: '交互部分需要 JavaScript。上面的真实梯度和解析方差在构建本书时就已算好。',
  loading: '正在加载交互部分…',
  loadFailed: '交互部分没能加载（{error}）。上面的数字依然成立。',
  graphsTitle: '梯度能往哪里流',
  graphBeforeTitle: '之前：直接对 z 抽样',
  graphBeforeDesc:
    'μ 和 σ 进入一个抽样节点 z ~ N(μ, σ²)，再进入 f(z)。从 f(z) 往回走的梯度箭头在抽样节点处断开，到不了 μ：一次随机抽样对 μ 没有导数。',
  graphAfterTitle: '之后：z = μ + σε',
  graphAfterDesc:
    '噪声 ε ~ N(0, 1) 在旁边单独抽取，z = μ + σε 只是普通的加法和乘法。梯度箭头从 f(z) 经过 z 一路回到 μ，没有断开：∂f(z)/∂μ = f′(z)。',
  graphRandom: '随机抽样',
  graphBlocked: '没有 ∂/∂μ',
  graphFlows: '∂f/∂μ = f′(z)',
  controls: '设置',
  fnLabel: '函数 f(z)',
  fnSquare: 'z²',
  fnSine: 'sin z',
  muLabel: '均值 μ',
  sigmaLabel: '标准差 σ',
  nLabel: '每个估计的样本数 N',
  newDraws: '重新抽样',
  invalidNumber: '请输入 {min} 到 {max} 之间的数。未应用。',
  invalidInteger: '请输入 {min} 到 {max} 之间的整数。未应用。',
  invalidSigma: 'σ 必须大于 0（σ = 0 时没有随机性）。请输入 {min} 到 {max} 之间的数。未应用。',
  tableCaption: '在 μ = {mu}、σ = {sigma} 处估计 d/dμ E[{fn}]：重复 {repeats} 次，每次是 N = {n} 次抽样的平均',
  colEstimator: '估计量',
  colMean: '均值',
  colEmpirical: '经验方差',
  colAnalytic: '解析方差',
  pathwise: '路径梯度（重参数化）',
  score: '得分函数',
  scoreBaseline: '带基线的得分函数',
  rowPathwise: '路径梯度',
  rowScore: '得分函数',
  rowScoreBaseline: '带基线',
  noise:
    '用 {repeats} 次重复算出的经验方差本身也是随机的：它通常落在解析值的 ±{pathwise}%（路径梯度）、±{score}%（得分函数）和 ±{baseline}%（带基线）以内（一个标准差），由各估计量的峰度算出。',
  pending: '计算中…',
  notComputed: '—（需要 JavaScript）',
  computing: '正在为每个估计量抽取 {repeats} 个估计，每个用 N = {n} 次抽样… {percent}%',
  computed: '每个估计量：{repeats} 个估计，每个是 N = {n} 次抽样的平均。',
  announce:
    '{fn}，μ = {mu}，σ = {sigma}，N = {n}。经验方差：路径梯度 {pathwise}，得分函数 {score}，带基线 {baseline}。',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  histAria: '{name}估计量给出的 {repeats} 个梯度估计的直方图，横轴与另外两个共用',
  histDescription:
    '每根柱子数出落在其区间内的估计值（每个是 N = {n} 次抽样的平均）；虚线是真实梯度 {truth}。均值 {mean}，经验方差 {variance}，解析方差 {analytic}。{repeats} 个估计中有 {outside} 个落在画出的范围 {lo} 到 {hi} 之外。',
  axisEstimate: 'd/dμ E[f] 的估计 →',
  axisCount: '↑ 估计个数',
  truthRule: '真实值',
  tableFrom: '从',
  tableTo: '到',
  tableCount: '估计个数',
};

/** The widget's strings by language. */
export const GRADIENT_RACE_STRINGS: Readonly<Record<Lang, GradientRaceStrings>> = Object.freeze({ en, zh });

export { fill, placeholders } from '../template';
