/** Turns the project's dataset files (src/core/data) into the train/test bundle the worker handler trains on. */
import { DATASET_NAMES, datasetUrl, fetchDataset, getSplit, type Dataset, type DatasetName } from '../core/data';
import type { DatasetBundle } from './handler';

/** Narrows a request's dataset string to a known dataset name. */
export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

/** The fixed train/test split of a parsed dataset, as floats in [0, 1]. */
export function bundleFromDataset(dataset: Dataset): DatasetBundle {
  return {
    train: getSplit(dataset, 'train'),
    test: getSplit(dataset, 'test'),
    width: dataset.cols,
    height: dataset.rows,
  };
}

/**
 * A loader for the handler that downloads `<base>data/<file>` with progress and caches each dataset once; `siteFetch`
 * is the worker's own fetch, captured before a lockdown removes the global one (reader-objective.ts).
 */
export function createFetchLoader(
  baseUrl: string,
  siteFetch?: typeof fetch,
): (name: string, onProgress: (loaded: number, total: number | null) => void) => Promise<DatasetBundle> {
  const cache = new Map<DatasetName, Promise<DatasetBundle>>();
  return (name, onProgress) => {
    if (!isDatasetName(name))
      return Promise.reject(new Error(`Unknown dataset "${name}"; the book has ${DATASET_NAMES.join(' and ')}.`));
    let loading = cache.get(name);
    if (!loading) {
      loading = fetchDataset(datasetUrl(baseUrl, name), ({ loaded, total }) => onProgress(loaded, total), {
        expected: name,
        ...(siteFetch ? { fetch: siteFetch } : {}),
      }).then(bundleFromDataset);
      loading.catch(() => cache.delete(name));
      cache.set(name, loading);
    }
    return loading;
  };
}
