import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const versionFrom = (fromDir: string) =>
  (require(require.resolve('katex/package.json', { paths: [fromDir] })) as { version: string }).version;

describe('KaTeX', () => {
  // The markup comes from rehype-katex's katex and the CSS from ours: different versions misplace superscripts.
  it('the katex that renders formulas is the katex whose CSS the site serves', () => {
    const rehypeKatexDir = join(process.cwd(), 'node_modules', 'rehype-katex');
    expect(versionFrom(rehypeKatexDir)).toBe(versionFrom(process.cwd()));
  });
});
