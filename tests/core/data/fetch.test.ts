import { describe, expect, it } from 'vitest';
import { DatasetError, datasetUrl, fetchDataset } from '../../../src/core/data';
import type { DatasetProgress } from '../../../src/core/data';
import { tinyFile } from './helpers';

/** A body that yields `bytes` in chunks of `size`, then fails with `failAfter`'s error when given. */
function chunkedBody(bytes: Uint8Array, size: number, failAfter?: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) return controller.error(new TypeError('network connection lost'));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

/** A fake fetch answering one Response, recording the URL asked for. */
function fakeFetch(response: () => Response) {
  const urls: string[] = [];
  return { urls, fetch: async (url: string) => (urls.push(url), response()) };
}

const file = tinyFile();

describe('fetchDataset(url, onProgress, options)', () => {
  it('streams the body, reporting loaded/total with the total taken from Content-Length', async () => {
    const { fetch, urls } = fakeFetch(
      () => new Response(chunkedBody(file, 30), { headers: { 'content-length': String(file.length) } }),
    );
    const progress: DatasetProgress[] = [];
    const ds = await fetchDataset('/base/data/mnist.bin', (p) => progress.push(p), { fetch, expected: 'mnist' });
    expect(ds.trainCount).toBe(4);
    expect(urls).toEqual(['/base/data/mnist.bin']);
    expect(progress.map((p) => p.loaded)).toEqual([0, 30, 60, 90, 106]);
    expect(progress.every((p) => p.total === 106)).toBe(true);
  });

  it('learns the total from the file header when the server compresses (Content-Length is then the gzip size)', async () => {
    const headers = { 'content-length': '50', 'content-encoding': 'gzip' };
    const { fetch } = fakeFetch(() => new Response(chunkedBody(file, 40), { headers }));
    const progress: DatasetProgress[] = [];
    await fetchDataset('x', (p) => progress.push(p), { fetch });
    expect(progress.map((p) => p.total)).toEqual([null, null, 106, 106]);
    expect(progress.at(-1)).toEqual({ loaded: 106, total: 106 });
  });

  it('rejects with DatasetError(download) naming the status on HTTP 404', async () => {
    const { fetch } = fakeFetch(() => new Response('Not found', { status: 404, statusText: 'Not Found' }));
    const e = await fetchDataset('/data/mnist.bin', undefined, { fetch, expected: 'mnist' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatasetError);
    expect((e as DatasetError).code).toBe('download');
    expect((e as DatasetError).message).toMatch(
      /^Could not download the MNIST file: the server answered 404 Not Found for \/data\/mnist\.bin\./,
    );
  });

  it('rejects with DatasetError(download) when the network fails before a response', async () => {
    const fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchDataset('u', undefined, { fetch })).rejects.toThrow(
      /Could not download the dataset file from u \(Failed to fetch\)/,
    );
  });

  it('rejects with DatasetError(download) saying how far it got when the stream is cut', async () => {
    const { fetch } = fakeFetch(() => new Response(chunkedBody(file, 32, 64)));
    await expect(fetchDataset('u', undefined, { fetch })).rejects.toThrow(
      /stopped after 64 of 106 bytes \(network connection lost\)/,
    );
  });

  it('rejects with DatasetError(truncated) when the server ends the body early', async () => {
    const { fetch } = fakeFetch(() => new Response(file.slice(0, 80)));
    await expect(fetchDataset('u', undefined, { fetch, expected: 'mnist' })).rejects.toMatchObject({
      code: 'truncated',
    });
  });

  it('passes an abort through as the AbortError, not a DatasetError', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = async (_: string, init: { signal?: AbortSignal }) => Promise.reject(init.signal?.reason as Error);
    const e = await fetchDataset('u', undefined, { fetch, signal: controller.signal }).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(DatasetError);
    expect((e as Error).name).toBe('AbortError');
  });
});

describe.each([
  // the deploy sub-path, as import.meta.env.BASE_URL gives it
  ['/vae-book/', '/vae-book/data/mnist.bin'],
  // a base without its trailing slash
  ['/vae-book', '/vae-book/data/mnist.bin'],
  // the site at the domain root
  ['/', '/data/mnist.bin'],
])('datasetUrl(%j, "mnist")', (base, url) => {
  it(`is ${url}`, () => expect(datasetUrl(base, 'mnist')).toBe(url));
});
