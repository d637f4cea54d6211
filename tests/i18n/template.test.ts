import { describe, expect, it } from 'vitest';
import { fill, placeholders } from '../../src/i18n/template';

describe('fill(template, values)', () => {
  it('fills every placeholder, repeated ones too', () => {
    expect(fill('{a} and {b}, {a}', { a: 1, b: 'two' })).toBe('1 and two, 1');
  });
  it('throws on a missing value instead of printing "{name}"', () => {
    expect(() => fill('N = {n}', {})).toThrow(/\{n\}/);
  });
});

describe('placeholders(template)', () => {
  it('lists each {name}, sorted, repeats kept', () => {
    expect(placeholders('{b} of {a}, then {b}')).toEqual(['a', 'b', 'b']);
    expect(placeholders('no fields')).toEqual([]);
  });
});
