/**
 * Strings shared by the widgets that run the book's pretrained MNIST VAE in the worker (elbo-gap in chapter 3,
 * prior-samples in chapter 1): starting the engine, picking a test image, and what goes wrong.
 */
import type { Lang } from '../langs';

const en = {
  loading: 'Loading the interactive part…',
  loadFailed: 'The interactive part could not load ({error}).',
  downloadModel: 'Downloading the pretrained model: {loaded} of {total}',
  downloadData: 'Downloading the MNIST images: {loaded} of {total}',
  startingEngine: 'Starting the engine…',
  engine: 'Engine: {backend}',
  backendCpu: 'plain JavaScript (CPU)',
  startFailed: 'The model could not start: {message}',
  requestFailed: 'The engine could not answer: {message}',
  pickLabel: 'Test image number (0 to {max})',
  previous: 'Previous',
  next: 'Next',
  previousLabel: 'Previous test image',
  nextLabel: 'Next test image',
  stripLabel: 'Test images {from} to {to}: pick one',
  thumbLabel: 'Test image {n}',
  imageAria: 'Test image {n}: a 28 × 28 handwritten digit',
  invalidImage: 'Enter a whole number from 0 to {max}. Not applied.',
  pending: 'computing…',
  notComputed: '— (needs JavaScript)',
  showTable: 'Show as table',
  hideTable: 'Hide table',
} as const;

/** The keys every language must provide. */
export type PretrainedKey = keyof typeof en;
/** One language's strings. */
export type PretrainedStrings = Readonly<Record<PretrainedKey, string>>;

const zh: PretrainedStrings = {
  loading: '正在加载交互部分…',
  loadFailed: '交互部分没能加载（{error}）。',
  downloadModel: '正在下载预训练模型：{loaded} / {total}',
  downloadData: '正在下载 MNIST 图像：{loaded} / {total}',
  startingEngine: '正在启动计算引擎…',
  engine: '计算引擎：{backend}',
  backendCpu: '纯 JavaScript（CPU）',
  startFailed: '模型没能启动：{message}',
  requestFailed: '计算引擎没能给出结果：{message}',
  pickLabel: '测试图编号（0 到 {max}）',
  previous: '上一张',
  next: '下一张',
  previousLabel: '上一张测试图',
  nextLabel: '下一张测试图',
  stripLabel: '测试图 {from} 到 {to}：点选一张',
  thumbLabel: '测试图 {n}',
  imageAria: '测试图 {n}：一个 28 × 28 的手写数字',
  invalidImage: '请输入 0 到 {max} 之间的整数。未应用。',
  pending: '计算中…',
  notComputed: '—（需要 JavaScript）',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
};

/** The shared strings by language. */
export const PRETRAINED_STRINGS: Readonly<Record<Lang, PretrainedStrings>> = Object.freeze({ en, zh });

export { fill, placeholders } from '../template';
