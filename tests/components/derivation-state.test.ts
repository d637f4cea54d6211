import { describe, expect, it } from 'vitest';
import {
  STEP_ATTRIBUTE,
  applyAction,
  canAdvance,
  canRestart,
  counterText,
  countSteps,
  initialReveal,
} from '../../src/components/derivation-state';

describe('initialReveal(total)', () => {
  it.each([
    [5, { shown: 1, total: 5 }], // the usual case: step 1 shown
    [1, { shown: 1, total: 1 }], // a one-line derivation is complete from the start
    [0, { shown: 0, total: 0 }], // an empty one shows nothing
    [-2, { shown: 0, total: 0 }], // a nonsense count is treated as empty
    [3.7, { shown: 1, total: 3 }], // and a fractional one rounds down
  ])('initialReveal(%d) is %o', (total, expected) => {
    expect(initialReveal(total)).toEqual(expected);
  });
});

describe('applyAction(state, action)', () => {
  it('"next" reveals one more step at a time and stops at the last', () => {
    let state = initialReveal(3);
    const seen = [state.shown];
    for (let i = 0; i < 4; i++) seen.push((state = applyAction(state, 'next')).shown);
    expect(seen).toEqual([1, 2, 3, 3, 3]);
  });
  it('"all" reveals every step from anywhere', () => {
    expect(applyAction({ shown: 1, total: 4 }, 'all')).toEqual({ shown: 4, total: 4 });
    expect(applyAction({ shown: 3, total: 4 }, 'all')).toEqual({ shown: 4, total: 4 });
  });
  it('"restart" goes back to step 1', () => {
    expect(applyAction({ shown: 4, total: 4 }, 'restart')).toEqual({ shown: 1, total: 4 });
  });
  it('returns the same object when a press changes nothing, so the caller can skip the redraw', () => {
    const done = { shown: 2, total: 2 };
    expect(applyAction(done, 'next')).toBe(done);
    expect(applyAction(done, 'all')).toBe(done);
    const start = initialReveal(2);
    expect(applyAction(start, 'restart')).toBe(start);
  });
});

describe('canAdvance(state) and canRestart(state)', () => {
  it.each([
    [{ shown: 1, total: 3 }, true, false], // at the start: forward only
    [{ shown: 2, total: 3 }, true, true], // in the middle: both ways
    [{ shown: 3, total: 3 }, false, true], // at the end: back only
    [{ shown: 1, total: 1 }, false, false], // one step: nothing to do
  ])('%o: advance %s, restart %s', (state, advance, restart) => {
    expect(canAdvance(state)).toBe(advance);
    expect(canRestart(state)).toBe(restart);
  });
});

describe('counterText(template, state)', () => {
  it('fills {n} and {total} in either language', () => {
    expect(counterText('Step {n} of {total}', { shown: 2, total: 5 })).toBe('Step 2 of 5');
    expect(counterText('第 {n} 步，共 {total} 步', { shown: 5, total: 5 })).toBe('第 5 步，共 5 步');
  });
});

describe('countSteps(html)', () => {
  it('counts the <li> elements Step renders, with or without a value on the marker attribute', () => {
    const step = `<li class="derivation-step" ${STEP_ATTRIBUTE}><div>…</div></li>`;
    const valued = `<li ${STEP_ATTRIBUTE}="" class="derivation-step"><div>…</div></li>`;
    expect(countSteps(step + valued + step)).toBe(3);
  });
  it('ignores other list items, a longer attribute name, and the marker written in text', () => {
    expect(countSteps(`<li class="x">a</li><li ${STEP_ATTRIBUTE}-extra>b</li><p>${STEP_ATTRIBUTE}</p>`)).toBe(0);
    expect(countSteps('')).toBe(0);
  });
});
