/** Chapter 6's "Train the lab with this cell": the buttons, the status lines and every problem with a reader's loss. */
import type { Lang } from '../langs';
import type { ReaderLossProblem } from '../../worker/protocol';
import { fill } from '../template';

type Strings = Readonly<
  Record<
    | ReaderLossProblem
    | 'nonFinite'
    | 'train'
    | 'back'
    | 'start'
    | 'fromCurrent'
    | 'fromScratch'
    | 'groupLabel'
    | 'compiling'
    | 'using'
    | 'usingScratch'
    | 'book'
    | 'noLab'
    | 'limit'
    | 'where',
    string
  >
>;

const en: Strings = {
  groupLabel: 'Train the lab below with this cell’s loss',
  train: 'Train the lab with this cell',
  back: 'Back to the book’s loss',
  start: 'Start',
  fromCurrent: 'from the current weights',
  fromScratch: 'from scratch',
  compiling: 'Sending your loss to the lab…',
  using:
    'The lab trains with your loss from step {step} on. Its curves still show the book’s own reconstruction loss and KL.',
  usingScratch:
    'The lab starts from fresh weights and trains with your loss. Its curves still show the book’s own reconstruction loss and KL.',
  book: 'The lab trains with the book’s loss again.',
  noLab: 'The lab above has not started yet: scroll to it, wait until it is ready, then press again.',
  limit: 'Each call of your loss may run for at most {seconds} s; a loop still running then is stopped.',
  where: ' (line {line})',
  syntax: 'Your cell does not compile{where}: {detail}. The lab keeps the loss it had.',
  'no-loss': 'Your cell must declare a function named loss ({detail}). The lab keeps the loss it had.',
  'top-level': 'Your cell failed while it was loaded{where}: {detail}. The lab keeps the loss it had.',
  'load-timeout': 'Your cell ran for more than {detail} s while it was loaded: stopped. The lab keeps the loss it had.',
  threw: 'Your loss threw at step {step}: {detail}. Training stopped; the model is as it was before that step.',
  'not-tensor':
    'At step {step} your loss returned {detail}, not a tensor. Training stopped; the model is as it was before that step.',
  shape:
    'At step {step} your loss returned shape {detail}; it must return one number per image, shape [batch]. Training stopped; the model is as it was before that step.',
  constant:
    'At step {step} your loss did not depend on the model’s weights, so there is nothing to train. Training stopped; the model is as it was before that step.',
  timeout:
    'At step {step} your loss ran for more than {detail} s: stopped. Training stopped; the model is as it was before that step.',
  nonFinite:
    'Your loss became NaN or infinite at step {step}. Training stopped; the model is back as it was after step {restoredStep}.',
};

const zh: Strings = {
  groupLabel: '用这个单元格里的损失训练下面的实验',
  train: '用这个单元格训练实验',
  back: '换回本书的损失',
  start: '起点',
  fromCurrent: '从当前权重开始',
  fromScratch: '从头开始',
  compiling: '正在把你的损失交给实验……',
  using: '从第 {step} 步起，实验用你的损失训练。曲线上画的仍是本书自己量出的重建损失和 KL。',
  usingScratch: '实验换上新的随机权重，用你的损失从头训练。曲线上画的仍是本书自己量出的重建损失和 KL。',
  book: '实验重新用本书的损失训练。',
  noLab: '上面的实验还没有启动：请滚动到实验那里，等它准备好后再按一次。',
  limit: '你的损失每次调用最多运行 {seconds} 秒；到时还没跑完的循环会被中止。',
  where: '（第 {line} 行）',
  syntax: '你的单元格编译不通过{where}：{detail}。实验沿用原来的损失。',
  'no-loss': '单元格里必须声明一个名为 loss 的函数（{detail}）。实验沿用原来的损失。',
  'top-level': '加载单元格时出错{where}：{detail}。实验沿用原来的损失。',
  'load-timeout': '加载单元格时代码运行超过了 {detail} 秒，已被中止。实验沿用原来的损失。',
  threw: '第 {step} 步时你的损失抛出了错误：{detail}。训练已停止，模型仍是这一步之前的样子。',
  'not-tensor': '第 {step} 步时你的损失返回的是 {detail}，不是张量。训练已停止，模型仍是这一步之前的样子。',
  shape:
    '第 {step} 步时你的损失返回的形状是 {detail}；它应当给每张图一个数，形状为 [batch]。训练已停止，模型仍是这一步之前的样子。',
  constant: '第 {step} 步时你的损失与模型的权重无关，没有梯度可以训练。训练已停止，模型仍是这一步之前的样子。',
  timeout: '第 {step} 步时你的损失运行超过了 {detail} 秒，已被中止。训练已停止，模型仍是这一步之前的样子。',
  nonFinite: '第 {step} 步时你的损失变成了 NaN 或无穷大。训练已停止，模型已退回第 {restoredStep} 步之后的样子。',
};

/** Every string, by language. */
export const READER_LOSS_STRINGS: Readonly<Record<Lang, Strings>> = { en, zh };

/** What the page says about a failed reader's loss: a problem from the worker, or a NaN while the reader's loss trained. */
export type ReaderLossFailure =
  | {
      readonly problem: ReaderLossProblem;
      readonly detail?: string | undefined;
      readonly step?: number | undefined;
      readonly line?: number | undefined;
    }
  | { readonly nonFinite: true; readonly step?: number | undefined; readonly restoredStep?: number | undefined };

/** The sentence for `failure` in `lang`. */
export function readerLossMessage(lang: Lang, failure: ReaderLossFailure): string {
  const s = READER_LOSS_STRINGS[lang];
  if ('nonFinite' in failure)
    return fill(s.nonFinite, { step: failure.step ?? '?', restoredStep: failure.restoredStep ?? '?' });
  const where = failure.line === undefined ? '' : fill(s.where, { line: failure.line });
  return fill(s[failure.problem], { step: failure.step ?? '?', detail: failure.detail ?? '', where });
}
