/** Starts the sub-path server over the test build and one shared Chromium, once for all end-to-end tests. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { findChromium, launchOptions, NO_BROWSER_HELP } from './browser';
import { serveSite } from '../../scripts/lib/serve-site.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    browserPath: string | null;
    browserEndpoint: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(SITE_DIR))
    throw new Error(`No test build at ${SITE_DIR}. Run \`npm test\` (it builds the site first).`);
  const browserPath = findChromium();
  if (!browserPath) {
    if (process.env['CI'] === 'true')
      throw new Error(`CI=true and no browser: failing instead of skipping.\n${NO_BROWSER_HELP}`);
    console.warn(`\n${NO_BROWSER_HELP}\nSkipping the end-to-end tests.\n`);
  }
  const server = await serveSite(SITE_DIR, TEST_BASE);
  // One Chromium for every file that needs no special flags: starting a browser per file cost about a second each.
  const browserServer = browserPath ? await chromium.launchServer(launchOptions(browserPath)) : null;
  project.provide('siteUrl', `${server.origin}${TEST_BASE}`);
  project.provide('browserPath', browserPath);
  project.provide('browserEndpoint', browserServer?.wsEndpoint() ?? null);
  return async () => {
    await browserServer?.close();
    await server.close();
  };
}
