/** Copies the tfjs WASM binaries from node_modules into public/tfjs/, so the site serves them under its own base path. */
// The wasm backend picks one of the three at run time: plain, SIMD, or threaded SIMD (only under cross-origin
// isolation, which static hosts rarely give). All three are copied so the choice never hits a 404; each is
// fetched only when chosen. The names must match WASM_FILES in src/core/backend/wasm.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The .wasm files of @tensorflow/tfjs-backend-wasm that the site must serve. */
export const WASM_FILES = Object.freeze([
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
]);

/** Copies any missing or outdated .wasm file into <root>/public/tfjs; returns each file with its size and whether it was copied. */
export function copyWasm(root) {
  const from = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  const to = join(root, 'public', 'tfjs');
  mkdirSync(to, { recursive: true });
  return WASM_FILES.map((file) => {
    const source = join(from, file);
    const target = join(to, file);
    if (!existsSync(source))
      throw new Error(`${source} is missing: run npm install (the wasm backend is a dependency).`);
    const bytes = readFileSync(source);
    const copied = !existsSync(target) || !bytes.equals(readFileSync(target));
    if (copied) copyFileSync(source, target);
    return { file, bytes: bytes.length, copied };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  for (const { file, bytes, copied } of copyWasm(root)) {
    console.log(`  public/tfjs/${file} ${(bytes / 1024).toFixed(0)} KiB ${copied ? 'copied' : 'up to date'}`);
  }
}
