/** Runs every shipped cell in Node (cpu backend, seed 1) and writes chapters/cells/<chapter>/<name>.output.json. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { generateDatasets } from '../datasets/build.mjs';
import { datasetPath } from '../../src/core/data/node';
import { ROOT, listCells, outputPath, runChapter } from './cells';

test('record every cell', async () => {
  if (!existsSync(datasetPath('mnist'))) generateDatasets({ root: ROOT });
  await tf.setBackend('cpu');
  for (const [chapter, names] of listCells()) {
    const results = await runChapter(chapter, names);
    for (const [name, recorded] of results) {
      const file = outputPath(chapter, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(recorded, null, 1)}\n`);
      console.log(
        `${chapter}/${name}: ${recorded.error ? `error ${recorded.error.message}` : `${recorded.outputs.length} outputs`}`,
      );
    }
  }
});
