/** The lab's early worker: started by the loader with its dataset's download, taken once by the widget's LabWorker. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startVaeWorkerEarly, takeVaeWorker } from '../../../../src/components/widgets/lab/early-worker';
import { LabWorker } from '../../../../src/components/widgets/lab/lab-worker';

/** A stand-in for the browser's Worker: records what is posted and lets a test fire its error event. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  readonly posted: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(readonly url: URL | string) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  /** Fires the error event as a worker whose script failed would. */
  fail(message: string): void {
    const event = Object.assign(new Event('error'), { message }) as ErrorEvent;
    this.dispatchEvent(event);
    this.onerror?.(event);
  }
  terminate(): void {}
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  // Leaves no early worker behind for the next test (the module's state outlives a test).
  takeVaeWorker();
  vi.unstubAllGlobals();
});

describe('startVaeWorkerEarly and takeVaeWorker', () => {
  test('the early worker is asked to download the dataset at once, and is taken once; the next take starts a new one', async () => {
    startVaeWorkerEarly('fashion-mnist');
    startVaeWorkerEarly('mnist');
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted).toEqual([{ type: 'prefetch', dataset: 'fashion-mnist' }]);
    expect(takeVaeWorker()).toEqual({ worker: FakeWorker.made[0], error: null });
    const next = takeVaeWorker();
    expect(FakeWorker.made).toHaveLength(2);
    expect(next.worker).toBe(FakeWorker.made[1]);
    expect(FakeWorker.made[1]!.posted).toEqual([]);
  });

  test('a LabWorker built after the early worker failed reports that failure to its crash handler', async () => {
    startVaeWorkerEarly('mnist');
    FakeWorker.made[0]!.fail('vae.worker.js: 404');
    const crashes: string[] = [];
    const lab = new LabWorker((message) => crashes.push(message));
    await Promise.resolve();
    expect(crashes).toEqual(['vae.worker.js: 404']);
    // It is the early worker, and a later failure reaches the handler as well.
    lab.send({ type: 'pause' });
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted.at(-1)).toEqual({ type: 'pause' });
    FakeWorker.made[0]!.fail('out of memory');
    expect(crashes).toEqual(['vae.worker.js: 404', 'out of memory']);
  });

  test('without an early worker, a LabWorker starts its own and hears no stale error', async () => {
    const crashes: string[] = [];
    new LabWorker((message) => crashes.push(message));
    await Promise.resolve();
    expect(FakeWorker.made).toHaveLength(1);
    expect(crashes).toEqual([]);
  });
});
