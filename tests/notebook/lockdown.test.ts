import { describe, expect, it } from 'vitest';
import { FORBIDDEN, lockDown } from '../../src/notebook/lockdown';
import { ForbiddenError } from '../../src/notebook/runtime';

/** A stand-in worker global: fetch and indexedDB on its prototype (as on WorkerGlobalScope), the rest own. */
function fakeScope() {
  const proto = { fetch: () => 'network', get indexedDB() { return { open: () => 'db' }; } };
  const scope = Object.create(proto) as Record<string, unknown>;
  Object.assign(scope, {
    XMLHttpRequest: class {},
    Worker: class {},
    setTimeout: (fn: () => void) => (fn(), 1),
    setInterval: () => 2,
    navigator: Object.create({ storage: { estimate: () => 0 } }),
  });
  return { scope, proto };
}

/** What using `read` throws, or null. */
function thrown(read: () => unknown): unknown {
  try {
    read();
    return null;
  } catch (e) {
    return e;
  }
}

describe('lockDown(scope)', () => {
  it('makes every forbidden name throw a ForbiddenError naming it, own or inherited', () => {
    const { scope, proto } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    for (const name of FORBIDDEN) {
      const error = thrown(() => scope[name]);
      expect(error, name).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).api).toBe(name);
      expect((error as Error).message).toContain(`cells cannot use ${name}`);
    }
    expect(Object.prototype.hasOwnProperty.call(proto, 'fetch')).toBe(false);
    expect(thrown(() => (Object.getPrototypeOf(scope) as Record<string, unknown>)['fetch'])).toBeNull();
    expect((Object.getPrototypeOf(scope) as Record<string, unknown>)['fetch']).toBeUndefined();
  });

  it('cannot be undone by assigning or redefining a name', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    expect(() => Object.defineProperty(scope, 'fetch', { value: () => 'again' })).toThrow(TypeError);
    expect(thrown(() => scope['fetch'])).toBeInstanceOf(ForbiddenError);
  });

  it('refuses code strings in setTimeout and setInterval but runs functions', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    const setTimeout = scope['setTimeout'] as (h: unknown, ms?: number) => number;
    expect(thrown(() => setTimeout('alert(1)', 0))).toBeInstanceOf(ForbiddenError);
    let ran = false;
    setTimeout(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('hides navigator.storage', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    expect(thrown(() => (scope['navigator'] as { storage: unknown }).storage)).toBeInstanceOf(ForbiddenError);
  });
});
