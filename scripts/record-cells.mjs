#!/usr/bin/env node
/**
 * `npm run cells:record`: runs every shipped notebook cell in Node (cpu backend, seed 1) through the same runtime as
 * the page and writes chapters/cells/<chapter>/<name>.output.json, the outputs shown without JavaScript.
 * tests/notebook/cells.test.ts fails when a recorded output no longer matches what the code produces.
 */
// The TypeScript runtime runs inside vitest's module runner, like scripts/checkpoint/train.mjs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const vitest = resolve(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const ran = spawnSync(vitest, ['run', '--config', 'scripts/cells/vitest.config.ts', '--silent=false'], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(ran.status ?? 1);
