import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  NOTEBOOK_FIRST_USE_BUDGET,
  SANDBOX_WORKER_BUDGET,
  budgetProblems,
  htmlFiles,
  measureNotebook,
  measurePage,
} from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

const pages = htmlFiles(SITE_DIR).map((f) => measurePage(SITE_DIR, TEST_BASE, f));

describe('page weight budgets (gzip)', () => {
  it.each(pages.map((p) => [p.page, p] as const))('%s stays within budget', (_, page) => {
    expect(budgetProblems(page)).toEqual([]);
  });

  it('chapter pages without widgets load only small scripts (theme, sidebar, search opener) and no tfjs', () => {
    const plain = pages.filter((p) => !p.hasWidgets && /^\/(zh|en)\/[^/]+\/$/.test(p.page));
    expect(plain.length).toBeGreaterThan(0);
    for (const p of plain) expect(p.js.gzip, p.page).toBeLessThanOrEqual(BUDGETS.plainPageJs);
  });

  it('budgetProblems(page) reports a page over budget (the check can fail)', () => {
    const fat = {
      page: '/x/',
      hasWidgets: false,
      loadsTfjs: true,
      html: { raw: 0, gzip: 0 },
      css: { raw: 0, gzip: 0 },
      js: { raw: 0, gzip: BUDGETS.plainPageJs + 1 },
      total: { raw: 0, gzip: BUDGETS.firstLoad + 1 },
    };
    expect(budgetProblems(fat)).toHaveLength(3);
  });

  it('every page links one stylesheet, the same one: a reader’s browser fetches and caches the book’s CSS once', () => {
    for (const page of pages) expect(page.stylesheets, page.page).toHaveLength(1);
    expect(new Set(pages.map((page) => page.stylesheets[0])).size).toBe(1);
  });

  it('no page loads TensorFlow.js up front, and the pages with widgets can load it later (their widget chunks hold it)', () => {
    expect(pages.filter((p) => p.loadsTfjs).map((p) => p.page)).toEqual([]);
    const lazyTfjs = readdirSync(join(SITE_DIR, '_astro')).filter(
      (f) => f.endsWith('.js') && readFileSync(join(SITE_DIR, '_astro', f), 'utf8').includes('registerBackend'),
    );
    expect(lazyTfjs.length).toBeGreaterThan(0);
  });

  it('a chapter with cells loads no editor or runtime up front; on first use they stay within the notebook budget, without tfjs', () => {
    const notebook = measureNotebook(SITE_DIR, TEST_BASE);
    expect(notebook, 'the notebook client chunk').not.toBeNull();
    if (!notebook) return;
    const withCells = htmlFiles(SITE_DIR).filter((f) => readFileSync(f, 'utf8').includes('data-cell='));
    expect(withCells.length).toBeGreaterThan(0);
    for (const file of withCells) {
      const page = pages.find((p) => file.endsWith(`${p.page.replace(/^\//, '')}index.html`));
      const upFront = readFileSync(file, 'utf8');
      expect(upFront, page?.page).not.toContain('notebook.client');
    }
    expect(notebook.gzip).toBeLessThanOrEqual(NOTEBOOK_FIRST_USE_BUDGET);
    expect(notebook.loadsTfjs).toBe(false);
  });

  it('the sandbox worker that runs cells holds tfjs without its GPU backends and stays within its budget', () => {
    const notebook = measureNotebook(SITE_DIR, TEST_BASE);
    expect(notebook?.workerGzip, 'the sandbox worker chunk').toBeGreaterThan(0);
    expect(notebook?.workerGpuBackends).toEqual([]);
    expect(notebook?.workerGzip).toBeLessThanOrEqual(SANDBOX_WORKER_BUDGET);
  });
});
