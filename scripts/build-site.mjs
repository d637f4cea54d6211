/** Builds the book: generated data (when its script exists), Astro, the Pagefind index, the service worker, then the page-weight report. */
// Honours BASE_PATH (deploy sub-path) and OUT_DIR (output folder) like astro.config.mjs does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildServiceWorker, normaliseBase } from './lib/service-worker.mjs';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');

/** Runs one step, stopping the build with its exit code when it fails. */
function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

for (const generator of ['scripts/datasets/build.mjs', 'scripts/checkpoint/ensure.mjs']) {
  if (existsSync(generator)) step(`generate (${generator})`, process.execPath, [generator]);
}
step('astro build', 'astro', ['build']);
step('pagefind index', 'pagefind', ['--site', outDir]);
// Last of the site's files: the worker precaches every page, asset and the Pagefind index built above.
console.log('\n▶ service worker (Workbox)');
try {
  await buildServiceWorker(outDir, normaliseBase(process.env.BASE_PATH));
} catch (error) {
  console.error(`✗ service worker failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
step('page weights', process.execPath, ['scripts/page-weights.mjs', outDir]);
