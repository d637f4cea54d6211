/** Downloads a dataset file with real progress (bytes loaded / total) by streaming the response body. */
import { DATASET_FILES, DATASET_TITLES, DatasetError, HEADER_BYTES, MAGIC, parseDataset } from './format';
import type { Dataset, DatasetName } from './format';

/** Bytes received so far, and the file's size once known (null until then). */
export interface DatasetProgress {
  readonly loaded: number;
  readonly total: number | null;
}

/** Options for fetchDataset. */
export interface FetchDatasetOptions {
  /** Names the file in messages and rejects a different dataset. */
  readonly expected?: DatasetName;
  /** Cancels the download; the rejection is then the AbortError itself, not a DatasetError. */
  readonly signal?: AbortSignal;
  /** A fetch implementation (tests pass a fake). */
  readonly fetch?: (url: string, init: { signal?: AbortSignal }) => Promise<Response>;
}

/** The URL of a dataset under the site's base path, e.g. datasetUrl('/vae-book/', 'mnist') → '/vae-book/data/mnist.bin'. */
export function datasetUrl(baseUrl: string, name: DatasetName): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}data/${DATASET_FILES[name]}`;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The file size a header announces, when the first bytes look like our format; null otherwise. */
function sizeFromHeader(head: Uint8Array): number | null {
  if (head.length < HEADER_BYTES || !MAGIC.every((b, i) => head[i] === b)) return null;
  return HEADER_BYTES + new DataView(head.buffer, head.byteOffset, HEADER_BYTES).getUint32(32, true);
}

/** Joins chunks into one array of `length` bytes. */
function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Fetches and parses a dataset, calling onProgress as bytes arrive. The total comes from Content-Length when the
 * response is not compressed, and from the file's own header as soon as its first 64 bytes are in (so progress is
 * right even when the server gzips on the fly). Network and HTTP failures become DatasetError('download').
 */
export async function fetchDataset(
  url: string,
  onProgress?: (progress: DatasetProgress) => void,
  options: FetchDatasetOptions = {},
): Promise<Dataset> {
  const { expected, signal } = options;
  const the = `the ${expected ? DATASET_TITLES[expected] : 'dataset'} file`;
  const aborted = () => signal?.aborted === true;
  const doFetch = options.fetch ?? ((u: string, init: { signal?: AbortSignal }) => fetch(u, init));

  let response: Response;
  try {
    response = await doFetch(url, signal ? { signal } : {});
  } catch (e) {
    if (aborted()) throw e;
    throw new DatasetError(
      'download',
      `Could not download ${the} from ${url} (${reasonOf(e)}). Check the connection and reload the page.`,
    );
  }
  if (!response.ok) {
    throw new DatasetError(
      'download',
      `Could not download ${the}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}.` +
        (response.status === 404
          ? ' The site may have been built without its data files (run npm run build).'
          : ' Reload the page to try again.'),
    );
  }

  const encoding = response.headers.get('content-encoding');
  const declared = Number(response.headers.get('content-length'));
  let total: number | null = (!encoding || encoding === 'identity') && declared > 0 ? declared : null;
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ loaded: whole.length, total: whole.length });
    return parseDataset(whole, expected);
  }

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let headerSeen = false;
  onProgress?.({ loaded, total });
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (e) {
      if (aborted()) throw e;
      const of = total === null ? '' : ` of ${fmt(total)}`;
      throw new DatasetError(
        'download',
        `The download of ${the} stopped after ${fmt(loaded)}${of} bytes (${reasonOf(e)}). Reload the page.`,
      );
    }
    if (result.done) break;
    chunks.push(result.value);
    loaded += result.value.length;
    if (!headerSeen && loaded >= HEADER_BYTES) {
      headerSeen = true;
      total = sizeFromHeader(concat(chunks, loaded).subarray(0, HEADER_BYTES)) ?? total;
    }
    onProgress?.({ loaded, total });
  }
  return parseDataset(concat(chunks, loaded), expected);
}
