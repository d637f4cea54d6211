// @ts-check
/**
 * Options shared by astro.config.mjs, `<SourceCode>` and the content tests, so the page, the excerpts and the checks
 * typeset and highlight alike.
 */

/** Shiki's two themes: their comments keep a 4.5:1 contrast (axe checks every page in both colour schemes). */
export const SHIKI_THEMES = Object.freeze({ light: 'github-light', dark: 'github-dark-high-contrast' });

/**
 * KaTeX's strict mode, with one exception: `\htmlData{term=…}{…}` (an HTML extension, so not LaTeX) marks the terms
 * of a formula for `<SourceCode>`. Everything else non-LaTeX is still an error, such as CJK outside `\text{}`.
 * @type {(code: string) => 'ignore' | 'error'}
 */
export const katexStrict = (code) => (code === 'htmlExtension' ? 'ignore' : 'error');

/**
 * KaTeX may trust `\htmlData` with `term` keys only (KaTeX passes them as "data-term"): no links, classes, ids or styles from a formula.
 * @type {(context: { command: string; attributes?: Record<string, string> }) => boolean}
 */
export const katexTrust = (context) =>
  context.command === '\\htmlData' && Object.keys(context.attributes ?? {}).every((key) => key === 'data-term');

/** rehype-katex / katex options: MathML kept for screen readers, strict and trust as above. */
export const KATEX_OPTIONS = Object.freeze({
  output: /** @type {const} */ ('htmlAndMathml'),
  strict: katexStrict,
  trust: katexTrust,
});
