import { describe, expect, it } from 'vitest';
import { nextThemePref, parseThemePref, resolveTheme } from '../../src/lib/theme';

describe('nextThemePref(pref)', () => {
  it('cycles system → light → dark → system', () => {
    expect(nextThemePref('system')).toBe('light');
    expect(nextThemePref('light')).toBe('dark');
    expect(nextThemePref('dark')).toBe('system');
  });
});

describe('parseThemePref(raw)', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'], // nothing stored yet
    ['DARK', 'system'], // unknown values never leak into the page
    ['{"corrupt":', 'system'],
  ] as const)('parseThemePref(%j) is %j', (raw, pref) => {
    expect(parseThemePref(raw)).toBe(pref);
  });
});

describe('resolveTheme(pref, systemDark)', () => {
  it('follows the system only for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
