import { describe, expect, it } from 'vitest';
import { stageOf, stagesLine, startStages } from '../../../scripts/lib/longtask-stages.mjs';

const seen = [
  { text: 'Loading the lab…', ms: 41 },
  { text: 'Downloading the pretrained model: 66 KB of 1.7 MB', ms: 875 },
  { text: 'Downloading the pretrained model: 1.7 MB of 1.7 MB', ms: 1293 },
  { text: 'Starting the engine…', ms: 1303 },
  { text: 'Downloading MNIST digits: 0 KB of 7.9 MB', ms: 6722 },
  { text: 'Ready: the pretrained model (6250 training steps) is loaded.', ms: 8730 },
];

describe('stageOf(text)', () => {
  it('keeps the words before the figures, in English and in Chinese', () => {
    expect(stageOf('Downloading MNIST digits: 0.3 MB of 7.9 MB')).toBe('Downloading MNIST digits');
    expect(stageOf('正在下载 MNIST 数字：0.3 MB / 7.9 MB')).toBe('正在下载 MNIST 数字');
    expect(stageOf('Starting the engine…')).toBe('Starting the engine');
  });
});

describe('startStages(seen, readyMs)', () => {
  it('merges the texts of one stage, times each stage until the next, and ends with the ready state', () => {
    expect(startStages(seen, 8738.4)).toEqual([
      { stage: 'Loading the lab', atMs: 41, ms: 834 },
      { stage: 'Downloading the pretrained model', atMs: 875, ms: 428 },
      { stage: 'Starting the engine', atMs: 1303, ms: 5419 },
      { stage: 'Downloading MNIST digits', atMs: 6722, ms: 2008 },
      { stage: 'Ready', atMs: 8730, ms: 8 },
      { stage: 'state ready', atMs: 8738, ms: 0 },
    ]);
  });

  it('times the stage the lab was in up to the ready state, and leaves out texts seen after it', () => {
    const stages = startStages(seen, 4000);
    expect(stages.at(-2)).toEqual({ stage: 'Starting the engine', atMs: 1303, ms: 2697 });
    expect(stages.at(-1)).toEqual({ stage: 'state ready', atMs: 4000, ms: 0 });
  });

  it('reads in one line', () => {
    expect(stagesLine(startStages(seen.slice(3, 5), 7000))).toBe(
      'Starting the engine at 1303 ms (5419 ms) → Downloading MNIST digits at 6722 ms (278 ms) → state ready at 7000 ms',
    );
  });
});
