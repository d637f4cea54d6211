/** A vitest configuration used only by train.mjs: runs train.run.ts with the repository as root. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['scripts/checkpoint/train.run.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
  },
});
