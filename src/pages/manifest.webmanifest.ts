/** The web app manifest, so the book can be installed; every URL carries the deploy base path. */
import type { APIRoute } from 'astro';

const base = import.meta.env.BASE_URL;
const icon = (file: string, size: number, purpose: 'any' | 'maskable') => ({
  src: `${base}icons/${file}`,
  sizes: `${size}x${size}`,
  type: 'image/png',
  purpose,
});

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        name: 'VAE, read and run · VAE，边读边跑',
        short_name: 'VAE book',
        description:
          'Variational autoencoders, derived line by line and trained live in your browser. 变分自编码器：公式一行一行推导，模型在浏览器里真实训练。',
        id: base,
        start_url: base,
        scope: base,
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#fbfaf7',
        icons: [
          icon('icon-192.png', 192, 'any'),
          icon('icon-512.png', 512, 'any'),
          icon('icon-maskable-512.png', 512, 'maskable'),
        ],
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
