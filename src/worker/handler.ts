/**
 * The worker's logic as a plain function of messages: `createHandler(post, options)` → `handle(request)`. The state
 * lives in session.ts, one handler per request type in requests.ts, the training loop in training-loop.ts.
 */
import type { HandlerOptions, Post } from './handler-options';
import type { WorkerRequest } from './protocol';
import { HANDLERS } from './requests';
import { WorkerSession } from './session';

export type { DatasetBundle, HandlerOptions, Post } from './handler-options';

/** Creates the message handler; requests are processed strictly in arrival order. */
export function createHandler(post: Post, options: HandlerOptions): (request: WorkerRequest) => Promise<void> {
  const session = new WorkerSession(post, options);
  const handle = async (request: WorkerRequest): Promise<void> => {
    if (!Object.hasOwn(HANDLERS, request.type)) {
      const type = JSON.stringify((request as { type?: unknown }).type);
      const tag = request.id === undefined ? {} : { id: request.id };
      post({ type: 'error', code: 'bad-request', message: `Unknown request type ${type}.`, ...tag });
      return;
    }
    // The table is typed per request type; indexed by a union it needs this one widening.
    const handler = HANDLERS[request.type] as (session: WorkerSession, request: WorkerRequest) => void | Promise<void>;
    await handler(session, request);
  };
  return (request) => session.enqueue(() => handle(request), request.id);
}
