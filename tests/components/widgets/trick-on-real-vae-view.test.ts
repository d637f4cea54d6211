// @vitest-environment jsdom
/** What the race widget prints from its runs: readout cells, the headline gap, announcements and the chart's table. */
import { describe, expect, test } from 'vitest';
import { TRICK_ON_REAL_VAE_STRINGS } from '../../../src/i18n/widgets/trick-on-real-vae';
import {
  drawReadout,
  latestValues,
  raceTable,
  showRun,
  summaryText,
  type RunView,
} from '../../../src/components/widgets/trick-on-real-vae-view';

const s = TRICK_ON_REAL_VAE_STRINGS.en;
const held = (step: number, negElbo: number) => ({ step, negElbo, reconstruction: negElbo - 10, kl: 10 });
const batch = (step: number, negElbo: number) => ({
  step,
  negElbo,
  reconstruction: negElbo - 10,
  kl: 10,
  objective: negElbo,
  beta: 1,
});
const pathwise: RunView = {
  key: 'pathwise',
  step: 105,
  msPerStep: 12.34,
  heldOut: [held(0, 636.84), held(50, 223.1), held(100, 195.5)],
  batch: [batch(105, 189.24)],
};
const scoreBaseline: RunView = {
  key: 'scoreBaseline',
  step: 100,
  msPerStep: null,
  heldOut: [held(0, 636.84), held(50, 236.8), held(100, 213.3)],
  batch: [],
};

describe('summaryText(s, runs)', () => {
  test('states the gap at the latest common evaluation with both values', () => {
    expect(summaryText(s, [pathwise, scoreBaseline])).toBe(
      'At step 100 the pathwise run is 17.8 nats lower (better) than the score function with a baseline: 195.5 against 213.3.',
    );
  });
  test('says the score run is ahead when it is, and that the start is shared', () => {
    const behind = { ...pathwise, heldOut: [held(0, 636.84), held(50, 240)] };
    expect(summaryText(s, [behind, scoreBaseline])).toContain('is 3.2 nats lower than the pathwise run, for now');
    expect(
      summaryText(s, [
        { ...pathwise, heldOut: [held(0, 636.84)] },
        { ...scoreBaseline, heldOut: [held(0, 636.84)] },
      ]),
    ).toBe(s.summaryStart.replace('{value}', '636.8'));
  });
  test('is empty while one of the two runs is missing', () => {
    expect(summaryText(s, [pathwise])).toBe('');
  });
});

describe('drawReadout(table, runs)', () => {
  test('fills each run’s column from its latest evaluation and batch; “—” where there is none', () => {
    const table = document.createElement('table');
    const stats = ['step', 'negElbo', 'reconstruction', 'kl', 'batch', 'speed'];
    table.innerHTML = stats
      .map((stat) => `<tr data-stat="${stat}"><td data-run="pathwise"></td><td data-run="scoreBaseline"></td></tr>`)
      .join('');
    drawReadout(table, [pathwise, scoreBaseline]);
    const column = (run: string) =>
      stats.map((stat) => table.querySelector(`tr[data-stat="${stat}"] td[data-run="${run}"]`)!.textContent);
    expect(column('pathwise')).toEqual(['105', '195.5', '185.5', '10.0', '189.2', '12']);
    expect(column('scoreBaseline')).toEqual(['100', '213.3', '203.3', '10.0', '—', '—']);
  });
});

describe('latestValues(s, runs) and raceTable(s, runs)', () => {
  test('announce each run’s latest held-out −ELBO by its short name', () => {
    expect(latestValues(s, [pathwise, scoreBaseline])).toBe('Pathwise 195.5 nats, Score + baseline 213.3 nats');
  });
  test('the table has one row per evaluation step and a column per run, with “—” where a run has no value', () => {
    const late: RunView = {
      key: 'score',
      step: 50,
      msPerStep: null,
      heldOut: [held(0, 636.84), held(50, 244.5)],
      batch: [],
    };
    const table = raceTable(s, [late, pathwise, scoreBaseline]);
    const rows = [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent));
    expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual([
      s.tableStep,
      s.shortPathwise,
      s.shortScoreBaseline,
      s.shortScore,
    ]);
    expect(rows).toEqual([
      ['0', '636.8', '636.8', '636.8'],
      ['50', '223.1', '236.8', '244.5'],
      ['100', '195.5', '213.3', '—'],
    ]);
    expect(table.querySelector('tr[data-step="100"] td[data-run="scoreBaseline"]')!.textContent).toBe('213.3');
  });
});

describe('showRun(figure, key, visible)', () => {
  test('hides the run’s readout column and legend entry, nothing else', () => {
    const figure = document.createElement('figure');
    figure.innerHTML =
      '<table data-part="readout"><tr><th data-run="score"></th><td data-run="score"></td><td data-run="pathwise"></td></tr></table><ul data-part="legend"><li data-run="score"></li></ul><div data-part="table"><span data-run="score"></span></div>';
    showRun(figure, 'score', false);
    expect([...figure.querySelectorAll<HTMLElement>('[data-run]')].map((e) => e.hidden)).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    showRun(figure, 'score', true);
    expect([...figure.querySelectorAll<HTMLElement>('[data-run]')].some((e) => e.hidden)).toBe(false);
  });
});
