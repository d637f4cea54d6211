import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site';

describe('a TeX error', () => {
  it('fails `astro build` and names the file, line and formula (fixture tests/fixtures/bad-tex)', () => {
    const result = spawnSync('astro', ['build'], {
      cwd: ROOT,
      env: { ...process.env, CHAPTERS_DIR: 'tests/fixtures/bad-tex', OUT_DIR: join(ROOT, '.cache', 'bad-tex-site') },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain('TeX error in tests/fixtures/bad-tex/en/broken-formula.mdx');
    expect(output).toContain('broken-formula.mdx:12');
    expect(output).toContain('formula: \\frac{1}{\\sigma');
  });
});
