/** The colour-theme preference: pure cycling logic plus the small DOM binding used by the header button. */
export type ThemePref = 'system' | 'light' | 'dark';
const ORDER: readonly ThemePref[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'vae-book:theme';

/** The preference after `pref` in the cycle system → light → dark → system. */
export function nextThemePref(pref: ThemePref): ThemePref {
  return ORDER[(ORDER.indexOf(pref) + 1) % ORDER.length] ?? 'system';
}

/** Reads a stored preference, treating anything unknown (or unreadable storage) as "system". */
export function parseThemePref(raw: string | null | undefined): ThemePref {
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}

/** Resolves a preference to the theme actually shown. */
export function resolveTheme(pref: ThemePref, systemDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

/** How many theme switches this page has made: a switch's frames end only if no later switch began. */
let themeSwitches = 0;

/**
 * Sets <html data-theme> with transitions off for two frames (data-theme-switching, see book.css): a colour that
 * transitions would show the old theme's text on the new background until it ends (a busy stats table's muted text
 * stayed dark on the dark page for 0.3 s).
 */
function showTheme(root: HTMLElement, theme: 'light' | 'dark'): void {
  if (root.dataset['theme'] === theme) return;
  const switchNumber = ++themeSwitches;
  root.dataset['themeSwitching'] = '';
  root.dataset['theme'] = theme;
  // A second switch within those frames keeps transitions off for its own two frames.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (switchNumber === themeSwitches) delete root.dataset['themeSwitching'];
    }),
  );
}

/** Wires a toggle button to <html data-theme>, localStorage and system changes. */
export function bindThemeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement;
  const labels = JSON.parse(button.dataset['labels'] ?? '{}') as Record<ThemePref, string>;
  const media = matchMedia('(prefers-color-scheme: dark)');
  const apply = (pref: ThemePref) => {
    root.dataset['themePref'] = pref;
    showTheme(root, resolveTheme(pref, media.matches));
    button.setAttribute('aria-label', labels[pref]);
    button.title = labels[pref];
  };
  apply(parseThemePref(root.dataset['themePref']));
  button.addEventListener('click', () => {
    const pref = nextThemePref(parseThemePref(root.dataset['themePref']));
    try {
      localStorage.setItem(THEME_STORAGE_KEY, pref);
    } catch {
      // Storage may be blocked (private mode); the choice then lasts for this page only.
    }
    apply(pref);
  });
  media.addEventListener('change', () => apply(parseThemePref(root.dataset['themePref'])));
}
