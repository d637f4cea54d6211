/**
 * The client of TestImagePicker.astro: a number field (bad input gets a message and is not applied), Previous/Next,
 * and a strip of thumbnails around the current image (arrow keys move along it). The widget supplies the pixels.
 */
import { fill, type PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { ImagesEvent } from '../../worker/protocol';
import { requirePart } from './kit';
import { paintGrid, themeColors } from './lab/image-grid';
import { STRIP_SIZE, TEST_COUNT, parseImageNumber, stripStart } from './pretrained-bounds';

/** What the widget gives the picker. */
export interface PickerOptions {
  readonly s: PretrainedStrings;
  /** Test images `offset … offset + count − 1`, from the worker. */
  readonly load: (offset: number, count: number) => Promise<ImagesEvent>;
  /** Called with the picked image and its pixels, once its strip is painted; only the newest pick is delivered. */
  readonly onPick: (image: number, pixels: Float32Array, size: { width: number; height: number }) => void;
  /** Called when the thumbnails cannot be loaded. */
  readonly onError: (message: string) => void;
}

/** Binds the picker inside `root`; `pick(image)` selects an image as if the reader had. */
export function bindTestImagePicker(
  root: HTMLElement,
  options: PickerOptions,
): { pick: (image: number) => void; current: () => number; repaint: () => void } {
  const part = <T extends Element>(selector: string) => requirePart<T>(root, selector, 'test-image-picker');
  const { s } = options;
  const field = part<HTMLInputElement>('[data-picker="field"]');
  const message = part<HTMLElement>('[data-picker="message"]');
  const strip = part<HTMLElement>('[data-picker="strip"]');
  const thumbs = [...root.querySelectorAll<HTMLButtonElement>('[data-picker="thumb"]')];
  const max = TEST_COUNT - 1;
  let current = Number(field.value) || 0;
  let shownStart = -1;
  let loadedStrip: ImagesEvent | null = null;
  let latest = 0;

  const setMessage = (text: string) => {
    message.textContent = text;
    if (text) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  };

  async function pick(image: number): Promise<void> {
    const ticket = ++latest;
    current = image;
    setMessage('');
    field.value = String(image);
    const start = stripStart(image);
    if (start !== shownStart || !loadedStrip) {
      try {
        const loaded = await options.load(start, STRIP_SIZE);
        if (ticket !== latest) return;
        loadedStrip = loaded;
        shownStart = start;
        paintStrip(loaded, start);
      } catch (error) {
        if (ticket === latest) options.onError(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    const images = loadedStrip;
    if (!images) return;
    thumbs.forEach((thumb, i) =>
      start + i === image ? thumb.setAttribute('aria-current', 'true') : thumb.removeAttribute('aria-current'),
    );
    const size = images.width * images.height;
    const offset = (image - start) * size;
    options.onPick(image, images.pixels.slice(offset, offset + size), { width: images.width, height: images.height });
  }

  function paintStrip(images: ImagesEvent, start: number): void {
    const colors = themeColors(root);
    const size = images.width * images.height;
    strip.setAttribute('aria-label', fill(s.stripLabel, { from: start, to: start + STRIP_SIZE - 1 }));
    thumbs.forEach((thumb, i) => {
      thumb.dataset['image'] = String(start + i);
      thumb.setAttribute('aria-label', fill(s.thumbLabel, { n: start + i }));
      const canvas = thumb.querySelector('canvas');
      if (canvas)
        paintGrid(canvas, images.pixels.subarray(i * size, (i + 1) * size), 1, images.width, images.height, {
          columns: 1,
          scale: 1,
          gap: 0,
          colors,
        });
    });
  }

  const commit = () => {
    const parsed = parseImageNumber(field.value);
    if (!parsed.ok) {
      setMessage(fill(s.invalidImage, { max }));
      return;
    }
    if (parsed.value !== current || field.getAttribute('aria-invalid') === 'true') void pick(parsed.value);
  };
  field.addEventListener('change', commit);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  const step = (by: number) => void pick(Math.min(max, Math.max(0, current + by)));
  part<HTMLButtonElement>('[data-picker="previous"]').addEventListener('click', () => step(-1));
  part<HTMLButtonElement>('[data-picker="next"]').addEventListener('click', () => step(1));
  thumbs.forEach((thumb, i) => {
    thumb.addEventListener('click', () => void pick(Number(thumb.dataset['image'])));
    thumb.addEventListener('keydown', (event) => {
      const to = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : null;
      if (to === null) return;
      event.preventDefault();
      thumbs[Math.min(thumbs.length - 1, Math.max(0, to))]?.focus();
    });
  });
  return {
    pick: (image) => void pick(image),
    current: () => current,
    repaint: () => loadedStrip && paintStrip(loadedStrip, shownStart),
  };
}
