import { describe, expect, it } from 'vitest';
import { MIN_CONTRAST, contrastRatio, ensureContrast, parseHex, toHex } from '../../src/lib/code-contrast';

describe('contrastRatio(a, b)', () => {
  it.each([
    // the extremes of the WCAG scale
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    // github-light's parameter colour on white: the reason this module exists
    ['#E36209', '#fff', 3.49],
    // github-light's comment colour on white
    ['#6A737D', '#ffffff', 4.82],
  ] as const)('contrastRatio(%s, %s) ≈ %d', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it('is symmetric and throws on a colour it cannot read', () => {
    expect(contrastRatio('#123456', '#fedcba')).toBe(contrastRatio('#fedcba', '#123456'));
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a hex colour: red/);
  });
});

describe('parseHex / toHex', () => {
  it('reads #rgb and #rrggbb and writes #rrggbb, clamped', () => {
    expect(parseHex('#f80')).toEqual([255, 136, 0]);
    expect(parseHex('#0A0c10')).toEqual([10, 12, 16]);
    expect(parseHex('rgb(0,0,0)')).toBeNull();
    expect(toHex([255.4, -3, 16])).toBe('#ff0010');
  });
});

describe('ensureContrast(color, backgrounds)', () => {
  const light = ['#ffffff', '#fcefd9', '#f7dcb4'];
  const dark = ['#0a0c10', '#2d2518', '#4a3a22'];

  it('keeps a colour that already reaches 4.5:1 on every background', () => {
    expect(ensureContrast('#24292e', light)).toBe('#24292e');
    expect(ensureContrast('#f0f3f6', dark)).toBe('#f0f3f6');
  });

  it('darkens a light-theme colour just enough for the worst background', () => {
    const fixed = ensureContrast('#E36209', light);
    expect(fixed).not.toBe('#E36209');
    const worst = Math.min(...light.map((bg) => contrastRatio(fixed, bg)));
    expect(worst).toBeGreaterThanOrEqual(MIN_CONTRAST);
    // one 2 % step less would not do: the change is the smallest that works
    expect(worst).toBeLessThan(MIN_CONTRAST + 0.4);
    // still orange: red stays the largest channel
    const [r, g, b] = parseHex(fixed)!;
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });

  it('lightens on dark backgrounds', () => {
    const fixed = ensureContrast('#5a4a8a', dark);
    expect(Math.min(...dark.map((bg) => contrastRatio(fixed, bg)))).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(parseHex(fixed)![0]).toBeGreaterThan(0x5a);
  });

  it('returns anything that is not a hex colour untouched', () => {
    expect(ensureContrast('currentColor', light)).toBe('currentColor');
  });
});
