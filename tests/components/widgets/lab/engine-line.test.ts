/** engineLine(s, report, controlled): the lab's engine line in both languages; the stored timings round trip. */
import { describe, expect, it } from 'vitest';
import { VAE_LAB_STRINGS } from '../../../../src/i18n/widgets/vae-lab';
import {
  TIMINGS_KEY,
  engineLine,
  engineWish,
  readTimings,
  saveTimings,
} from '../../../../src/components/widgets/lab/engine-line';
import type { EngineReport } from '../../../../src/core/backend/measure';

const en = VAE_LAB_STRINGS.en;
const zh = VAE_LAB_STRINGS.zh;
const base: EngineReport = {
  backend: 'wasm',
  threads: 2,
  isolated: true,
  oneThreadWhy: null,
  how: 'only',
  samples: [],
};

describe('engineLine()', () => {
  it('names WebAssembly with its threads', () => {
    expect(engineLine(en, base, true)).toBe('Engine: WebAssembly × 2 threads');
    expect(engineLine(zh, base, true)).toBe('计算引擎：WebAssembly × 2 线程');
  });

  it('says why there is one thread: not isolated (and whether a reload would help), too few cores, asked', () => {
    const one = { ...base, threads: 1, isolated: false, oneThreadWhy: 'not-isolated' } as const;
    expect(engineLine(en, one, false)).toBe('Engine: WebAssembly; one thread: this page is not cross-origin isolated');
    expect(engineLine(en, one, true)).toContain('reload it to use threads');
    expect(engineLine(zh, one, false)).toBe('计算引擎：WebAssembly；单线程：本页没有跨源隔离');
    expect(engineLine(en, { ...one, isolated: true, oneThreadWhy: 'few-cores' }, false)).toContain('few cores');
    expect(engineLine(en, { ...one, isolated: true, oneThreadWhy: 'asked' }, false)).toContain('?threads=1');
  });

  it('shows what was measured and the choice, rounding to whole ms from 10 ms up', () => {
    const measured: EngineReport = {
      ...base,
      how: 'measured',
      samples: [
        { name: 'webgl', msPerStep: 12.4 },
        { name: 'wasm', msPerStep: 9.04, threads: 2 },
        { name: 'webgpu', msPerStep: null, error: 'lost' },
      ],
    };
    expect(engineLine(en, measured, true)).toBe(
      'Engine: WebAssembly × 2 threads · measured WebGL 12 ms/step, WebAssembly × 2 threads 9 ms/step, WebGPU failed → WebAssembly',
    );
    expect(engineLine(en, { ...measured, how: 'remembered' }, true)).toContain(
      'measured earlier on this device: WebGL 12',
    );
    expect(engineLine(zh, measured, true)).toContain('实测 WebGL 每步 12 毫秒');
  });

  it('has no timings when the backend was forced', () => {
    expect(engineLine(en, { ...base, how: 'forced', backend: 'cpu', threads: 1 }, true)).toBe(
      'Engine: plain JavaScript (CPU)',
    );
  });
});

describe('stored timings', () => {
  /** A Storage stand-in; `full` makes setItem throw like a full quota. */
  const memory = (full = false) => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw new Error('QuotaExceededError');
        items.set(k, v);
      },
    };
  };

  it('round-trips through storage and travels in the init wish with ?threads=', () => {
    const storage = memory();
    saveTimings(storage, [{ a: 1 }]);
    expect(storage.items.get(TIMINGS_KEY)).toBe('[{"a":1}]');
    expect(readTimings(storage)).toEqual([{ a: 1 }]);
    expect(engineWish('?threads=1', storage)).toEqual({ threads: 1, memos: [{ a: 1 }] });
    expect(engineWish('', storage).threads).toBe('auto');
  });

  it('reads null from corrupt, empty or missing storage, and a full storage does not throw', () => {
    const storage = memory();
    storage.items.set(TIMINGS_KEY, '{not json');
    expect(readTimings(storage)).toBeNull();
    expect(readTimings(memory())).toBeNull();
    expect(readTimings(null)).toBeNull();
    expect(() => saveTimings(memory(true), [])).not.toThrow();
  });
});
