import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hasBrowser, openPage, pagePaths, useBrowser } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = useBrowser();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(!hasBrowser)('accessibility (axe-core)', () => {
  const cases = pagePaths.flatMap((p) => (['light', 'dark'] as const).map((scheme) => [p, scheme] as const));
  it.each(cases)('/%s in the %s theme has no serious or critical violations', async (path, colorScheme) => {
    const { page, close } = await openPage(browser(), path, { colorScheme });
    // Evaluated rather than added as a <script>: the page's CSP blocks inline scripts.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      // KaTeX's visual layer is aria-hidden (readers get the MathML beside it) and is most of a chapter's nodes: skipping
      // it makes axe several times faster without hiding anything a screen reader meets.
      const result = await axe.run({ exclude: [['.katex-html']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await close();
  });
});
