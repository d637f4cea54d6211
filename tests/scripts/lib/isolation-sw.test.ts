/** scripts/lib/isolation-sw.js: every answer of the service worker's fetch listeners carries COOP and COEP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Listener = (event: FakeFetchEvent) => void;
interface FakeFetchEvent {
  request: { mode: string; url: string };
  respondWith: (answer: Response | Promise<Response>) => void;
}

const SCRIPT = readFileSync(join(import.meta.dirname, '../../../scripts/lib/isolation-sw.js'), 'utf8');

/** Runs the script against a fake worker scope, then registers `listener` the way Workbox would; returns a dispatcher. */
function install(listener: Listener, network: () => Promise<Response> = async () => new Response('network')) {
  const listeners: Listener[] = [];
  const scope = {
    addEventListener: (type: string, l: Listener) => {
      if (type === 'fetch') listeners.push(l);
    },
  };
  new Function('self', 'fetch', SCRIPT)(scope, network);
  scope.addEventListener('fetch', listener);
  /** Dispatches a fetch event; resolves what the worker answered, or null when it left the request alone. */
  return async (mode = 'no-cors'): Promise<Response | null> => {
    let answer: Promise<Response> | null = null;
    const event: FakeFetchEvent = {
      request: { mode, url: 'https://example.org/vae-book/en/' },
      respondWith: (a) => void (answer = Promise.resolve(a)),
    };
    for (const l of listeners) l(event);
    return answer ? await answer : null;
  };
}

const isolated = (r: Response | null) => [
  r?.headers.get('Cross-Origin-Opener-Policy'),
  r?.headers.get('Cross-Origin-Embedder-Policy'),
];

describe('isolation-sw.js', () => {
  it('adds COOP same-origin and COEP require-corp to what a listener answers, keeping status, headers and body', async () => {
    const dispatch = install((event) =>
      event.respondWith(new Response('page', { status: 200, headers: { 'Content-Type': 'text/html' } })),
    );
    const response = await dispatch('navigate');
    expect(isolated(response)).toEqual(['same-origin', 'require-corp']);
    expect(response?.headers.get('Content-Type')).toBe('text/html');
    expect(await response?.text()).toBe('page');
  });

  it('keeps an answer that already carries COEP as it is, and an error response untouched', async () => {
    const already = new Response('x', { headers: { 'Cross-Origin-Embedder-Policy': 'credentialless' } });
    expect(await install((e) => e.respondWith(already))()).toBe(already);
    const failed = Response.error();
    expect(await install((e) => e.respondWith(failed))()).toBe(failed);
  });

  it('answers a page load no listener answered from the network, with the headers; leaves other requests alone', async () => {
    const dispatch = install(() => {});
    expect(isolated(await dispatch('navigate'))).toEqual(['same-origin', 'require-corp']);
    expect(await dispatch('no-cors')).toBeNull();
  });
});
