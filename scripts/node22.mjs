#!/usr/bin/env node
/** Runs a command under Node ≥ 22.12: the system Node when it is new enough, else a pinned runtime from tools/node22. */
// Astro 7 and Vitest 5 need Node 22.12+. Machines whose system Node is older (this project's CI has Node 20)
// get a Node 22 binary from the npm registry's `node` package, installed once into tools/node22 and put first on
// PATH for the command only. A user whose Node is already new enough runs everything on their own Node, untouched.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = [22, 12];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, 'tools', 'node22');
const pinnedBin = join(toolDir, 'node_modules', '.bin');

/** True when this Node satisfies the project's engines field. */
function systemNodeIsEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

/** Installs the pinned Node 22 from tools/node22/package-lock.json unless it is already there. */
function ensurePinnedNode() {
  if (existsSync(join(pinnedBin, 'node'))) return;
  console.error(
    `[node22] system Node ${process.version} is older than ${MIN.join('.')}; installing the pinned Node 22 into tools/node22 …`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: toolDir,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(join(pinnedBin, 'node'))) {
    console.error(
      '[node22] could not install Node 22. Install Node ≥ 22.12 yourself (see .nvmrc) and run the command again.',
    );
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const ensureOnly = args[0] === '--ensure';
const env = { ...process.env };
if (!systemNodeIsEnough()) {
  ensurePinnedNode();
  env.PATH = [pinnedBin, join(root, 'node_modules', '.bin'), env.PATH ?? ''].join(delimiter);
}
if (ensureOnly) process.exit(0);
if (args.length === 0) {
  console.error('usage: node scripts/node22.mjs <command> [args…]');
  process.exit(2);
}
const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`[node22] could not start ${args[0]}: ${error.message}`);
  process.exit(127);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
