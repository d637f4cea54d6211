/** Build-time pictures: PNG data URLs (fast-png), so recorded outputs show without JavaScript and in print. */
import { encode } from 'fast-png';
import { heatmapPicture, imageGrid, type GreyPicture } from './pictures';
import type { Media } from './views';

/** A grey picture as a PNG data URL. */
function pngUrl(picture: GreyPicture): string {
  const png = encode({ width: picture.width, height: picture.height, data: picture.data, channels: 1, depth: 8 });
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

/** The build's media: PNG and SVG data URLs. */
export const pngMedia: Media = {
  images: (pixels, count, side) => pngUrl(imageGrid(pixels, count, side)),
  heatmap: (values, rows, cols) => pngUrl(heatmapPicture(values, rows, cols)),
  svg: (markup) => `data:image/svg+xml;base64,${Buffer.from(markup, 'utf8').toString('base64')}`,
};
