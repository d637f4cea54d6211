import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import {
  ROOT,
  cellPath,
  codeTokens,
  listCells,
  outputPath,
  runChapter,
  type RecordedCell,
} from '../../scripts/cells/cells';
import { generateDatasets } from '../../scripts/datasets/build.mjs';
import { datasetPath } from '../../src/core/data/node';
import { useBackend } from '../core/helpers';

/** Recorded numbers must match a fresh run to this relative tolerance (cpu backend both times; allows last-digit noise). */
const RELATIVE_TOLERANCE = 1e-5;
const ABSOLUTE_TOLERANCE = 1e-6;

/** Compares two outputs: numbers within tolerance, everything else exactly; returns where they differ, or null. */
function difference(recorded: unknown, fresh: unknown, path = ''): string | null {
  if (typeof recorded === 'number' && typeof fresh === 'number') {
    const ok = Math.abs(recorded - fresh) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(recorded);
    return ok ? null : `${path}: recorded ${recorded}, now ${fresh}`;
  }
  if (typeof recorded !== 'object' || recorded === null || typeof fresh !== 'object' || fresh === null) {
    return recorded === fresh ? null : `${path}: recorded ${JSON.stringify(recorded)}, now ${JSON.stringify(fresh)}`;
  }
  const keys = new Set([...Object.keys(recorded), ...Object.keys(fresh)]);
  for (const key of keys) {
    const d = difference(
      (recorded as Record<string, unknown>)[key],
      (fresh as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (d) return d;
  }
  return null;
}

const chapters = [...listCells('en')];

beforeAll(async () => {
  if (!existsSync(datasetPath('mnist'))) generateDatasets({ root: ROOT });
  await useBackend('cpu');
});

describe('shipped cells', () => {
  it('exist in both languages with the same code once comments are stripped', () => {
    expect([...listCells('zh')]).toEqual(chapters);
    for (const [chapter, names] of chapters) {
      for (const name of names) {
        const en = readFileSync(cellPath('en', chapter, name), 'utf8');
        const zh = readFileSync(cellPath('zh', chapter, name), 'utf8');
        expect(codeTokens(zh), `${chapter}/${name}`).toEqual(codeTokens(en));
      }
    }
  });

  it.each(chapters)(
    'in %s produce their recorded outputs when run in Node again (numbers to 1e-5 relative)',
    async (chapter, names) => {
      const results = await runChapter(chapter, names);
      for (const name of names) {
        const recorded = JSON.parse(readFileSync(outputPath(chapter, name), 'utf8')) as RecordedCell;
        const fresh = JSON.parse(JSON.stringify(results.get(name))) as RecordedCell;
        expect(fresh.error, `${chapter}/${name} fails: ${fresh.error?.message}`).toBeUndefined();
        expect(
          difference(recorded, fresh),
          `${chapter}/${name}: run npm run cells:record if the change is intended`,
        ).toBeNull();
      }
    },
  );

  it('codeTokens ignores comments and spacing but not code', () => {
    expect(codeTokens('const a = 1; // one\n/* x */ a')).toEqual(codeTokens('const a = 1;   // 一\n a'));
    expect(codeTokens('const a = 1;')).not.toEqual(codeTokens('const a = 2;'));
  });
});
