/** The race's phase and texts without the DOM (src/components/widgets/trick-on-real-vae-phase.ts). */
import { describe, expect, test } from 'vitest';
import { TRICK_ON_REAL_VAE_STRINGS } from '../../../src/i18n/widgets/trick-on-real-vae';
import { RACE_BUDGET } from '../../../src/components/widgets/trick-on-real-vae-state';
import {
  Warnings,
  backendText,
  buttonsView,
  downloadSummary,
  failureText,
  restingPhase,
  roundStatus,
  stopTexts,
} from '../../../src/components/widgets/trick-on-real-vae-phase';
import type { RunView } from '../../../src/components/widgets/trick-on-real-vae-view';

const s = TRICK_ON_REAL_VAE_STRINGS.en;
const held = (step: number, negElbo: number) => ({ step, negElbo, reconstruction: negElbo - 10, kl: 10 });
const view = (key: RunView['key'], step: number, negElbo: number): RunView => ({
  key,
  step,
  msPerStep: null,
  heldOut: [held(step, negElbo)],
  batch: [],
});

describe('restingPhase(shown, anyRuns)', () => {
  test.each([
    // no worker yet: ready
    [[undefined, undefined], false, 'ready'],
    // workers started, nothing trained
    [
      [
        { step: 0, failed: false },
        { step: 0, failed: false },
      ],
      true,
      'ready',
    ],
    // trained part of the way
    [
      [
        { step: 105, failed: false },
        { step: 100, failed: false },
      ],
      true,
      'paused',
    ],
    // every healthy shown run at the budget; a failed one does not hold the race back
    [
      [
        { step: RACE_BUDGET, failed: false },
        { step: 40, failed: true },
      ],
      true,
      'finished',
    ],
    // every shown run failed
    [
      [
        { step: 40, failed: true },
        { step: 35, failed: true },
      ],
      true,
      'failed',
    ],
  ] as const)('%j (runs exist: %s) → %s', (shown, anyRuns, phase) => {
    expect(restingPhase(shown, anyRuns)).toBe(phase);
  });
});

describe('buttonsView(s, phase, playing, anyRuns)', () => {
  test('Train, Pause and Resume are one button; finished, failed and starting disable it unless training', () => {
    expect(buttonsView(s, 'ready', false, false)).toEqual({
      train: s.train,
      trainDisabled: false,
      resetDisabled: true,
      plainDisabled: false,
    });
    expect(buttonsView(s, 'training', true, true)).toEqual({
      train: s.pause,
      trainDisabled: false,
      resetDisabled: false,
      plainDisabled: false,
    });
    expect(buttonsView(s, 'paused', false, true)).toMatchObject({ train: s.resume, trainDisabled: false });
    expect(buttonsView(s, 'finished', false, true).trainDisabled).toBe(true);
    expect(buttonsView(s, 'failed', false, true).trainDisabled).toBe(true);
    expect(buttonsView(s, 'starting', false, true)).toMatchObject({
      trainDisabled: true,
      resetDisabled: true,
      plainDisabled: true,
    });
  });
});

describe('failureText(s, key, failure) and Warnings', () => {
  test('names the run and step for a broken loss, the message for a crash or a dataset', () => {
    expect(failureText(s, 'score', { code: 'non-finite', message: '', step: 45 })).toBe(
      s.nonFinite.replace('{run}', s.runScore).replace('{step}', '45'),
    );
    expect(failureText(s, 'pathwise', { code: 'crash', message: 'out of memory', step: 5 })).toBe(
      s.workerFailed.replace('{message}', 'out of memory'),
    );
    expect(failureText(s, 'pathwise', { code: 'dataset', message: 'HTTP 404', step: 0 })).toBe(
      s.datasetFailed.replace('{message}', 'HTTP 404'),
    );
  });
  test('the warnings line joins every current warning and forgets a cleared one', () => {
    const warnings = new Warnings();
    warnings.set('backend', 'A.');
    warnings.set('score', 'B.');
    expect([warnings.size, warnings.text()]).toEqual([2, 'A. B.']);
    warnings.set('backend', null);
    expect([warnings.size, warnings.text()]).toEqual([1, 'B.']);
  });
});

describe('downloadSummary(s, downloads) and backendText(s, backend, wanted)', () => {
  test('sums every worker’s download, counting an unknown total as what was loaded', () => {
    const sum = downloadSummary(s, [
      { loaded: 1000, total: 4000 },
      { loaded: 500, total: null },
    ]);
    expect([sum.loaded, sum.total]).toEqual([1500, 4500]);
    expect(sum.status).not.toContain('{');
  });
  test('names the backend the runs got, and warns only when the reader asked for another', () => {
    expect(backendText(s, 'wasm', 'wasm')).toEqual({
      line: s.backend.replace('{backend}', 'WebAssembly'),
      fallback: null,
    });
    expect(backendText(s, 'cpu', undefined).line).toContain(s.backendCpu);
    expect(backendText(s, 'cpu', 'webgpu').fallback).toContain(s.backendCpu);
  });
});

describe('roundStatus(s, behind, otherSteps) and stopTexts(s, rest, runs, hidden)', () => {
  test('a run more than a round behind is catching up; otherwise the race is training', () => {
    expect(roundStatus(s, { key: 'score', step: 0 }, [100, 100])).toBe(
      s.stateCatchingUp.replace('{run}', s.shortScore).replace('{step}', '0'),
    );
    expect(roundStatus(s, { key: 'pathwise', step: 100 }, [105])).toBe(s.stateTraining);
  });
  test('finished and paused announce the latest values; failed and hidden say nothing aloud', () => {
    const runs = [view('pathwise', 100, 195.5), view('scoreBaseline', 100, 213.3)];
    expect(stopTexts(s, 'finished', runs, false).announce).toContain('195.5');
    expect(stopTexts(s, 'paused', runs, false)).toMatchObject({ status: s.statePaused.replace('{step}', '100') });
    expect(stopTexts(s, 'paused', runs, true)).toEqual({ status: s.stateHiddenPaused, announce: null });
    expect(stopTexts(s, 'failed', runs, false)).toEqual({ status: s.stateFailed, announce: null });
  });
});
