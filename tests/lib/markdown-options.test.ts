import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { KATEX_OPTIONS, SHIKI_THEMES, katexTrust } from '../../src/lib/markdown-options.mjs';

const render = (tex: string) => katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: true, throwOnError: true });

describe('KATEX_OPTIONS', () => {
  it('lets \\htmlData{term=…} through as a data-term attribute on the HTML side', () => {
    const html = render(String.raw`\htmlData{term=kl}{\tfrac12 \mu^2}`);
    expect(html).toMatch(/<span class="enclosing" data-term="kl">/);
    // the MathML (what screen readers read) carries the formula, not the attribute
    expect(html).toMatch(/<math[^>]*>[\s\S]*<mfrac>/);
  });

  it('is still strict about everything else: CJK outside \\text{} is an error', () => {
    expect(() => render('x = 二')).toThrow(/strict mode/);
    expect(render(String.raw`x = \text{二}`)).toContain('二');
  });

  it('trusts \\htmlData only with term keys, and no other HTML command', () => {
    expect(katexTrust({ command: '\\htmlData', attributes: { 'data-term': 'kl' } })).toBe(true);
    expect(katexTrust({ command: '\\htmlData', attributes: { 'data-term': 'kl', 'data-style': 'x' } })).toBe(false);
    expect(katexTrust({ command: '\\htmlClass' })).toBe(false);
    expect(katexTrust({ command: '\\href' })).toBe(false);
    // untrusted commands render as an error-coloured name, never as markup
    expect(render(String.raw`\htmlClass{evil}{x}`)).not.toContain('class="enclosing evil"');
    expect(render(String.raw`\htmlData{onclick=alert(1)}{x}`)).not.toContain('data-onclick');
  });

  it('names the two Shiki themes the site uses', () => {
    expect(SHIKI_THEMES).toEqual({ light: 'github-light', dark: 'github-dark-high-contrast' });
  });
});
