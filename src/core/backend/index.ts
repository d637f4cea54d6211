/** Backend selection (WebGPU → WebGL → WASM → CPU), the `?backend=` override, WASM paths, and context-loss recovery. */
export * from './names';
export * from './wasm';
export * from './self-test';
export * from './candidates';
export * from './choose';
export * from './snapshot';
export * from './context-loss';
