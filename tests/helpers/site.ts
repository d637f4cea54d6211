/** Where the test build of the site lives, and the sub-path it is built for (so base-path bugs fail). */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TEST_BASE = '/vae-book/';
export const SITE_DIR = process.env['SITE_DIR'] ?? join(ROOT, '.cache', 'site-test');
