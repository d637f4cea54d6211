// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bindThemeToggle } from '../../src/lib/theme';

/** A system colour scheme the test controls: `set(dark)` changes it and tells the page, as the browser would. */
function fakeSystemScheme() {
  const listeners: (() => void)[] = [];
  const media = { matches: false, addEventListener: (_type: string, listener: () => void) => listeners.push(listener) };
  globalThis.matchMedia = (() => media) as unknown as typeof matchMedia;
  return {
    set(dark: boolean) {
      media.matches = dark;
      for (const listener of listeners) listener();
    },
  };
}

const oneFrame = () => new Promise((done) => requestAnimationFrame(done));
const twoFrames = () => oneFrame().then(oneFrame);

/** A theme toggle button bound to the page, as the layout binds it. */
function boundToggle(): HTMLButtonElement {
  const button = document.createElement('button');
  button.dataset['labels'] = JSON.stringify({ system: 'System', light: 'Light', dark: 'Dark' });
  bindThemeToggle(button);
  return button;
}

describe('bindThemeToggle(button)', () => {
  it('switches the theme with transitions off until two frames have passed, and only when the theme changes', async () => {
    const system = fakeSystemScheme();
    const root = document.documentElement;
    root.dataset['theme'] = 'light';
    const button = boundToggle();
    expect(root.dataset['themeSwitching']).toBeUndefined();

    system.set(true);
    expect(root.dataset['theme']).toBe('dark');
    expect(root.dataset['themeSwitching']).toBe('');
    await twoFrames();
    await twoFrames();
    expect(root.dataset['themeSwitching']).toBeUndefined();

    button.click(); // system → light: the page turns light
    expect(root.dataset['theme']).toBe('light');
    expect(button.getAttribute('aria-label')).toBe('Light');
    await twoFrames();
    await twoFrames();
    system.set(false); // the page is light already: nothing to switch
    expect(root.dataset['themeSwitching']).toBeUndefined();
  });

  it('keeps transitions off for two frames after the later of two quick switches', async () => {
    fakeSystemScheme();
    const root = document.documentElement;
    root.dataset['themePref'] = 'system';
    root.dataset['theme'] = 'light';
    const button = boundToggle();
    button.click(); // system → light: the page is light already
    button.click(); // → dark
    await oneFrame();
    button.click(); // → system, that is light, one frame after the switch to dark
    await oneFrame();
    expect(root.dataset['theme']).toBe('light');
    expect(root.dataset['themeSwitching']).toBe(''); // the dark switch's two frames are over, the light one's are not
    await twoFrames();
    expect(root.dataset['themeSwitching']).toBeUndefined();
  });
});
