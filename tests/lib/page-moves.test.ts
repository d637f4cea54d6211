// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageMoves } from '../../src/lib/when-near-viewport';

describe('pageMoves', () => {
  it('hears the first scroll once, and from then on says the page has moved', async () => {
    expect(pageMoves.moved()).toBe(false);
    let heard = 0;
    const cancelled = pageMoves.onFirstMove(() => (heard += 100));
    cancelled();
    pageMoves.onFirstMove(() => (heard += 1));
    dispatchEvent(new Event('scroll'));
    dispatchEvent(new Event('scroll'));
    expect(heard).toBe(1);
    expect(pageMoves.moved()).toBe(true);
    pageMoves.onFirstMove(() => (heard += 1));
    await Promise.resolve();
    expect(heard).toBe(2);
  });
});
