/** Finds a local Chromium (never downloads one) and launches it headless with the flags this project's tests need. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_HELP = [
  'End-to-end tests need Chromium or Google Chrome, and this machine has neither where the tests look.',
  'Get one of these, then run `npm test` again:',
  '  • Debian/Ubuntu:  sudo apt-get install chromium',
  '  • macOS/Windows:  install Google Chrome from its website',
  '  • anywhere:       CHROMIUM_PATH=/path/to/chrome npm test',
  '(The tests never download a browser.)',
].join('\n');

/** The first Chromium-family executable found, honouring CHROMIUM_PATH; null when there is none. */
export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Makes `browser.newContext` and `browser.newPage` block service workers unless asked with `serviceWorkers: 'allow'`:
 * the book's worker precaches ~30 MB per fresh context, and it would answer requests a test means to route itself.
 */
export function blockServiceWorkersByDefault(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/** The launch options every test browser shares; SwiftShader lets tfjs's WebGL backend run without a GPU. */
export function launchOptions(executablePath: string, extraArgs: string[] = []) {
  return {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  };
}

/** Launches headless Chromium with `extraArgs` (service workers blocked by default). */
export async function launchChromium(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  return blockServiceWorkersByDefault(await chromium.launch(launchOptions(executablePath, extraArgs)));
}

/** Connects to the browser that the e2e global setup started for every file (service workers blocked by default). */
export async function connectChromium(wsEndpoint: string): Promise<Browser> {
  return blockServiceWorkersByDefault(await chromium.connect(wsEndpoint));
}
