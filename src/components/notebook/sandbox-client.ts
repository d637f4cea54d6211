/** The page's side of the sandbox: one worker at a time, requests answered by id, stopped and replaced at will. */
import type { SandboxAnswer, SandboxRequest } from '../../notebook/protocol';

/** A request without its id: `ask` assigns one. */
type Untagged<R> = R extends unknown ? Omit<R, 'id'> : never;

/** True for a well-formed answer; anything else from the worker is dropped (its messages are untrusted data). */
function isAnswer(data: unknown): data is SandboxAnswer {
  const d = data as { id?: unknown; type?: unknown } | null;
  return typeof d === 'object' && d !== null && typeof d.id === 'number' && typeof d.type === 'string';
}

/** Starts the sandbox worker lazily; `stop()` ends it (and every waiting request) and the next request starts a fresh one. */
export class Sandbox {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, (answer: SandboxAnswer) => void>();
  private nextId = 1;
  private backend: Promise<string> | null = null;
  /** Increments with every fresh worker: cells that ran in an older one must run again before others use them. */
  generation = 0;

  /** Starts the worker if none runs; resolves with the backend it chose. */
  start(): Promise<string> {
    if (!this.worker) {
      this.worker = new Worker(new URL('../../notebook/sandbox.worker.ts', import.meta.url), { type: 'module' });
      this.generation++;
      this.worker.onmessage = ({ data }: MessageEvent<unknown>) => this.dispatch(data);
      this.worker.onerror = (event) => this.fail(event.message || 'the sandbox failed to start');
      this.backend = this.ask({ type: 'init', baseUrl: import.meta.env.BASE_URL }, false).then((a) => {
        if (a.type === 'ready' && typeof a.backend === 'string') return a.backend;
        throw new Error(a.type === 'failed' ? a.message : 'no answer');
      });
    }
    return this.backend as Promise<string>;
  }

  /** Sends a request and resolves with its answer (a `failed` answer when the worker stops first). */
  ask(request: Untagged<SandboxRequest>, start = true): Promise<SandboxAnswer> {
    if (start) void this.start().catch(() => undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker?.postMessage({ ...request, id });
    });
  }

  /** Terminates the worker at once (a cell over its time limit); its names and tensors are gone with it. */
  stop(message = 'stopped'): void {
    this.worker?.terminate();
    this.worker = null;
    this.backend = null;
    this.fail(message);
  }

  private fail(message: string): void {
    for (const [id, resolve] of this.waiting) resolve({ type: 'failed', id, message });
    this.waiting.clear();
  }

  private dispatch(data: unknown): void {
    if (!isAnswer(data)) return;
    const resolve = this.waiting.get(data.id);
    this.waiting.delete(data.id);
    resolve?.(data);
  }
}
