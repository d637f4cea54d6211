import { describe, expect, it } from 'vitest';
import { FORBIDDEN, PAGE_ONLY, lockDown, pageOnlyStandIns } from '../../src/notebook/lockdown';
import { ForbiddenError } from '../../src/notebook/forbidden';

/** A stand-in worker global: fetch and indexedDB on its prototype (as on WorkerGlobalScope), the rest own. */
function fakeScope() {
  const proto = {
    fetch: () => 'network',
    get indexedDB() {
      return { open: () => 'db' };
    },
  };
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
  it('makes every forbidden name throw a ForbiddenError naming it when used, own or inherited', () => {
    const { scope, proto } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    for (const name of FORBIDDEN) {
      const standIn = scope[name] as ((...a: unknown[]) => unknown) & Record<string, unknown>;
      const error = thrown(() => standIn('code'));
      expect(error, name).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).api).toBe(name);
      expect((error as Error).message).toContain(`cells cannot use ${name}`);
    }
    expect(thrown(() => (scope['indexedDB'] as { open: unknown }).open)).toBeInstanceOf(ForbiddenError);
    expect(Object.prototype.hasOwnProperty.call(proto, 'fetch')).toBe(false);
    expect((Object.getPrototypeOf(scope) as Record<string, unknown>)['fetch']).toBeUndefined();
  });

  it('keeps typeof and instanceof Function working for libraries (tfjs checks `assign instanceof Function`)', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    expect(typeof scope['fetch']).toBe('function');
    expect((() => 1) instanceof (scope['Function'] as FunctionConstructor)).toBe(true);
    expect({} instanceof (scope['Function'] as FunctionConstructor)).toBe(false);
  });

  it('cannot be undone by assigning or redefining a name', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    expect(() => Object.defineProperty(scope, 'fetch', { value: () => 'again' })).toThrow(TypeError);
    expect(thrown(() => (scope['fetch'] as () => unknown)())).toBeInstanceOf(ForbiddenError);
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
    expect(
      thrown(() => (scope['navigator'] as { storage: { estimate: () => unknown } }).storage.estimate()),
    ).toBeInstanceOf(ForbiddenError);
  });

  it('leaves page-only names undefined on the global (typeof window stays "undefined" for libraries)', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis, { functions: false });
    for (const name of PAGE_ONLY) expect(scope[name], name).toBeUndefined();
  });
});

describe('pageOnlyStandIns()', () => {
  it.each(PAGE_ONLY.map((n) => [n]))('gives a cell a %s that throws a ForbiddenError on any use', (name) => {
    const standIn = pageOnlyStandIns()[name] as Record<string, () => unknown> & (() => unknown);
    for (const use of [() => standIn['getItem'], () => standIn(), () => (standIn['x'] = () => 1)]) {
      const error = thrown(use);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).api).toBe(name);
    }
  });
});
