/** Node-only loading of the generated dataset files (tests, training scripts); kept apart so browsers never see node:fs. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DATASET_FILES, parseDataset } from './format';
import type { Dataset, DatasetName } from './format';

/** The project's generated data folder (public/data), resolved from this file's location. */
export const DATA_DIR = fileURLToPath(new URL('../../../public/data/', import.meta.url));

/** Absolute path of a dataset file in `dir` (default: public/data). */
export function datasetPath(name: DatasetName, dir = DATA_DIR): string {
  return `${dir.endsWith('/') ? dir : `${dir}/`}${DATASET_FILES[name]}`;
}

/** Reads and checks a dataset file from disk; run `node scripts/datasets/build.mjs` first if it is missing. */
export async function loadDatasetFile(name: DatasetName, dir = DATA_DIR): Promise<Dataset> {
  const path = datasetPath(name, dir);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT')
      throw new Error(`${path} does not exist: generate it with node scripts/datasets/build.mjs`, { cause: e });
    throw e;
  }
  return parseDataset(bytes, name);
}
