/** Backend selection (WebGPU → WebGL → WASM → CPU, or by measured speed), WebAssembly threads, the `?backend=` override, WASM paths, and noticing a lost WebGL context. */
export * from './names';
export * from './wasm';
export * from './self-test';
export * from './candidates';
export * from './choose';
export * from './context-loss';
export * from './threads';
export * from './measure';
export * from './speed-probe';
export * from './measured';
