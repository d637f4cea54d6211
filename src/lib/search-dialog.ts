/** Opens the search dialog and loads Pagefind's UI on first use, so pages ship no search code up front. */
interface PagefindUIConstructor {
  new (options: {
    element: Element;
    showSubResults?: boolean;
    showImages?: boolean;
    resetStyles?: boolean;
    autofocus?: boolean;
  }): unknown;
}

/** Adds a script or stylesheet once and resolves when it has loaded. */
function loadOnce(tag: 'script' | 'link', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    if (el instanceof HTMLScriptElement) el.src = url;
    else if (el instanceof HTMLLinkElement) Object.assign(el, { rel: 'stylesheet', href: url });
    el.addEventListener('load', () => resolve());
    el.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
    document.head.append(el);
  });
}

/** Wires the open button, the close button, Escape and "/" to the dialog. */
export function bindSearchDialog(dialog: HTMLDialogElement, openButton: HTMLButtonElement): void {
  const base = dialog.dataset['base'] ?? '/';
  const root = dialog.querySelector('.search-root');
  const error = dialog.querySelector<HTMLElement>('.search-error');
  let ready: Promise<void> | undefined;

  const ensureUi = (): Promise<void> =>
    (ready ??= Promise.all([
      loadOnce('link', `${base}pagefind/pagefind-ui.css`),
      loadOnce('script', `${base}pagefind/pagefind-ui.js`),
    ]).then(() => {
      const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
      if (!PagefindUI || !root) throw new Error('Pagefind UI missing');
      new PagefindUI({ element: root, showSubResults: true, showImages: false, resetStyles: false, autofocus: true });
    }));

  const open = async () => {
    dialog.showModal();
    try {
      await ensureUi();
      dialog.querySelector<HTMLInputElement>('input')?.focus();
    } catch {
      ready = undefined;
      if (error) {
        error.textContent = dialog.dataset['unavailable'] ?? 'Search is unavailable.';
        error.hidden = false;
      }
    }
  };

  openButton.addEventListener('click', () => void open());
  dialog.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key === '/' && !typing && !dialog.open) {
      event.preventDefault();
      void open();
    }
  });
}
