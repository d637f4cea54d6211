/** `npm test`: lint, format check, type-check and the test build side by side, then every vitest project (unit, unit-isolated, slow, site, e2e). */
// Extra arguments go to vitest (e.g. `npm test -- --project unit`). SKIP_BUILD=1 reuses the last test build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const siteDir = join(root, '.cache', 'site-test');
const report = join(root, '.cache', 'vitest-report.json');
mkdirSync(join(root, '.cache'), { recursive: true });

/** Runs one step with its output held back, so steps that run side by side print whole blocks; resolves to its result. */
function quietStep(label, command, args, env = {}) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '1', ...env } });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n━━ ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
      if (status !== 0 || process.env['VERBOSE'] === '1') process.stdout.write(Buffer.concat(chunks));
      done({ label, ok: status === 0 });
    });
  });
}

// These four need nothing from each other, and on two cores they overlap well: the type-check and the linters are
// single-threaded, and the build waits on the disk and on Pagefind between its busy phases.
const bin = (name) => join(root, 'node_modules', '.bin', name);
const steps = [
  quietStep('lint (eslint)', bin('eslint'), ['.']),
  quietStep('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']),
  quietStep('type-check (astro check)', bin('astro'), ['check']),
];
if (process.env['SKIP_BUILD'] === '1' && existsSync(siteDir))
  console.log('\n━━ reusing the test build in .cache/site-test (SKIP_BUILD=1)');
else
  steps.push(
    quietStep('build the site under /vae-book/', process.execPath, ['scripts/build-site.mjs'], {
      BASE_PATH: '/vae-book/',
      OUT_DIR: siteDir,
    }),
  );
const failed = (await Promise.all(steps)).filter((s) => !s.ok);
if (failed.length) {
  console.log(`\nFAILED: ${failed.map((s) => s.label).join(', ')}`);
  process.exit(1);
}

console.log('\n━━ vitest: unit (shared and isolated modules), slow, site and e2e');
const extra = process.argv.slice(2);
const projects = extra.length
  ? extra
  : ['unit', 'unit-isolated', 'slow', 'site', 'e2e'].flatMap((name) => ['--project', name]);
const vitest = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...projects],
  { stdio: 'inherit', cwd: root, env: { ...process.env, SITE_DIR: siteDir } },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
process.exit(vitest.status ?? 1);
