/** Every string of the derivation stepper (`<Derivation>`, `<Step>`, `<Why>`), in both languages. */
import { isLang, type Lang } from './langs';

const en = {
  kicker: 'Derivation',
  why: 'Why?',
  next: 'Next step',
  showAll: 'Show all',
  restart: 'Start over',
  controls: 'Step through the derivation',
  counter: 'Step {n} of {total}',
};

const zh: DerivationStrings = {
  kicker: '推导',
  why: '为什么？',
  next: '下一步',
  showAll: '全部显示',
  restart: '重新开始',
  controls: '逐步查看推导',
  counter: '第 {n} 步，共 {total} 步',
};

/** The stepper's string keys. */
export type DerivationKey = keyof typeof en;
/** One language's stepper strings; `counter` has `{n}` and `{total}` placeholders. */
export type DerivationStrings = Readonly<Record<DerivationKey, string>>;

/** The stepper's strings by language. */
export const DERIVATION_STRINGS: Readonly<Record<Lang, DerivationStrings>> = Object.freeze({ en, zh });

/** The page's language from `Astro.currentLocale` (chapters live at /<lang>/<slug>/); English when it is not a book language. */
export function pageLang(currentLocale: string | undefined): Lang {
  return isLang(currentLocale) ? currentLocale : 'en';
}
