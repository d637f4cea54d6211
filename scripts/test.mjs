/** `npm test`: type-check, build the site under a sub-path, then run every vitest project (unit, site, e2e). */
// Extra arguments go to vitest (e.g. `npm test -- --project unit`). SKIP_BUILD=1 reuses the last test build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const siteDir = join(root, '.cache', 'site-test');
const report = join(root, '.cache', 'vitest-report.json');
mkdirSync(join(root, '.cache'), { recursive: true });

/** Runs a step and stops with its exit code when it fails. */
function step(label, command, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: root });
  console.log(`━━ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step('type-check (astro check)', 'astro', ['check']);
if (process.env.SKIP_BUILD === '1' && existsSync(siteDir)) console.log('\n━━ reusing the test build in .cache/site-test (SKIP_BUILD=1)');
else step('build the site under /vae-book/', process.execPath, ['scripts/build-site.mjs'], { BASE_PATH: '/vae-book/', OUT_DIR: siteDir });

console.log('\n━━ vitest: unit, site and e2e');
const extra = process.argv.slice(2);
const projects = extra.length ? extra : ['--project', 'unit', '--project', 'site', '--project', 'e2e'];
const vitest = spawnSync('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...projects], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, SITE_DIR: siteDir },
});
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
process.exit(vitest.status ?? 1);
