/** The backend probe's pure parts: the choice from timings, the memo per device and model size, the thread plan. */
import { describe, expect, it } from 'vitest';
import {
  MAX_WASM_THREADS,
  MEMO_LIMIT,
  deviceKey,
  fastest,
  findMemo,
  memoList,
  modelKey,
  parseThreadsParam,
  planThreads,
  rememberMemo,
  type SpeedMemo,
  type SpeedSample,
} from '../../../src/core/backend';

const sample = (name: SpeedSample['name'], msPerStep: number | null, error?: string): SpeedSample => ({
  name,
  msPerStep,
  ...(error ? { error } : {}),
});

describe('fastest(samples)', () => {
  it.each([
    // [samples, choice, why]
    [[sample('webgl', 12), sample('wasm', 9)], 'wasm', 'the smaller ms/step wins'],
    [[sample('wasm', 9), sample('webgl', 12)], 'wasm', 'order of the samples does not matter'],
    [[sample('wasm', 10), sample('webgl', 10)], 'webgl', 'an exact tie goes to the earlier backend'],
    [[sample('wasm', 10), sample('webgl', 10.4)], 'webgl', 'within 5 % is a tie'],
    [[sample('wasm', 10), sample('webgl', 10.6)], 'wasm', 'beyond 5 % is not'],
    [[sample('webgpu', null, 'lost device'), sample('wasm', 30)], 'wasm', 'a failing candidate is never chosen'],
    [[sample('webgl', Number.NaN), sample('wasm', 30)], 'wasm', 'NaN is not a timing'],
    [[sample('webgl', 0), sample('wasm', 30)], 'wasm', 'zero is not a timing'],
  ] as const)('%j → %s (%s)', (samples, choice, _why) => {
    expect(fastest(samples)).toBe(choice);
  });

  it('is null when nothing was timed', () => {
    expect(fastest([sample('webgl', null, 'x'), sample('wasm', null, 'y')])).toBeNull();
    expect(fastest([])).toBeNull();
  });
});

const lab = { inputSize: 784, hiddenSizes: [256], latentSize: 16, batchSize: 64 };
const device = deviceKey({
  notes: ['WebGL 2 on GPU A', 'WebAssembly with SIMD, 2 threads'],
  cores: 2,
  userAgent: 'UA',
});
const memo = (over: Partial<SpeedMemo> = {}): SpeedMemo => ({
  device,
  model: modelKey(lab),
  choice: 'wasm',
  samples: [sample('webgl', 12), sample('wasm', 9)],
  measuredAt: 1,
  ...over,
});

describe('the memo: findMemo / rememberMemo', () => {
  it('hits for the same device and model size', () => {
    expect(findMemo([memo()], device, modelKey(lab))).toEqual(memo());
  });

  it('misses when the model size changes (latent size, hidden layers or batch size)', () => {
    expect(findMemo([memo()], device, modelKey({ ...lab, latentSize: 32 }))).toBeNull();
    expect(findMemo([memo()], device, modelKey({ ...lab, hiddenSizes: [512, 256] }))).toBeNull();
    expect(findMemo([memo()], device, modelKey({ ...lab, batchSize: 128 }))).toBeNull();
  });

  it('misses when the device changes (another GPU, another thread count, another browser)', () => {
    const model = modelKey(lab);
    const other = (notes: string[], cores = 2, userAgent = 'UA') => deviceKey({ notes, cores, userAgent });
    expect(findMemo([memo()], other(['WebGL 2 on GPU B', 'WebAssembly with SIMD, 2 threads']), model)).toBeNull();
    expect(findMemo([memo()], other(['WebGL 2 on GPU A', 'WebAssembly with SIMD, one thread']), model)).toBeNull();
    expect(findMemo([memo()], other(['WebGL 2 on GPU A', 'WebAssembly with SIMD, 2 threads'], 8), model)).toBeNull();
    expect(
      findMemo([memo()], other(['WebGL 2 on GPU A', 'WebAssembly with SIMD, 2 threads'], 2, 'UA2'), model),
    ).toBeNull();
  });

  it('ignores a corrupt or foreign stored value', () => {
    expect(memoList(null)).toEqual([]);
    expect(memoList('nonsense')).toEqual([]);
    expect(memoList([{ device, model: 'x', choice: 'quantum', samples: [], measuredAt: 1 }, memo()])).toEqual([memo()]);
    expect(findMemo({ device }, device, modelKey(lab))).toBeNull();
  });

  it('replaces the memo for the same device and model, newest first, at most MEMO_LIMIT', () => {
    const again = memo({ choice: 'webgl', measuredAt: 2 });
    expect(rememberMemo([memo()], again)).toEqual([again]);
    const many = Array.from({ length: MEMO_LIMIT + 3 }, (_, i) => memo({ model: `m${i}` }));
    const kept = rememberMemo(many, again);
    expect(kept).toHaveLength(MEMO_LIMIT);
    expect(kept[0]).toEqual(again);
  });
});

describe('planThreads(env, asked)', () => {
  it.each([
    // [env, asked, plan]
    [{ isolated: false, cores: 8 }, 'auto', { threads: 1, why: 'not-isolated' }],
    [{ isolated: false, cores: 8 }, 4, { threads: 1, why: 'not-isolated' }],
    [{ isolated: true, cores: 2 }, 'auto', { threads: 1, why: 'few-cores' }],
    [{ isolated: true, cores: 4 }, 'auto', { threads: 2, why: null }],
    [{ isolated: true, cores: 6 }, 'auto', { threads: 3, why: null }],
    [{ isolated: true, cores: 16 }, 'auto', { threads: MAX_WASM_THREADS, why: null }],
    [{ isolated: true, cores: 1 }, 'auto', { threads: 1, why: 'few-cores' }],
    [{ isolated: true, cores: undefined }, 'auto', { threads: 1, why: 'few-cores' }],
    [{ isolated: true, cores: 2 }, 1, { threads: 1, why: 'asked' }],
    [{ isolated: true, cores: 2 }, 3, { threads: 3, why: null }],
    [{ isolated: true, cores: 2 }, 99, { threads: 2 * MAX_WASM_THREADS, why: null }],
  ] as const)('%j asked %s → %j', (env, asked, plan) => {
    expect(planThreads(env, asked)).toEqual(plan);
  });
});

describe('parseThreadsParam(search)', () => {
  it.each([
    ['?threads=2', 2],
    ['threads=1', 1],
    ['?threads=0', null],
    ['?threads=two', null],
    ['?threads=-3', null],
    ['?backend=wasm', null],
  ] as const)('%s → %s', (search, threads) => {
    expect(parseThreadsParam(search)).toBe(threads);
  });
});
