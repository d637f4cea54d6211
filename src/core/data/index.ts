/** Datasets for the browser, the worker and Node: the file format, its parser, split accessors, download and class names. */
// Node-only disk loading lives in ./node (not re-exported here, so bundles never pull in node:fs).
export * from './format';
export * from './split';
export * from './fetch';
export * from './classes';
