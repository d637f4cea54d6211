import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import rehypeKeepPunctuationWithMath from '../../src/build/rehype-keep-punctuation-with-math.mjs';

const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex)
      .use(rehypeKeepPunctuationWithMath)
      .use(rehypeStringify)
      .processSync(markdown),
  );
const pairs = (html: string) => html.split('class="math-nobreak"').length - 1;

describe('rehypeKeepPunctuationWithMath', () => {
  it('keeps a full-width comma, full stop or closing bracket with the short formula before it', () => {
    const html = render('方差是 $w^2 + s^2$，还是那个数；标准差（$\\sigma$）也是 $s$。');
    expect(html).toMatch(
      /<span class="math-nobreak"><span class="katex">(?:(?!math-nobreak)[\s\S])*<\/span>，<\/span>还是那个数/,
    );
    expect(html).toMatch(/<\/span>）<\/span>也是/);
    expect(html).toMatch(/<\/span>。<\/span><\/p>/);
    expect(pairs(html)).toBe(3);
  });

  it('leaves a formula alone when a word or a space follows, when it is long, and in display math', () => {
    const long = '\\mathbb{E}_{q(z \\mid x)}\\big[\\log p(x \\mid z)\\big] - \\mathrm{KL}';
    const html = render(`If $x$ then $z$ too; the ELBO is $${long}$, as before.\n\n$$\na = b,\n$$\n`);
    expect(pairs(html)).toBe(0);
    expect(html).toContain('</span>, as before.');
  });
});
