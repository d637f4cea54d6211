/** What to tell a reader when a dataset file is unusable, by DatasetError code, in both languages. */
import type { DatasetErrorCode } from '../../core/data/format';
import type { Lang } from '../langs';
import { fill } from '../template';

type Problems = Readonly<Record<DatasetErrorCode, string>> & { readonly damaged: string };

const en: Problems = {
  damaged:
    'The {dataset} data file arrived damaged ({detail}), so the lab cannot use it. Reload the page to download it again; your settings are kept in the link.',
  download: 'the download failed',
  'not-a-dataset': 'it is not a dataset file, most likely an error page',
  'unsupported-version': 'it comes from another version of this book',
  truncated: 'it is cut short',
  'too-long': 'it has bytes beyond its end',
  'corrupt-header': 'its header is corrupt',
  checksum: 'its checksum does not match its contents',
  'bad-label': 'a label is out of range',
  'wrong-dataset': 'it holds a different dataset',
};

const zh: Problems = {
  damaged:
    '{dataset} 数据文件传过来时已经损坏（{detail}），实验没法用它。请刷新页面重新下载；你的设置都记在链接里，不会丢。',
  download: '下载失败',
  'not-a-dataset': '它不是数据集文件，多半是一个错误页面',
  'unsupported-version': '它来自本书的另一个版本',
  truncated: '文件不完整',
  'too-long': '文件末尾多出了字节',
  'corrupt-header': '文件头已损坏',
  checksum: '校验和与内容对不上',
  'bad-label': '有标签超出了范围',
  'wrong-dataset': '里面是另一个数据集',
};

const PROBLEMS: Readonly<Record<Lang, Problems>> = { en, zh };

/** The sentence for a damaged dataset file; null for a failed download, which the caller words as a connection problem. */
export function datasetDamagedMessage(
  lang: Lang,
  reason: DatasetErrorCode | undefined,
  dataset: string,
): string | null {
  if (reason === undefined || reason === 'download') return null;
  const strings = PROBLEMS[lang];
  return fill(strings.damaged, { dataset, detail: strings[reason] });
}
