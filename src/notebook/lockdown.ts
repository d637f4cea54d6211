/**
 * Locks the sandbox worker down before any reader code runs: no network, no storage, no nested workers, no code from
 * strings except through the one constructor the compiler captured first. Every stand-in throws a ForbiddenError
 * that names the API, so the cell shows a clear message instead of "x is not defined".
 */
import { ForbiddenError } from './runtime';

/** Globals a cell may not reach, and why (the message the reader sees). */
export const FORBIDDEN = Object.freeze([
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'indexedDB', 'caches',
  'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'FontFace', 'fonts', 'postMessage', 'localStorage',
  'sessionStorage', 'document', 'window', 'parent', 'top', 'opener', 'cookieStore', 'eval', 'Function',
] as const);

/** The message for a forbidden name. */
export const forbiddenMessage = (name: string) =>
  `cells cannot use ${name}: they run in a sandbox without the site's storage, the page or the network`;

/** A value that throws on any use: called, constructed or read. */
function trap(name: string): unknown {
  const fail = () => {
    throw new ForbiddenError(name, forbiddenMessage(name));
  };
  return new Proxy(function forbidden() {}, { apply: fail, construct: fail, get: fail, set: fail, has: fail });
}

/** Replaces `name` on `target` (an own property or an inherited one) with a getter that throws. */
function forbid(target: object, name: string): void {
  try {
    Object.defineProperty(target, name, {
      get: () => {
        throw new ForbiddenError(name, forbiddenMessage(name));
      },
      configurable: false,
    });
  } catch {
    // a non-configurable own property: overwrite its value instead
    try {
      (target as Record<string, unknown>)[name] = trap(name);
    } catch {
      // neither: the later checks in tests show whether it stayed reachable
    }
  }
}

/** The constructors reachable from function prototypes (`(async () => {}).constructor` and the like). */
function functionPrototypes(): object[] {
  return [function () {}, async function () {}, function* () {}, async function* () {}].map((f) => Object.getPrototypeOf(f) as object);
}

/**
 * Applies the lockdown to `scope` (the worker's global). Call once, after tfjs and the API are loaded.
 * `functions: false` leaves the realm's function constructors alone (tests lock a stand-in scope, not their own realm).
 */
export function lockDown(scope: typeof globalThis, { functions = true } = {}): void {
  const chain: object[] = [];
  for (let proto = Object.getPrototypeOf(scope) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) chain.push(proto);
  for (const name of FORBIDDEN) {
    for (const proto of chain) if (Object.prototype.hasOwnProperty.call(proto, name)) Reflect.deleteProperty(proto, name);
    forbid(scope, name);
  }
  const nav = (scope as { navigator?: object }).navigator;
  if (nav) for (const name of ['storage', 'serviceWorker', 'locks']) forbid(Object.getPrototypeOf(nav) as object, name);
  if (functions) for (const proto of functionPrototypes()) forbid(proto, 'constructor');
  // setTimeout('code') and setInterval('code') evaluate strings: only functions are allowed.
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name].bind(scope) as (handler: unknown, ...rest: unknown[]) => number;
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') throw new ForbiddenError(`${name} with a string`, forbiddenMessage(`${name} with a string`));
        return original(handler, ...rest);
      },
      configurable: false,
      writable: false,
    });
  }
}
