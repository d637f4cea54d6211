import { describe, expect, it } from 'vitest';
import { hashString, mulberry32, shuffleBySeed } from '../../../src/lib/quiz/shuffle';

describe('hashString', () => {
  it('is FNV-1a (known values) and differs between nearby strings', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('0:q')).not.toBe(hashString('1:q'));
  });
});

describe('mulberry32', () => {
  it('repeats for one seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // Mean of 1000 uniforms: 0.5 with sd 0.0091; 4 sd either side.
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 1000));
  });
});

describe('shuffleBySeed', () => {
  const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  it('gives the same order for the same seed and keeps every item (so the key still names real options)', () => {
    const once = shuffleBySeed(options, '3:q');
    expect(shuffleBySeed(options, '3:q')).toEqual(once);
    expect(once.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(once.find((o) => o.id === 'c')).toBe(options[2]);
  });
  it('does not touch its input', () => {
    shuffleBySeed(options, 'x');
    expect(options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('puts the first item in every place about equally often across seeds', () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++)
      counts[shuffleBySeed(options, `${seed}:q`).findIndex((o) => o.id === 'a')]! += 1;
    // Binomial(4000, 1/4): mean 1000, sd 27.4; allow 4 sd.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(4 * Math.sqrt(4000 * 0.25 * 0.75));
  });
});
