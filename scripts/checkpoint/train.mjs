#!/usr/bin/env node
/**
 * Trains the book's pretrained VAEs in Node (wasm backend) and writes public/checkpoints/<name>.bin (weights) and
 * <name>.json (training curve, test ELBO, importance-weighted bound). Run it after the datasets exist
 * (node scripts/datasets/build.mjs). CHECKPOINT_ONLY=mnist-z2 trains one model; CHECKPOINT_EPOCHS=2 shortens a trial.
 */
// The TypeScript engine runs inside vitest's module runner, which loads tfjs-core's ESM build the way the tests do.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const vitest = resolve(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const ran = spawnSync(vitest, ['run', '--config', 'scripts/checkpoint/vitest.config.ts', '--silent=false'], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(ran.status ?? 1);
