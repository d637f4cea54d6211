/** Prints the long-task benchmark for a built site: `node scripts/longtasks.mjs <site dir> [base] [load,lab,train] [out.json]`. */
// LONGTASK_RECORD=1 writes the run into bench/results.json and docs/PERFORMANCE.md. LONGTASK_ISOLATED=0|1 serves without/with COOP/COEP; LONGTASK_WIDTHS (e.g. "360"), LONGTASK_SECONDS (training, default 12) and LONGTASK_SLOWDOWN (CPU ×, default 1) tune a run.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchLongTasks } from './lib/longtask-bench.mjs';
import { longTaskLines, recordLongTasks } from './lib/longtask-report.mjs';

const [siteDir = '.cache/site-bench', base = '/', only, out] = process.argv.slice(2);
const result = await benchLongTasks(resolve(siteDir), {
  base,
  only: only ? only.split(',') : null,
  seconds: Number(process.env.LONGTASK_SECONDS ?? 12),
  slowdown: Number(process.env.LONGTASK_SLOWDOWN ?? 1),
  isolated: process.env.LONGTASK_ISOLATED === undefined ? undefined : process.env.LONGTASK_ISOLATED !== '0',
  widths: process.env.LONGTASK_WIDTHS ? process.env.LONGTASK_WIDTHS.split(',').map(Number) : undefined,
});
console.log(longTaskLines(result, { detail: true }).join('\n'));
if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
if (process.env.LONGTASK_RECORD === '1') {
  recordLongTasks(resolve(import.meta.dirname, '..'), result);
  console.log('\nwrote longTasks into bench/results.json and its section of docs/PERFORMANCE.md');
}
