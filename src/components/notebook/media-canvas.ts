/** Page-side pictures: canvas PNG data URLs for images and heatmaps, blob: URLs for chart SVG (never inserted as markup). */
import { heatmapPicture, imageGrid, type GreyPicture } from './pictures';
import type { Media } from './views';

/** A grey picture drawn on a canvas, as a PNG data URL. */
function canvasUrl(picture: GreyPicture): string {
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(picture.width, picture.height);
  picture.data.forEach((grey, i) => image.data.set([grey, grey, grey, 255], i * 4));
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Creates the page's media; `revoke()` frees the blob URLs of outputs that were replaced. */
export function canvasMedia(): Media & { revoke(): void } {
  let urls: string[] = [];
  return {
    images: (pixels, count, side) => canvasUrl(imageGrid(pixels, count, side)),
    heatmap: (values, rows, cols) => canvasUrl(heatmapPicture(values, rows, cols)),
    svg: (markup) => {
      const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
      urls.push(url);
      return url;
    },
    revoke: () => {
      for (const url of urls) URL.revokeObjectURL(url);
      urls = [];
    },
  };
}
