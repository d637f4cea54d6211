/** A static server for the built site, mounted under the test base path; everything outside it is a 404. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** Serves `dir` at `http://127.0.0.1:<port><base>`; resolves to the origin and a close function. */
export async function serveSite(dir: string, base: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('outside the base path');
      return;
    }
    req.url = url.slice(base.length - 1);
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
