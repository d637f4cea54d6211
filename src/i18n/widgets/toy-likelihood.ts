/** Every string of chapter 2's toy-likelihood widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';

const en = {
  title: 'The log-likelihood of the toy as θ moves',
  intro:
    'The toy from chapter 1, now judged by data: z ~ N(0, 1) and x | z ~ N(wz + b, s²), so p(x) = N(x; b, w² + s²). Move w, b and s and watch three things: the model’s density over the data points, each point’s log p(x⁽ⁱ⁾), and their sum ℓ(θ), the number maximum likelihood makes as large as it can.',
  hint: 'Slide w down from 2 to 0.5: the two middle points score better, but the bars for 3 and −1 grow long, and ℓ drops. Then press “Climb ℓ by gradient ascent”.',
  noJs: 'Interactive: needs JavaScript. The numbers below are the chapter’s, computed when the book is built.',
  loading: 'Loading the interactive part…',
  loadFailed: 'The interactive part could not load ({error}). The numbers below still hold.',
  controls: 'Parameters θ and data',
  wLabel: 'Slope w',
  bLabel: 'Offset b',
  sLabel: 'Noise s (> 0)',
  dataLabel: 'Data x⁽¹⁾, …, x⁽ᴺ⁾',
  dataHelp: '{minCount} to {maxCount} numbers from {min} to {max}, separated by commas. Press Enter to apply.',
  ascend: 'Climb ℓ by gradient ascent',
  stopAscent: 'Stop climbing',
  reset: 'Reset to the chapter’s values',
  ascentNote:
    'Gradient ascent moves θ a small step along the gradient of ℓ, again and again. Here the step is scaled by the model variance w² + s², so the same number of steps suits any data; the climb stops when θ no longer moves.',
  invalidNumber: 'Enter a number from {min} to {max}. Not applied.',
  invalidStd: 'Enter a number from {min} to {max} (s must be positive). Not applied.',
  dataNotANumber: '“{entry}” is not a number. Not applied.',
  dataOutOfRange: '{entry} is outside {min} to {max}. Not applied.',
  dataTooFew: 'Enter at least {count} numbers: one point has no spread to fit. Not applied.',
  dataTooMany: 'Enter at most {count} numbers. Not applied.',
  dataAllEqual:
    'The points must not all be equal: then a narrower model always scores higher, and ℓ has no maximum. Not applied.',
  totalLabel: 'Log-likelihood ℓ(θ) = Σ log p(x⁽ⁱ⁾) =',
  nats: 'nats',
  tableCaption: 'log p(x⁽ⁱ⁾) of each data point at w = {w}, b = {b}, s = {s} (model variance w² + s² = {variance})',
  colPoint: 'Data point x⁽ⁱ⁾',
  colLogP: 'log p(x⁽ⁱ⁾), nats',
  rowTotal: 'ℓ(θ), the sum',
  maximum:
    'The maximum, in closed form: b̂ = {b} (the mean of the data) and ŵ² + ŝ² = {variance} (their variance, with 1/N), where ℓ = {max}.',
  bestW: 'With b and s as they are, the best slope is w = ±{bestW}, where ℓ = {bestValue}.',
  bestWZero:
    'With b and s as they are, s alone is already as wide as the data around b: the best slope is w = 0, where ℓ = {bestValue}.',
  ascending: 'Gradient ascent: step {step} of {steps}, ℓ = {total}.',
  reached:
    'Reached the maximum in {steps} steps: ℓ = {total}, b = {b} (the mean), w² + s² = {variance} (the variance). Any w and s with the same w² + s² do as well; this climb stopped at w = {w}, s = {s}.',
  stopped: 'Stopped at step {step} of {steps}: ℓ = {total}.',
  announce: 'w = {w}, b = {b}, s = {s}: ℓ = {total} nats.',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  densityTitle: 'The model’s density over the data',
  densityAria: 'The density p(x) = N(x; b, w² + s²) with the data points under it',
  densityDescription:
    'The curve is the model’s density p(x) = N(x; {b}, {variance}). Each dot on the axis is a data point, and its line rises to the density the model gives it: the taller the line, the larger that point’s log p(x⁽ⁱ⁾).',
  densityAxisX: 'x →',
  densityAxisY: '↑ p(x)',
  densityCurve: 'p(x)',
  pointsTitle: 'Each point’s log p(x⁽ⁱ⁾)',
  pointsAria: 'One bar per data point, as long as its log p(x⁽ⁱ⁾) in nats',
  pointsDescription:
    'One bar per data point; a longer bar is a worse-explained point. The bars add up to ℓ = {total}. The longest is x = {worst}, at {worstValue}.',
  pointsAxis: '← log p(x⁽ⁱ⁾), nats',
  pointName: 'x{index} = {x}',
  curveTitle: 'ℓ as a function of w, with b and s held',
  curveAria: 'The log-likelihood ℓ against w for the current b and s, with the current w and the best w marked',
  curveDescription:
    'The curve is ℓ as w moves with b = {b} and s = {s} held. The dot is the current w = {w}, at ℓ = {total}; the dashed lines mark the best w, ±{bestW}, at ℓ = {bestValue}. The dotted line is the largest ℓ any θ can reach, {max}.',
  curveAxisX: 'w →',
  curveAxisY: '↑ ℓ, nats',
  curveNow: 'now',
  curveBest: 'best w',
  curveCeiling: 'max over all θ',
  tableX: 'x',
  tableDensity: 'p(x)',
  tableShare: 'Share of ℓ',
  tableW: 'w',
  tableLogLikelihood: 'ℓ, nats',
} as const;

/** The keys every language must provide. */
export type ToyLikelihoodKey = keyof typeof en;
/** One language's strings. */
export type ToyLikelihoodStrings = Readonly<Record<ToyLikelihoodKey, string>>;

const zh: ToyLikelihoodStrings = {
  title: 'θ 变动时，玩具模型的对数似然',
  intro:
    '还是第 1 章的玩具模型，这回拿数据来检验它：z ~ N(0, 1)，x | z ~ N(wz + b, s²)，所以 p(x) = N(x; b, w² + s²)。拖动 w、b、s，留意三样东西：模型在数据点上铺开的密度，每个点的 log p(x⁽ⁱ⁾)，以及它们的和 ℓ(θ)——最大似然要把这个数推到最大。',
  hint: '把 w 从 2 往下拖到 0.5：中间两个点的得分变好了，3 和 −1 的条形却拉得很长，ℓ 随之下降。然后点“用梯度上升爬 ℓ”。',
  noJs: '交互部分需要 JavaScript。下面的数字就是正文里的那些，在构建本书时已经算好。',
  loading: '正在加载交互部分…',
  loadFailed: '交互部分没能加载（{error}）。下面的数字依然成立。',
  controls: '参数 θ 与数据',
  wLabel: '斜率 w',
  bLabel: '偏移 b',
  sLabel: '噪声 s（> 0）',
  dataLabel: '数据 x⁽¹⁾, …, x⁽ᴺ⁾',
  dataHelp: '{minCount} 到 {maxCount} 个介于 {min} 和 {max} 之间的数，用逗号隔开，按回车生效。',
  ascend: '用梯度上升爬 ℓ',
  stopAscent: '停止',
  reset: '恢复正文里的取值',
  ascentNote:
    '梯度上升就是一遍遍沿着 ℓ 的梯度把 θ 挪一小步。这里的步长按模型方差 w² + s² 缩放，换成什么数据，同样的步数都够用；θ 不再移动时就停下。',
  invalidNumber: '请输入 {min} 到 {max} 之间的数。未应用。',
  invalidStd: '请输入 {min} 到 {max} 之间的数（s 必须为正）。未应用。',
  dataNotANumber: '“{entry}”不是数。未应用。',
  dataOutOfRange: '{entry} 不在 {min} 到 {max} 之间。未应用。',
  dataTooFew: '至少要 {count} 个数：只有一个点，就谈不上拟合分散程度。未应用。',
  dataTooMany: '最多 {count} 个数。未应用。',
  dataAllEqual: '数据点不能全部相同：那样的话，模型越窄得分越高，ℓ 没有最大值。未应用。',
  totalLabel: '对数似然 ℓ(θ) = Σ log p(x⁽ⁱ⁾) =',
  nats: '奈特',
  tableCaption: 'w = {w}、b = {b}、s = {s} 时各数据点的 log p(x⁽ⁱ⁾)（模型方差 w² + s² = {variance}）',
  colPoint: '数据点 x⁽ⁱ⁾',
  colLogP: 'log p(x⁽ⁱ⁾)，奈特',
  rowTotal: 'ℓ(θ)，即总和',
  maximum: '最大值有闭式解：b̂ = {b}（数据的均值），ŵ² + ŝ² = {variance}（数据的方差，除以 N），此时 ℓ = {max}。',
  bestW: '保持现在的 b 和 s，最佳斜率是 w = ±{bestW}，此时 ℓ = {bestValue}。',
  bestWZero:
    '保持现在的 b 和 s：单是 s 就已经和数据围绕 b 的分散程度一样宽了，最佳斜率是 w = 0，此时 ℓ = {bestValue}。',
  ascending: '梯度上升：第 {step} 步（共 {steps} 步），ℓ = {total}。',
  reached:
    '用 {steps} 步到达最大值：ℓ = {total}，b = {b}（均值），w² + s² = {variance}（方差）。只要 w² + s² 相同，任何 w 和 s 都一样好；这次停在 w = {w}，s = {s}。',
  stopped: '停在第 {step} 步（共 {steps} 步）：ℓ = {total}。',
  announce: 'w = {w}，b = {b}，s = {s}：ℓ = {total} 奈特。',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  densityTitle: '模型在数据上的密度',
  densityAria: '密度 p(x) = N(x; b, w² + s²)，数据点标在它下方',
  densityDescription:
    '曲线是模型的密度 p(x) = N(x; {b}, {variance})。横轴上每个圆点是一个数据点，从它升起的竖线高度就是模型给它的密度：竖线越高，这个点的 log p(x⁽ⁱ⁾) 越大。',
  densityAxisX: 'x →',
  densityAxisY: '↑ p(x)',
  densityCurve: 'p(x)',
  pointsTitle: '每个点的 log p(x⁽ⁱ⁾)',
  pointsAria: '每个数据点一根条形，长度是它的 log p(x⁽ⁱ⁾)，单位奈特',
  pointsDescription:
    '每个数据点一根条形；条形越长，这个点解释得越差。所有条形加起来就是 ℓ = {total}。最长的一根属于 x = {worst}，为 {worstValue}。',
  pointsAxis: '← log p(x⁽ⁱ⁾)，奈特',
  pointName: 'x{index} = {x}',
  curveTitle: '固定 b 和 s，ℓ 随 w 的变化',
  curveAria: '在当前 b 和 s 下，对数似然 ℓ 随 w 变化的曲线，标出当前的 w 和最佳的 w',
  curveDescription:
    '曲线是固定 b = {b}、s = {s} 时 ℓ 随 w 的变化。圆点是当前的 w = {w}，ℓ = {total}；虚线标出最佳的 w，即 ±{bestW}，此时 ℓ = {bestValue}。点线是任何 θ 所能达到的最大 ℓ，即 {max}。',
  curveAxisX: 'w →',
  curveAxisY: '↑ ℓ，奈特',
  curveNow: '当前',
  curveBest: '最佳 w',
  curveCeiling: '所有 θ 中的最大值',
  tableX: 'x',
  tableDensity: 'p(x)',
  tableShare: '占 ℓ 的比例',
  tableW: 'w',
  tableLogLikelihood: 'ℓ，奈特',
};

/** The widget's strings by language. */
export const TOY_LIKELIHOOD_STRINGS: Readonly<Record<Lang, ToyLikelihoodStrings>> = Object.freeze({ en, zh });

export { fill, placeholders } from '../template';
