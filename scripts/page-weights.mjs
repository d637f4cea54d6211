/** Prints the bytes each built page loads up front and exits 1 when a page is over budget. Usage: page-weights.mjs [outDir] */
import { resolve } from 'node:path';
import { BUDGETS, budgetProblems, detectBase, htmlFiles, measurePage } from './lib/page-weights.mjs';

const outDir = resolve(process.argv[2] ?? 'dist');
const base = detectBase(outDir);
const pages = htmlFiles(outDir)
  .map((f) => measurePage(outDir, base, f))
  .sort((a, b) => a.page.localeCompare(b.page));
const kb = (n) => (n / 1024).toFixed(1).padStart(6);
console.log(`Page weights for ${outDir} (base ${base}), KiB gzip (raw):`);
console.log('  page'.padEnd(40) + '  html          css           js            total');
for (const p of pages) {
  const cell = (b) => `${kb(b.gzip)} (${kb(b.raw).trim()})`.padEnd(14);
  console.log(
    `  ${p.page.padEnd(38)}  ${cell(p.html)}${cell(p.css)}${cell(p.js)}${cell(p.total)}${p.hasWidgets ? ' widgets' : ''}`,
  );
}
console.log(
  `Budgets (gzip): JS ${BUDGETS.plainPageJs / 1024} KiB without widgets, ${BUDGETS.widgetPageJs / 1024} KiB with; first load ${BUDGETS.firstLoad / 1024} KiB.`,
);
const problems = pages.flatMap((p) => budgetProblems(p));
if (problems.length) {
  console.error(`Over budget:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
