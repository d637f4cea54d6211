/** /robots.txt under the base path: everything may be crawled except the benchmark; points crawlers at the sitemap. */
import type { APIRoute } from 'astro';

// Crawlers read robots.txt only at a host's root; under a sub-path this copy documents the policy and names the sitemap.
export const GET: APIRoute = ({ site }) => {
  const root = new URL(import.meta.env.BASE_URL, site);
  const body = [
    'User-agent: *',
    `Disallow: ${root.pathname}bench/`,
    '',
    `Sitemap: ${new URL('sitemap-index.xml', root).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
