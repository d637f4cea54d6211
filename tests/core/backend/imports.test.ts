/** The page must load only the backends it uses: backend packages are imported dynamically, never statically. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../src/core/backend/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe.each(files)('src/core/backend/%s', (file) => {
  const source = readFileSync(new URL(file, dir), 'utf8');

  it('has no static import of a @tensorflow/tfjs-backend-* package', () => {
    expect(source).not.toMatch(/^\s*import\s[^(]*['"]@tensorflow\/tfjs-backend-/m);
    expect(source).not.toMatch(/^\s*export\s[^(]*from\s+['"]@tensorflow\/tfjs-backend-/m);
  });

  it('uses no Node built-ins (it runs in pages and workers)', () => {
    expect(source).not.toMatch(/from\s+['"]node:/);
  });
});

it('candidates.ts loads each of the four backend packages with import()', () => {
  const source = readFileSync(new URL('candidates.ts', dir), 'utf8');
  for (const pkg of ['webgpu', 'webgl', 'wasm', 'cpu']) expect(source).toContain(`import('@tensorflow/tfjs-backend-${pkg}')`);
});
