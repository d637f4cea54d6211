/** The lab's settings: parsing typed values, the query-string mirror, presets, and the engine config they map to. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../../src/core/config';
import { createRng, type Rng } from '../../../../src/core/random';
import {
  DEFAULT_LAB_SETTINGS,
  LAB_CHOICES,
  LAB_LIMITS,
  PRETRAINED,
  checkpointFor,
  needsRestart,
  parsePreset,
  parseSetting,
  replaceInQuery,
  settingsFromQuery,
  settingsToQuery,
  toVaeConfig,
  type CheckpointName,
  type LabField,
  type LabSettings,
} from '../../../../src/components/widgets/lab/settings';

describe('parseSetting(field, raw) accepts', () => {
  test.each<[LabField, string, LabSettings[LabField]]>([
    ['beta', '4', 4],
    ['beta', ' 4 ', 4], // spaces around
    ['beta', '4.0', 4],
    ['beta', '0', 0], // β = 0 is allowed
    ['beta', '-0', 0], // and is not stored as −0
    ['beta', '0,5', 0.5], // comma decimal, as typed in many locales
    ['beta', ',5', 0.5],
    ['beta', '.25', 0.25],
    ['beta', '１０', 10], // full-width digits from a Chinese IME, at the upper limit
    ['beta', '２。５', 2.5], // ideographic full stop
    ['learningRate', '1e-3', 0.001],
    ['learningRate', '1E-5', 1e-5], // the lower limit
    ['learningRate', '0,1', 0.1],
    ['latentSize', '2', 2],
    ['latentSize', '2,0', 2], // comma decimal of a whole number
    ['latentSize', '64', 64],
    ['hiddenSize', '1,024', 1024], // digit grouping in a whole-number field
    ['hiddenSize', '16', 16],
    ['seed', '0', 0],
    ['seed', '4294967295', 2 ** 32 - 1],
    ['seed', '4,294,967,295', 2 ** 32 - 1],
    ['dataset', 'fashion-mnist', 'fashion-mnist'],
    ['dataset', ' MNIST ', 'mnist'], // case and spaces do not matter
    ['likelihood', 'gaussian', 'gaussian'],
    ['start', 'scratch', 'scratch'],
  ])('%s %j → %j', (field, raw, value) => {
    expect(parseSetting(field, raw)).toEqual({ ok: true, value });
  });
});

describe('parseSetting(field, raw) refuses', () => {
  test.each<[LabField, string, string]>([
    ['beta', '', 'not-a-number'],
    ['beta', '   ', 'not-a-number'],
    ['beta', 'abc', 'not-a-number'],
    ['beta', 'NaN', 'not-a-number'],
    ['beta', 'Infinity', 'not-a-number'],
    ['beta', '1e999', 'not-a-number'], // overflows to Infinity
    ['beta', '0x10', 'not-a-number'], // hexadecimal is not what a reader means
    ['beta', '1,2,3', 'not-a-number'],
    ['beta', '1.5,2', 'not-a-number'],
    ['beta', '4 4', 'not-a-number'],
    ['beta', '-1', 'out-of-range'],
    ['beta', '10.001', 'out-of-range'],
    ['learningRate', '0', 'out-of-range'],
    ['learningRate', '20', 'out-of-range'],
    ['learningRate', '1e-6', 'out-of-range'],
    ['latentSize', '2.5', 'not-whole'],
    ['latentSize', '2,5', 'not-whole'],
    ['latentSize', '0', 'out-of-range'],
    ['latentSize', '65', 'out-of-range'],
    ['hiddenSize', '8', 'out-of-range'],
    ['hiddenSize', '2048', 'out-of-range'],
    ['seed', '-1', 'out-of-range'],
    ['seed', '4294967296', 'out-of-range'],
    ['seed', '1.5', 'not-whole'],
  ])('%s %j as %s, with the range', (field, raw, problem) => {
    const limit = LAB_LIMITS[field as keyof typeof LAB_LIMITS];
    expect(parseSetting(field, raw)).toEqual({ ok: false, problem, min: limit.min, max: limit.max });
  });

  test.each<[LabField, string]>([
    ['dataset', 'mnist2'],
    ['dataset', ''],
    ['likelihood', 'poisson'],
    ['start', 'true'],
  ])('%s %j as unknown-choice, listing the choices', (field, raw) => {
    const choices = LAB_CHOICES[field as keyof typeof LAB_CHOICES];
    expect(parseSetting(field, raw)).toEqual({ ok: false, problem: 'unknown-choice', choices });
  });
});

describe('settingsToQuery / settingsFromQuery', () => {
  test('settingsToQuery(settings) writes only what differs from the defaults, under short keys', () => {
    const settings = { ...DEFAULT_LAB_SETTINGS, beta: 4, latentSize: 2 };
    expect(settingsToQuery(settings).toString()).toBe('lab.z=2&lab.beta=4');
    expect(settingsToQuery(DEFAULT_LAB_SETTINGS).toString()).toBe('');
    const all: LabSettings = {
      dataset: 'fashion-mnist',
      likelihood: 'gaussian',
      latentSize: 8,
      hiddenSize: 512,
      beta: 0.5,
      learningRate: 3e-4,
      seed: 7,
      start: 'scratch',
    };
    expect(Object.fromEntries(settingsToQuery(all, DEFAULT_LAB_SETTINGS, 'lab2'))).toEqual({
      'lab2.data': 'fashion-mnist',
      'lab2.lik': 'gaussian',
      'lab2.z': '8',
      'lab2.h': '512',
      'lab2.beta': '0.5',
      'lab2.lr': '0.0003',
      'lab2.seed': '7',
      'lab2.start': 'scratch',
    });
  });

  test('settingsFromQuery(search) reads its own prefix only, so two labs on a page do not clash', () => {
    const search = '?lab.beta=4&lab.z=2&other.beta=9&chapter=3';
    expect(settingsFromQuery(search)).toEqual({
      settings: { ...DEFAULT_LAB_SETTINGS, beta: 4, latentSize: 2 },
      rejected: [],
    });
    expect(settingsFromQuery(new URLSearchParams(search), DEFAULT_LAB_SETTINGS, 'other').settings).toEqual({
      ...DEFAULT_LAB_SETTINGS,
      beta: 9,
    });
  });

  test('settingsFromQuery(search, defaults) keeps the defaults for bad values and reports each one', () => {
    const defaults = { ...DEFAULT_LAB_SETTINGS, latentSize: 2 };
    const { settings, rejected } = settingsFromQuery(
      'lab.beta=-1&lab.z=2.5&lab.data=mnist2&lab.lr=0.01&lab.seed=',
      defaults,
    );
    expect(settings).toEqual({ ...defaults, learningRate: 0.01 });
    expect(rejected).toEqual([
      { field: 'dataset', raw: 'mnist2', problem: 'unknown-choice' },
      { field: 'latentSize', raw: '2.5', problem: 'not-whole' },
      { field: 'beta', raw: '-1', problem: 'out-of-range' },
      { field: 'seed', raw: '', problem: 'not-a-number' },
    ]);
  });

  test('replaceInQuery(search, settings) swaps this lab’s entries and keeps everything else', () => {
    const settings = { ...DEFAULT_LAB_SETTINGS, seed: 5 };
    expect(replaceInQuery('?lab.beta=4&x=1&lab2.z=2', settings).toString()).toBe('x=1&lab2.z=2&lab.seed=5');
    // A key of this lab that no setting reads (a typo, an old field) goes too, so the address shows only what applies.
    expect(replaceInQuery('?lab.typo=1&lab.beta=4', settings, DEFAULT_LAB_SETTINGS, 'lab').toString()).toBe(
      'lab.seed=5',
    );
  });

  test('settingsFromQuery(settingsToQuery(s, d), d) gives back s for 500 random valid settings', () => {
    const rng = createRng(2024);
    for (let i = 0; i < 500; i++) {
      const defaults = i % 2 === 0 ? DEFAULT_LAB_SETTINGS : randomSettings(rng);
      const settings = randomSettings(rng);
      const query = settingsToQuery(settings, defaults, 'lab');
      const back = settingsFromQuery(query.toString(), defaults, 'lab');
      expect(back.rejected).toEqual([]);
      expect(back.settings).toEqual(settings);
    }
  });
});

/** Valid settings with awkward numbers: full-precision β and learning rates, seeds up to 2³²−1. */
function randomSettings(rng: Rng): LabSettings {
  const pick = <T>(list: readonly T[]): T => list[rng.int(list.length)] as T;
  const whole = (min: number, max: number) => min + Math.floor(rng.uniform() * (max - min + 1));
  return {
    dataset: pick(LAB_CHOICES.dataset),
    likelihood: pick(LAB_CHOICES.likelihood),
    latentSize: whole(1, 64),
    hiddenSize: whole(16, 1024),
    beta: pick([0, 1, 10, rng.uniform() * 10]),
    learningRate: pick([1e-5, 0.1, 10 ** (-5 + 4 * rng.uniform())]),
    seed: pick([0, 2 ** 32 - 1, whole(0, 2 ** 32 - 1)]),
    start: pick(LAB_CHOICES.start),
  };
}

describe('parsePreset(json)', () => {
  test('reads a chapter preset, numbers given as numbers or strings', () => {
    expect(parsePreset('{"latentSize": 2, "beta": "0,5", "dataset": "fashion-mnist"}')).toEqual({
      settings: { latentSize: 2, beta: 0.5, dataset: 'fashion-mnist' },
      rejected: [],
    });
  });

  test.each([null, undefined, '', '  '])('treats a missing preset (%j) as empty', (json) => {
    expect(parsePreset(json)).toEqual({ settings: {}, rejected: [] });
  });

  test.each(['{latentSize: 2', '[1, 2]', '42', 'null'])(
    'reports a corrupt preset %j as not-json instead of throwing',
    (json) => {
      expect(parsePreset(json)).toEqual({ settings: {}, rejected: [{ field: '', raw: json, problem: 'not-json' }] });
    },
  );

  test('keeps the good fields of a preset and reports the bad ones', () => {
    const { settings, rejected } = parsePreset(
      '{"beta": -1, "latentSize": 2.5, "hiddenSize": 128, "dataset": 3, "seed": true, "latent": 2, "start": "scratch"}',
    );
    expect(settings).toEqual({ hiddenSize: 128, start: 'scratch' });
    expect(rejected).toEqual([
      { field: 'beta', raw: '-1', problem: 'out-of-range' },
      { field: 'latentSize', raw: '2.5', problem: 'not-whole' },
      { field: 'dataset', raw: '3', problem: 'unknown-choice' },
      { field: 'seed', raw: 'true', problem: 'not-a-number' },
      { field: 'latent', raw: '2', problem: 'unknown-field' },
    ]);
  });
});

describe('toVaeConfig(settings)', () => {
  test('maps the defaults to the engine config of the pretrained MNIST model, and the engine accepts it', () => {
    const config = resolveConfig(toVaeConfig(DEFAULT_LAB_SETTINGS));
    expect(config).toMatchObject({
      hiddenSizes: [256],
      latentSize: 16,
      likelihood: 'bernoulli',
      beta: 1,
      learningRate: 1e-3,
      seed: 1,
    });
    expect(config).toMatchObject({ batchSize: 64, binarize: true, evalEvery: 250, evalSize: 500, decoderStd: 0.1 });
    expect(toVaeConfig(DEFAULT_LAB_SETTINGS)).not.toHaveProperty('decoderStd');
  });

  test.each<[LabSettings['dataset'], LabSettings['likelihood'], boolean]>([
    ['mnist', 'bernoulli', true],
    ['mnist', 'gaussian', false],
    ['fashion-mnist', 'bernoulli', false], // grey levels carry the texture, so they stay
    ['fashion-mnist', 'gaussian', false],
  ])('binarizes %s with a %s decoder: %s', (dataset, likelihood, binarize) => {
    expect(toVaeConfig({ ...DEFAULT_LAB_SETTINGS, dataset, likelihood }).binarize).toBe(binarize);
  });

  test('every setting at its limits gives a config the engine accepts', () => {
    for (const edge of ['min', 'max'] as const) {
      const settings = {
        ...DEFAULT_LAB_SETTINGS,
        ...Object.fromEntries(Object.entries(LAB_LIMITS).map(([field, limit]) => [field, limit[edge]])),
      };
      expect(() => resolveConfig(toVaeConfig(settings))).not.toThrow();
    }
  });
});

describe('checkpointFor(settings) and needsRestart(a, b)', () => {
  test.each<[Partial<LabSettings>, CheckpointName | null]>([
    [{}, 'mnist-z16'],
    [{ latentSize: 2 }, 'mnist-z2'],
    [{ dataset: 'fashion-mnist' }, 'fashion-mnist-z16'],
    [{ beta: 4, learningRate: 0.01, seed: 9 }, 'mnist-z16'], // training settings do not change the weights to start from
    [{ dataset: 'fashion-mnist', latentSize: 2 }, null], // no such checkpoint
    [{ latentSize: 8 }, null],
    [{ hiddenSize: 512 }, null],
    [{ likelihood: 'gaussian' }, null],
    [{ start: 'scratch' }, null],
  ])('checkpointFor(defaults with %j) is %s', (change, name) => {
    expect(checkpointFor({ ...DEFAULT_LAB_SETTINGS, ...change })).toBe(name);
  });

  test.each(Object.keys(PRETRAINED) as CheckpointName[])(
    'PRETRAINED[%s] matches public/checkpoints/%s.json',
    (name) => {
      const file = JSON.parse(readFileSync(`public/checkpoints/${name}.json`, 'utf8')) as {
        dataset: string;
        config: Record<string, unknown>;
      };
      const shape = PRETRAINED[name];
      expect(file.dataset).toBe(shape.dataset);
      expect(file.config).toMatchObject({
        latentSize: shape.latentSize,
        hiddenSizes: [shape.hiddenSize],
        likelihood: shape.likelihood,
      });
      expect(file.config['binarize']).toBe(toVaeConfig({ ...DEFAULT_LAB_SETTINGS, ...shape }).binarize);
    },
  );

  test.each<[Partial<LabSettings>, boolean]>([
    [{ beta: 0 }, false],
    [{ learningRate: 0.01 }, false],
    [{ beta: 4, learningRate: 1e-4 }, false],
    [{ dataset: 'fashion-mnist' }, true],
    [{ likelihood: 'gaussian' }, true],
    [{ latentSize: 2 }, true],
    [{ hiddenSize: 128 }, true],
    [{ seed: 2 }, true],
    [{ start: 'scratch' }, true],
  ])('needsRestart(defaults, defaults with %j) is %s', (change, restart) => {
    expect(needsRestart(DEFAULT_LAB_SETTINGS, { ...DEFAULT_LAB_SETTINGS, ...change })).toBe(restart);
    expect(needsRestart(DEFAULT_LAB_SETTINGS, DEFAULT_LAB_SETTINGS)).toBe(false);
  });
});
