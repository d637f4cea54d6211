/** axe-core in a page, the one way every end-to-end test runs it: injected by evaluation (the CSP blocks added scripts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One serious or critical violation: the rule and up to three offending elements. */
export interface SeriousViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * Runs axe over the element `selector` (the whole document when omitted) and returns its serious and critical
 * violations. `stripOtherHeavyContent` first removes the page's other formulas, code and figures: axe's colour checks
 * take seconds on a chapter, and a widget's own check need not pay for the text around it.
 */
export async function seriousViolations(
  page: Page,
  selector?: string,
  { stripOtherHeavyContent = false } = {},
): Promise<SeriousViolation[]> {
  if (stripOtherHeavyContent && selector) {
    await page.evaluate((sel) => {
      const widget = document.querySelector(sel);
      for (const heavy of document.querySelectorAll('.katex, .katex-display, pre, figure'))
        if (!heavy.contains(widget) && !widget?.contains(heavy)) heavy.remove();
    }, selector);
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (
      window as unknown as { axe: { run: (context: Element | Document, options: object) => Promise<Result> } }
    ).axe;
    const { violations } = await axe.run(sel ? document.querySelector(sel)! : document, {
      resultTypes: ['violations'],
    });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, selector ?? null);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Switches a loaded page to the dark theme as the system would, and waits until it has repainted: the page follows
 * the system theme live (src/lib/theme.ts), colours are CSS variables applied at once, and canvas views repaint in the
 * animation frame a data-theme observer asks for (pretrained-vae.ts), done two frames later.
 */
export async function switchToDarkTheme(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
