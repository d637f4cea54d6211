/** `npm test`: every check, scheduled so the end-to-end tests start as soon as the test build exists. */
// Lint, format check, type-check and the tests that need no build (unit, unit-isolated, slow) run beside the build and
// then beside the end-to-end tests, at a lower CPU priority: the browser tests use about 1.4 of 2 cores, and these fill
// the rest instead of running before or after them. Extra arguments go to one vitest run after the build, as before
// (e.g. `npm test -- --project unit`). SKIP_BUILD=1 reuses the last test build; VERBOSE=1 prints every step's output.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { restorePriority, trySetPriority } from './lib/priority.mjs';

const root = resolve(import.meta.dirname, '..');
const siteDir = join(root, '.cache', 'site-test');
mkdirSync(join(root, '.cache'), { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const started = Date.now();
const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
// How much lower the side steps run than npm test itself (nice values, capped at the lowest, 19): the browser tests
// wait on their own work, and a step that shares a core with them at equal priority slows each test as much as it gains.
const SIDE_PRIORITY = Math.min(19, getPriority() + 10);
/** The side steps' processes, lowered at start (their own children inherit it) and put back when the browser tests end. */
const sidePids = [];

/** Runs one step, its output held back (printed when it fails, or with VERBOSE=1); resolves to its result. */
function quietStep(label, command, args, { env = {}, background = false } = {}) {
  const stepStart = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '1', ...env } });
    if (background) {
      sidePids.push(child.pid);
      trySetPriority(child.pid, SIDE_PRIORITY);
    }
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    onEnd(child, label, (status) => {
      const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
      console.log(`\n━━ ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds} s (done at ${elapsed()} s)`);
      if (status !== 0 || process.env['VERBOSE'] === '1') process.stdout.write(Buffer.concat(chunks));
      done({ label, ok: status === 0 });
    });
  });
}

/** Calls `ended` once with the child's exit status, or with null after saying why when it could not start (e.g. a missing binary). */
function onEnd(child, label, ended) {
  let settled = false;
  const settle = (status) => {
    if (settled) return;
    settled = true;
    ended(status);
  };
  child.on('error', (error) => {
    console.log(`\n━━ ${label}: could not run (${error.message})`);
    settle(null);
  });
  child.on('close', settle);
}

/** Runs one step with its output shown as it comes; resolves to its result. */
function liveStep(label, command, args, env = {}) {
  return new Promise((done) => {
    console.log(`\n━━ ${label} (from ${elapsed()} s)`);
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    onEnd(child, label, (status) => done({ label, ok: status === 0 }));
  });
}

/** A vitest run's arguments with both reporters, the JSON one written to `report` (an old one removed first). */
function vitestArgs(report, args) {
  rmSync(report, { force: true });
  return ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
}
const projects = (...names) => names.flatMap((name) => ['--project', name]);

/** The build, or nothing when SKIP_BUILD=1 finds one. */
function buildStep() {
  if (process.env['SKIP_BUILD'] === '1' && existsSync(siteDir)) {
    console.log('\n━━ reusing the test build in .cache/site-test (SKIP_BUILD=1)');
    return Promise.resolve({ label: 'build', ok: true });
  }
  return quietStep('build the site under /vae-book/', process.execPath, ['scripts/build-site.mjs'], {
    env: { BASE_PATH: '/vae-book/', OUT_DIR: siteDir },
  });
}

const extra = process.argv.slice(2);
const reports = [];
const side = { background: true };
const sideSteps = [
  quietStep('lint (eslint)', bin('eslint'), ['.'], side),
  quietStep('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn'], side),
  quietStep('type-check (astro check)', bin('astro'), ['check'], side),
];
if (!extra.length) {
  const report = join(root, '.cache', 'vitest-report-unit.json');
  reports.push(report);
  const args = vitestArgs(report, projects('unit', 'unit-isolated', 'slow'));
  sideSteps.push(quietStep('vitest: unit, unit-isolated, slow', bin('vitest'), args, side));
}
const built = await buildStep();
const results = [built];
if (built.ok) {
  const report = join(root, '.cache', 'vitest-report.json');
  reports.push(report);
  const args = vitestArgs(report, extra.length ? extra : projects('site', 'e2e'));
  const label = extra.length
    ? `vitest ${extra.join(' ')}`
    : 'vitest: site and e2e (unit, slow and the checks go on beside it)';
  results.push(await liveStep(label, bin('vitest'), args, { SITE_DIR: siteDir }));
}
// With the browser tests done, nothing is left to yield to: on a machine busy with other work, steps still at the low
// priority got a few per cent of a core and finished minutes after the browser tests (378 s in one run).
const restored = restorePriority(sidePids);
if (restored > 0)
  console.log(`\n━━ steps still running go on at npm test's own priority (${restored} threads, at ${elapsed()} s)`);
results.push(...(await Promise.all(sideSteps)));
printCounts(reports);
const failed = results.filter((r) => !r.ok);
console.log(
  failed.length ? `\nFAILED: ${failed.map((r) => r.label).join(', ')}` : `\nall steps passed in ${elapsed()} s`,
);
process.exit(failed.length ? 1 : 0);

/** Adds up passed, failed and skipped over the vitest runs' JSON reports. */
function printCounts(files) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files.filter((f) => existsSync(f))) {
    const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(file, 'utf8'));
    total.passed += numPassedTests;
    total.failed += numFailedTests;
    total.skipped += numPendingTests;
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
}
