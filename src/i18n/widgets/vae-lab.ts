/** Every string of the VAE lab widget, in both languages; `{name}` marks a value filled in by `fill`. */
import type { Lang } from '../langs';
import { VAE_LAB_EN } from './vae-lab.en';
import { VAE_LAB_ZH } from './vae-lab.zh';

export type VaeLabKey = keyof typeof VAE_LAB_EN;
export type VaeLabStrings = Readonly<Record<VaeLabKey, string>>;

export const VAE_LAB_STRINGS: Readonly<Record<Lang, VaeLabStrings>> = Object.freeze({ en: VAE_LAB_EN, zh: VAE_LAB_ZH });

export { fill, placeholders } from '../template';
