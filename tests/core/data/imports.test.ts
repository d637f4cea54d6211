/** Browser and worker bundles import src/core/data; only node.ts may touch Node built-ins such as node:fs. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../src/core/data/', import.meta.url);
const browserFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'node.ts');

describe.each(browserFiles)('src/core/data/%s', (file) => {
  it('imports no Node built-ins and not ./node', () => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    expect(source).not.toMatch(/from\s+['"](node:|fs['"]|path['"])/);
    expect(source).not.toMatch(/from\s+['"]\.\/node['"]/);
  });
});
