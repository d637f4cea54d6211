/** The layers of docs/ARCHITECTURE.md hold: core imports nothing of ours outside core, charts take only types from core, … */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breaksRule, importsOf, layerViolations } from './helpers/layers';

const src = fileURLToPath(new URL('../src/', import.meta.url));

it('layerViolations(src) finds no import that breaks a layer rule', () => {
  expect(layerViolations(src)).toEqual([]);
});

describe('breaksRule(from, target, typeOnly, external)', () => {
  it.each([
    // [from, target, typeOnly, external]: each a forbidden import the scan must report
    ['core', 'components/widgets/kit.ts', false, false],
    ['core', 'worker/protocol', true, false],
    ['core', 'lib/theme', false, false],
    ['core', 'astro:content', false, true],
    ['core', '@observablehq/plot', false, true],
    ['worker', 'charts/frame', false, false],
    ['worker', 'components/widgets/lab/history', true, false],
    ['charts', 'components/widgets/lab/history', true, false],
    ['charts', 'core/model', false, false],
    ['charts', 'worker/protocol', true, false],
    ['charts', '@tensorflow/tfjs-core', false, true],
    ['notebook', 'components/widgets/kit', false, false],
    ['notebook', 'worker/protocol', true, false],
    ['notebook', 'astro:content', false, true],
    ['notebook', 'worker/handler', false, false],
    ['lib', 'components/layout/Header.astro', false, false],
    ['i18n', 'components/widgets/kit', true, false],
    ['i18n', 'worker/protocol', false, false],
  ] as const)('%s → %s (typeOnly %s) is reported', (from, target, typeOnly, external) => {
    expect(breaksRule(from, target, typeOnly, external)).toMatch(new RegExp(`^src/${from} `));
  });

  it.each([
    ['core', 'core/random', false, false],
    ['core', '@tensorflow/tfjs-core', false, true],
    ['worker', 'core/trainer', false, false],
    ['worker', 'notebook/compile', false, false],
    ['i18n', 'worker/protocol', true, false],
    ['charts', 'core/toys/marginal-likelihood-study', true, false],
    ['charts', '@observablehq/plot', false, true],
    ['notebook', 'core/tf', false, false],
    ['lib', 'i18n/langs', false, false],
    ['components', 'worker/protocol', false, false],
    ['components', 'charts/lab/loss', false, false],
    ['pages', 'components/widgets/kit', false, false],
  ] as const)('%s → %s (typeOnly %s) is allowed', (from, target, typeOnly, external) => {
    expect(breaksRule(from, target, typeOnly, external)).toBeNull();
  });
});

describe('importsOf(code)', () => {
  it('reads static, type-only, re-exported, dynamic and import-type references with their lines', () => {
    const code = [
      "import { a } from './a';",
      "import type { B } from '../core/b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "const e = await import('./e');",
      "let f: import('./f').F;",
      "import './g.css';",
    ].join('\n');
    expect(importsOf(code)).toEqual([
      { specifier: './a', typeOnly: false, line: 1 },
      { specifier: '../core/b', typeOnly: true, line: 2 },
      { specifier: './c', typeOnly: false, line: 3 },
      { specifier: './d', typeOnly: true, line: 4 },
      { specifier: './e', typeOnly: false, line: 5 },
      { specifier: './f', typeOnly: true, line: 6 },
      { specifier: './g.css', typeOnly: false, line: 7 },
    ]);
  });

  it('counts `import { type X }` as a value import (verbatimModuleSyntax keeps the module)', () => {
    expect(importsOf("import { type X } from './x';")).toEqual([{ specifier: './x', typeOnly: false, line: 1 }]);
  });
});

// The page must load only the backends it uses: backend packages are imported dynamically, never statically.
const backendDir = new URL('../src/core/backend/', import.meta.url);
const backendFiles = readdirSync(backendDir).filter((f) => f.endsWith('.ts'));

describe.each(backendFiles)('src/core/backend/%s', (file) => {
  const source = readFileSync(new URL(file, backendDir), 'utf8');

  it('has no static import of a @tensorflow/tfjs-backend-* package', () => {
    expect(source).not.toMatch(/^\s*import\s[^(]*['"]@tensorflow\/tfjs-backend-/m);
    expect(source).not.toMatch(/^\s*export\s[^(]*from\s+['"]@tensorflow\/tfjs-backend-/m);
  });

  it('uses no Node built-ins (it runs in pages and workers)', () => {
    expect(source).not.toMatch(/from\s+['"]node:/);
  });
});

it('candidates.ts loads each of the four backend packages with import()', () => {
  const source = readFileSync(new URL('candidates.ts', backendDir), 'utf8');
  for (const pkg of ['webgpu', 'webgl', 'wasm', 'cpu'])
    expect(source).toContain(`import('@tensorflow/tfjs-backend-${pkg}')`);
});
