/** The page's side of the worker protocol: typed send, typed listeners per event type, and request/answer pairs by id. */
import type { WorkerEvent, WorkerRequest } from '../../../worker/protocol';

type EventOf<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;
type Listener<T extends WorkerEvent['type']> = (event: EventOf<T>) => void;

/** A request without its id: `ask` assigns one. */
type Untagged<R> = R extends unknown ? Omit<R, 'id'> : never;

/** Wraps one VAE worker. Events without a waiting `ask` go to the listeners registered with `on`. */
export class LabWorker {
  private readonly worker: Worker;
  private readonly listeners = new Map<string, Set<(event: WorkerEvent) => void>>();
  private readonly waiting = new Map<
    number,
    { resolve: (event: WorkerEvent) => void; until: readonly WorkerEvent['type'][] }
  >();
  private nextId = 1;

  constructor(onCrash: (message: string) => void) {
    this.worker = new Worker(new URL('../../../worker/vae.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }: MessageEvent<WorkerEvent>) => this.dispatch(data);
    this.worker.onerror = (event) => onCrash(event.message || 'the worker failed to start');
  }

  /** Sends a request whose answers arrive as ordinary events. */
  send(request: Untagged<WorkerRequest>, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  /**
   * Sends a request and resolves with the first event carrying its id whose type is in `until` (or an error for it).
   * Other events with that id still reach the listeners.
   */
  ask<T extends WorkerEvent['type']>(
    request: Untagged<WorkerRequest>,
    until: readonly T[],
    transfer: Transferable[] = [],
  ): Promise<EventOf<T> | EventOf<'error'>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve: resolve as (event: WorkerEvent) => void, until: [...until, 'error'] });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Calls `listener` for every event of `type`; returns a function that removes it. */
  on<T extends WorkerEvent['type']>(type: T, listener: Listener<T>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const wrapped = listener as (event: WorkerEvent) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  /** Stops the worker for good (its tensors go with it). */
  terminate(): void {
    this.worker.terminate();
    for (const { resolve } of this.waiting.values()) resolve({ type: 'error', code: 'internal', message: 'stopped' });
    this.waiting.clear();
  }

  private dispatch(event: WorkerEvent): void {
    const pending = event.id === undefined ? undefined : this.waiting.get(event.id);
    if (pending && event.id !== undefined && pending.until.includes(event.type)) {
      this.waiting.delete(event.id);
      pending.resolve(event);
      // Answers go only to the asker, except status, which every view follows (backend, state, step).
      if (event.type !== 'status') return;
    }
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
  }
}
