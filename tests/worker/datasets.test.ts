/** The worker's dataset loader: one download per dataset, shared by a prefetch and the init after it, progress included. */
import { describe, expect, test } from 'vitest';
import { createFetchLoader } from '../../src/worker/datasets';
import { tinyFile } from '../core/data/helpers';

/** A fetch that serves `file` in chunks of `chunk` bytes and releases each chunk only when the test calls `next()`. */
function steppedFetch(file: Uint8Array, chunk: number) {
  const calls: string[] = [];
  const waiting: (() => void)[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((release) => waiting.push(release)).then(() => {
          if (at >= file.length) return controller.close();
          controller.enqueue(file.slice(at, at + chunk));
          at += chunk;
        }),
    });
    return new Response(body, { headers: { 'content-length': String(file.length) } });
  };
  /** Lets one more chunk through (or the end), then lets the reader run. */
  const next = async () => {
    for (let i = 0; i < 20 && waiting.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    waiting.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, next };
}

describe('createFetchLoader', () => {
  test('an init that asks while a prefetch downloads shares that download, hears its progress from then on, and gets the same data', async () => {
    const file = tinyFile('mnist');
    const served = steppedFetch(file, 40);
    const load = createFetchLoader('/book/', served.fetch);
    const early: number[] = [];
    const later: number[] = [];
    const prefetch = load('mnist', (loaded) => early.push(loaded));
    await served.next();
    const init = load('mnist', (loaded) => later.push(loaded));
    while (early.at(-1) !== file.length) await served.next();
    await served.next();
    const [a, b] = await Promise.all([prefetch, init]);
    expect(served.calls).toEqual(['/book/data/mnist.bin']);
    expect(b).toBe(a);
    expect(b.test.count).toBe(2);
    expect(later.length).toBeGreaterThan(0);
    expect(later.at(-1)).toBe(file.length);
    expect(early.length).toBeGreaterThan(later.length);
  });

  test('a failed download is not kept: the next call downloads again', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return calls === 1
        ? new Response('gone', { status: 500 })
        : new Response(tinyFile('mnist') as Uint8Array<ArrayBuffer>);
    }) as unknown as typeof globalThis.fetch;
    const load = createFetchLoader('/', fetch);
    await expect(load('mnist', () => undefined)).rejects.toThrow(/server answered 500/);
    await expect(load('mnist', () => undefined)).resolves.toMatchObject({ width: 2, height: 3 });
    expect(calls).toBe(2);
  });

  test('an unknown dataset is refused by name', async () => {
    await expect(createFetchLoader('/')('cifar', () => undefined)).rejects.toThrow(/Unknown dataset "cifar"/);
  });
});
