/** Backend selection (WebGPU → WebGL → WASM → CPU), the `?backend=` override, WASM paths, and noticing a lost WebGL context. */
export * from './names';
export * from './wasm';
export * from './self-test';
export * from './candidates';
export * from './choose';
export * from './context-loss';
