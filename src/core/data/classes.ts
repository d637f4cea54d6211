/** Human names of each dataset's ten classes, in the book's two languages, indexed by label. */
import type { DatasetName } from './format';

/** The languages class names exist in (mirrors the book's languages without importing UI code into core). */
export type ClassNameLang = 'en' | 'zh';

const DIGITS = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Class names by dataset and language; Fashion-MNIST's order is the one published with the dataset (Xiao et al. 2017). */
export const CLASS_NAMES: Readonly<Record<DatasetName, Readonly<Record<ClassNameLang, readonly string[]>>>> =
  Object.freeze({
    mnist: Object.freeze({ en: DIGITS, zh: DIGITS }),
    'fashion-mnist': Object.freeze({
      en: Object.freeze([
        'T-shirt/top',
        'Trouser',
        'Pullover',
        'Dress',
        'Coat',
        'Sandal',
        'Shirt',
        'Sneaker',
        'Bag',
        'Ankle boot',
      ]),
      zh: Object.freeze(['T 恤/上衣', '裤子', '套头衫', '连衣裙', '外套', '凉鞋', '衬衫', '运动鞋', '包', '短靴']),
    }),
  });

/** The name of one label, e.g. className('fashion-mnist', 9, 'en') === 'Ankle boot'. */
export function className(dataset: DatasetName, label: number, lang: ClassNameLang): string {
  const name = CLASS_NAMES[dataset][lang][label];
  if (name === undefined) throw new RangeError(`className: ${dataset} has no label ${label}`);
  return name;
}
