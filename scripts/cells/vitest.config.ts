/** A vitest configuration used only by record-cells.mjs: runs record.run.ts with the repository as root. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: ['scripts/cells/record.run.ts'], environment: 'node', testTimeout: 600_000 },
});
