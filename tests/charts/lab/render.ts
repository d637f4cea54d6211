/** The lab chart tests' render helpers: the shared ones in tests/charts/render.ts. */
export * from '../render';
