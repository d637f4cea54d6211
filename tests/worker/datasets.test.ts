/** The worker's dataset loader: each dataset downloaded once, a failed download not kept, an unknown name refused. */
import { describe, expect, test } from 'vitest';
import { createFetchLoader } from '../../src/worker/datasets';
import { tinyFile } from '../core/data/helpers';

describe('createFetchLoader', () => {
  test('a dataset asked for twice is downloaded once, and both callers get the same bundle', async () => {
    const urls: string[] = [];
    const fetch = (async (url: string) => {
      urls.push(url);
      return new Response(tinyFile('mnist') as Uint8Array<ArrayBuffer>);
    }) as unknown as typeof globalThis.fetch;
    const load = createFetchLoader('/book/', fetch);
    const [a, b] = await Promise.all([load('mnist', () => undefined), load('mnist', () => undefined)]);
    expect(b).toBe(a);
    expect(a.test.count).toBe(2);
    expect(urls).toEqual(['/book/data/mnist.bin']);
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
