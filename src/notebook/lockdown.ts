/**
 * Locks the sandbox worker down before any reader code runs: no network, no storage, no nested workers, no code from
 * strings except through the one constructor the compiler captured first. Every stand-in throws a ForbiddenError
 * that names the API when used, so the cell shows a clear message instead of "x is not defined".
 */
import { ForbiddenError } from './forbidden';

/** Worker globals a cell may not reach: removed from the worker's global object (and its prototypes) by lockDown. */
export const FORBIDDEN = Object.freeze([
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'indexedDB',
  'caches',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'FontFace',
  'fonts',
  'postMessage',
  'eval',
  'Function',
] as const);

/**
 * Page globals that do not exist in a worker. They are not defined on the worker's global (libraries test
 * `typeof window` and must keep seeing undefined); a cell that names one gets a stand-in that throws instead.
 */
export const PAGE_ONLY = Object.freeze([
  'localStorage',
  'sessionStorage',
  'document',
  'window',
  'parent',
  'top',
  'opener',
  'cookieStore',
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

/**
 * Replaces `name` on `target` with a stand-in value that throws on use. A value, not a throwing getter: libraries
 * that only test `typeof fetch` or `x instanceof Function` must keep working after the lockdown.
 */
function forbid(target: object, name: string, value: unknown = trap(name)): void {
  try {
    Object.defineProperty(target, name, { value, writable: false, configurable: false });
  } catch {
    // a non-configurable property: the e2e tests show whether it stayed reachable
  }
}

/** A function that throws when called or constructed, whose `prototype` keeps `instanceof` answering as before. */
function thrower(name: string, prototype?: object): unknown {
  const fail = function forbidden() {
    throw new ForbiddenError(name, forbiddenMessage(name));
  };
  if (prototype) Object.defineProperty(fail, 'prototype', { value: prototype });
  return fail;
}

/** The stand-ins a cell gets for the page-only names: any use throws a ForbiddenError naming it. */
export function pageOnlyStandIns(): Record<string, unknown> {
  return Object.fromEntries(PAGE_ONLY.map((name) => [name, trap(name)]));
}

/** The constructors reachable from function prototypes (`(async () => {}).constructor` and the like). */
function functionPrototypes(): object[] {
  return [function () {}, async function () {}, function* () {}, async function* () {}].map(
    (f) => Object.getPrototypeOf(f) as object,
  );
}

/**
 * Applies the lockdown to `scope` (the worker's global). Call once, after tfjs and the API are loaded.
 * `functions: false` leaves the realm's function constructors alone (tests lock a stand-in scope, not their own realm).
 */
export function lockDown(scope: typeof globalThis, { functions = true } = {}): void {
  const chain: object[] = [];
  for (
    let proto = Object.getPrototypeOf(scope) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    chain.push(proto);
  for (const name of FORBIDDEN) {
    for (const proto of chain)
      if (Object.prototype.hasOwnProperty.call(proto, name)) Reflect.deleteProperty(proto, name);
    const value = name === 'Function' ? thrower(name, Function.prototype) : name === 'eval' ? thrower(name) : undefined;
    forbid(scope, name, value ?? trap(name));
  }
  const nav = (scope as { navigator?: object }).navigator;
  if (nav) for (const name of ['storage', 'serviceWorker', 'locks']) forbid(Object.getPrototypeOf(nav) as object, name);
  if (functions) for (const proto of functionPrototypes()) forbid(proto, 'constructor', thrower('constructor', proto));
  // setTimeout('code') and setInterval('code') evaluate strings: only functions are allowed.
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name].bind(scope) as (handler: unknown, ...rest: unknown[]) => number;
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function')
          throw new ForbiddenError(`${name} with a string`, forbiddenMessage(`${name} with a string`));
        return original(handler, ...rest);
      },
      configurable: false,
      writable: false,
    });
  }
}
