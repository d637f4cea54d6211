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

/** Progress as bytes loaded so far and the total once known. */
type OnProgress = (loaded: number, total: number | null) => void;

/**
 * A loader for the handler that downloads `<base>data/<file>` with progress and caches each dataset once; `siteFetch`
 * is the worker's own fetch, captured before a lockdown removes the global one (reader-objective.ts). A caller that
 * asks while a download is under way (an init after a prefetch) shares it, and hears its progress from then on.
 */
export function createFetchLoader(
  baseUrl: string,
  siteFetch?: typeof fetch,
): (name: string, onProgress: OnProgress) => Promise<DatasetBundle> {
  const cache = new Map<DatasetName, { loading: Promise<DatasetBundle>; listeners: Set<OnProgress> }>();
  return (name, onProgress) => {
    if (!isDatasetName(name))
      return Promise.reject(new Error(`Unknown dataset "${name}"; the book has ${DATASET_NAMES.join(' and ')}.`));
    const known = cache.get(name);
    if (known) {
      known.listeners.add(onProgress);
      return known.loading;
    }
    const listeners = new Set<OnProgress>([onProgress]);
    const loading = fetchDataset(
      datasetUrl(baseUrl, name),
      ({ loaded, total }) => listeners.forEach((listener) => listener(loaded, total)),
      { expected: name, ...(siteFetch ? { fetch: siteFetch } : {}) },
    ).then(bundleFromDataset);
    loading.then(
      () => listeners.clear(),
      () => cache.delete(name),
    );
    cache.set(name, { loading, listeners });
    return loading;
  };
}
