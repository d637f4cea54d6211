import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, openPage, pagePaths, useBrowser } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = useBrowser();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the open page (all rules, or only `rules`) and returns its serious and critical violations. */
async function seriousViolations(page: Page, rules?: string[]) {
  const violations = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    // KaTeX's visual layer is aria-hidden (readers get the MathML beside it) and is most of a chapter's nodes: skipping
    // it makes axe several times faster without hiding anything a screen reader meets.
    const options = only
      ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: only } }
      : { resultTypes: ['violations'] };
    const result = await axe.run({ exclude: [['.katex-html']] }, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, rules ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Only colours change between the themes, so the dark theme re-runs the colour rules on the same loaded page.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

describe.skipIf(!hasBrowser)('accessibility (axe-core)', () => {
  it.each(pagePaths)(
    '/%s has no serious or critical violations in the light theme, nor contrast failures in the dark one',
    async (path) => {
      const { page, close } = await openPage(browser(), path, { colorScheme: 'light' });
      // Evaluated rather than added as a <script>: the page's CSP blocks inline scripts.
      await page.evaluate(axeSource);
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      // The page follows the system theme live (src/lib/theme.ts). Colours are CSS variables, applied at once; the canvas
      // views repaint in the animation frame a data-theme observer asks for (pretrained-vae.ts), done two frames later.
      await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await seriousViolations(page, COLOUR_RULES)).toEqual([]);
      await close();
    },
  );
});
