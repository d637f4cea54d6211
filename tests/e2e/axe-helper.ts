/** axe-core in a page, the one way every end-to-end test runs it: injected by evaluation (the CSP blocks added scripts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { NEAR_VIEWPORT_MARGIN } from '../../src/lib/when-near-viewport';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation: the rule, its impact, what it asks for and up to three offending elements. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What axe checks: the whole document, the element a selector or a locator names, or those several selectors name. */
export type AxeScope = string | Locator | { include: string[] };

/** How far below the screen's bottom edge a formula's visual layer must start to be set aside: past the margin in which widgets start, and then some. */
const SAFE_BELOW_PX = Number.parseInt(NEAR_VIEWPORT_MARGIN, 10) + 400;

/** The attribute that marks a locator's element for the run, so the page can find it by a selector. */
const MARK = 'data-axe-scope';

/** How a check runs. */
export interface AxeOptions {
  /** Only these rules (e.g. the colour rules after a theme switch); all of axe's default rules when omitted. */
  rules?: string[];
  /** With a selector scope: first remove the page's other formulas, code and figures (see below), for good. */
  stripOtherHeavyContent?: boolean;
}

/**
 * Runs axe on `page` over `scope` (the whole document when omitted) and returns every violation it finds.
 * KaTeX's visual layer (`.katex-html`) well below the screen is set aside while axe runs and put back after, except
 * inside an element the scope names: it is aria-hidden (readers get the MathML beside it, which stays and is checked),
 * it is over half of a chapter's elements, and axe walks the whole page even for one element's check.
 * `stripOtherHeavyContent` removes the page's other formulas, code and figures for good instead (nothing is then set
 * aside: every formula left is in the scope): axe's colour checks take seconds on a chapter, and a widget's own check
 * need not pay for the text around it.
 */
export async function axeViolations(page: Page, scope?: AxeScope, options: AxeOptions = {}): Promise<AxeViolation[]> {
  if (scope === undefined || typeof scope === 'string' || 'include' in scope) return runAxe(page, scope, options);
  await scope.evaluate((element, mark) => element.setAttribute(mark, ''), MARK);
  try {
    return await runAxe(page, `[${MARK}]`, options);
  } finally {
    await scope.evaluate((element, mark) => element.removeAttribute(mark), MARK);
  }
}

/** `axeViolations` once a locator's element is marked: everything named by selectors. */
async function runAxe(
  page: Page,
  scope: string | { include: string[] } | undefined,
  { rules, stripOtherHeavyContent = false }: AxeOptions,
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const strip = stripOtherHeavyContent && typeof scope === 'string';
  return page.evaluate(
    async ([scope, rules, strip, SAFE_BELOW_PX]) => {
      type Result = {
        violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<Result> } }).axe;
      let context: unknown = document;
      let scoped: Element[] = [];
      if (typeof scope === 'string') {
        const element = document.querySelector(scope);
        // A selector that matches nothing would have axe check nothing, or the whole page: neither is what was asked.
        if (!element) throw new Error(`axe: nothing on the page matches ${scope}`);
        context = element;
        scoped = [element];
      } else if (scope) {
        context = { include: scope.include.map((selector) => [selector]) };
        scoped = scope.include.flatMap((selector) => [...document.querySelectorAll(selector)]);
      }
      const related = (node: Element) => scoped.some((element) => element.contains(node) || node.contains(element));
      // Stripping removes every formula, code block and figure that neither holds nor lies in the scope, for good; the
      // formula layers it leaves are all in the scope, so there is nothing left to set aside.
      if (strip) {
        for (const heavy of document.querySelectorAll('.katex, .katex-display, pre, figure'))
          if (!related(heavy)) heavy.remove();
      }
      // Otherwise only layers well below the screen (and the near-viewport margin widgets start in) are set aside, and
      // only if the page stays taller than the screen: content then moves up only below that line, so no widget comes
      // into view and starts, and the scroll position stays where it is.
      const below = innerHeight + SAFE_BELOW_PX;
      const layers = strip
        ? []
        : [...document.querySelectorAll('.katex-html')].filter(
            (layer) => layer.getBoundingClientRect().top >= below && !related(layer),
          );
      const height = layers.reduce((sum, layer) => sum + layer.getBoundingClientRect().height, 0);
      const room = document.documentElement.scrollHeight - scrollY - below;
      const setAside = (height < room ? layers : []).map((layer) => {
        const place = document.createComment('katex-html');
        layer.replaceWith(place);
        return { layer, place };
      });
      const options = rules
        ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: rules } }
        : { resultTypes: ['violations'] };
      const { violations } = await axe.run(context, options).finally(() => {
        for (const { layer, place } of setAside) place.replaceWith(layer);
      });
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    },
    [scope ?? null, rules ?? null, strip, SAFE_BELOW_PX] as const,
  );
}

/** The serious and critical violations `axeViolations` finds: what most checks in this suite forbid. */
export async function seriousViolations(page: Page, scope?: AxeScope, options?: AxeOptions): Promise<AxeViolation[]> {
  const found = await axeViolations(page, scope, options);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Switches a loaded page to the `theme` as the system would, and waits until it has repainted: the page follows the
 * system theme live (src/lib/theme.ts), colours are CSS variables applied at once, and canvas views repaint in the
 * animation frame a data-theme observer asks for (pretrained-vae.ts), done two frames later.
 */
export async function switchToTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((wanted) => document.documentElement.dataset['theme'] === wanted, theme);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** `switchToTheme(page, 'dark')`: how the suite's dark-theme checks reach the dark theme. */
export const switchToDarkTheme = (page: Page): Promise<void> => switchToTheme(page, 'dark');
