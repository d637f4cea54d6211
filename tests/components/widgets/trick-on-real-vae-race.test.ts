/** The race controller with fake runs instead of workers (src/components/widgets/trick-on-real-vae-race.ts). */
import { describe, expect, test } from 'vitest';
import { TRICK_ON_REAL_VAE_STRINGS } from '../../../src/i18n/widgets/trick-on-real-vae';
import { MetricHistory, heldOutPoint, lossPoint } from '../../../src/components/widgets/lab/history';
import {
  RACE_BUDGET,
  RACE_CONFIG,
  ROUND_STEPS,
  type RunKey,
} from '../../../src/components/widgets/trick-on-real-vae-state';
import type { RunFailure, RunHooks } from '../../../src/components/widgets/trick-on-real-vae-run';
import type { Phase } from '../../../src/components/widgets/trick-on-real-vae-phase';
import { Race, type Run } from '../../../src/components/widgets/trick-on-real-vae-race';

const s = TRICK_ON_REAL_VAE_STRINGS.en;
/** One turn of the event loop: a fake round takes one, as a worker's answer would. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const terms = (negElbo: number) => ({
  elbo: -negElbo,
  reconstruction: negElbo - 10,
  kl: 10,
  objective: negElbo,
  beta: 1,
});

/** A run that trains instantly: −ELBO falls by one nat a step, evaluated every `evalEvery` steps; `breakAt` fails it. */
class FakeRun implements Run {
  readonly history = new MetricHistory(1000);
  step = 0;
  msPerStep: number | null = null;
  ready = false;
  failed: RunFailure | null = null;
  backend = '';
  constructor(
    readonly key: RunKey,
    private readonly hooks: RunHooks,
    private readonly breakAt = Infinity,
  ) {}
  async start(): Promise<void> {
    this.hooks.onProgress(this.key, 10, 10);
    this.backend = 'wasm';
    this.history.pushHeldOut(heldOutPoint(0, terms(600)));
    this.ready = true;
  }
  async advance(count: number): Promise<void> {
    await tick();
    this.step += count;
    if (this.step >= this.breakAt) {
      this.failed = { code: 'non-finite', message: '', step: this.step };
      this.ready = false;
      this.hooks.onFailure(this.key, this.failed);
      return;
    }
    this.history.push(lossPoint(this.step, terms(600 - this.step)));
    if (this.step % RACE_CONFIG.evalEvery === 0)
      this.history.pushHeldOut(heldOutPoint(this.step, terms(600 - this.step)));
  }
  async reset(): Promise<void> {
    this.step = 0;
    this.failed = null;
    this.history.clear();
    this.history.pushHeldOut(heldOutPoint(0, terms(600)));
  }
}

/** A race on fake runs with a page that records what it was told; `settled` waits until the phase is one of `phases`. */
function setup(options: { parallel?: boolean; wanted?: string; breakAt?: Partial<Record<RunKey, number>> } = {}) {
  const said = {
    phases: [] as Phase[],
    statuses: [] as string[],
    warnings: new Map<string, string>(),
    announced: [] as string[],
    backend: '',
  };
  const page = {
    phase: (phase: Phase) => said.phases.push(phase),
    status: (text: string) => said.statuses.push(text),
    warn: (key: string, text: string | null) =>
      text === null ? said.warnings.delete(key) : said.warnings.set(key, text),
    announce: (text: string) => said.announced.push(text),
    request: () => {},
    download: () => {},
    backend: (name: string, line: string) => (said.backend = `${name}: ${line}`),
  };
  const made: FakeRun[] = [];
  const wish = { allowSoftwareWebGL: false, ...(options.wanted ? { backend: options.wanted } : {}) };
  const makeRun = (key: RunKey, hooks: RunHooks) => {
    const run = new FakeRun(key, hooks, options.breakAt?.[key]);
    made.push(run);
    return run;
  };
  const race = new Race(s, page, { parallel: options.parallel ?? false, wish, makeRun });
  const settled = async (...phases: Phase[]) => {
    for (let i = 0; i < 5000 && !phases.includes(race.phase()); i++) await tick();
    return race.phase();
  };
  return { race, said, made, settled };
}

describe('Race (fake runs)', () => {
  test('starts no run before the first press; then trains both default runs in step to the budget', async () => {
    const { race, said, made, settled } = setup();
    expect([race.phase(), race.hasRuns(), made.length]).toEqual(['ready', false, 0]);
    race.press();
    expect(await settled('finished')).toBe('finished');
    expect(made.map((run) => run.key)).toEqual(['pathwise', 'scoreBaseline']);
    expect(race.views().map((run) => run.step)).toEqual([RACE_BUDGET, RACE_BUDGET]);
    expect(race.views()[0]!.heldOut.at(-1)).toMatchObject({ step: RACE_BUDGET, negElbo: 600 - RACE_BUDGET });
    expect(said.phases).toEqual(['starting', 'training', 'finished']);
    expect(said.backend).toBe('wasm: Engine: WebAssembly');
    expect(said.announced.at(-1)).toContain(`${RACE_BUDGET}`);
  });

  test('a pause stops at a round boundary with the runs never more than a round apart; press again resumes', async () => {
    const { race, said, settled } = setup();
    race.press();
    await settled('training');
    for (let i = 0; i < 5; i++) await tick();
    race.press();
    expect(await settled('paused')).toBe('paused');
    const [a, b] = race.views().map((run) => run.step) as [number, number];
    expect(a).toBeGreaterThan(0);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(ROUND_STEPS);
    expect(said.statuses.at(-1)).toBe(s.statePaused.replace('{step}', String(Math.max(a, b))));
    race.press();
    expect(await settled('finished')).toBe('finished');
  });

  test('the run without a baseline, switched on after the race, catches up from step 0 to the budget', async () => {
    const { race, said, settled } = setup();
    race.press();
    await settled('finished');
    await race.showPlain(true);
    expect(race.phase()).toBe('paused');
    expect(race.views().map((run) => [run.key, run.step])).toEqual([
      ['pathwise', RACE_BUDGET],
      ['scoreBaseline', RACE_BUDGET],
      ['score', 0],
    ]);
    race.press();
    expect(await settled('finished')).toBe('finished');
    expect(race.views().map((run) => run.step)).toEqual([RACE_BUDGET, RACE_BUDGET, RACE_BUDGET]);
    expect(said.statuses).toContain(s.stateCatchingUp.replace('{run}', s.shortScore).replace('{step}', '0'));
  });

  test('a run whose loss breaks is warned about and left behind; reset clears the warning and every step', async () => {
    const { race, said, settled } = setup({ breakAt: { scoreBaseline: 50 } });
    race.press();
    expect(await settled('finished')).toBe('finished');
    expect(said.warnings.get('scoreBaseline')).toBe(
      s.nonFinite.replace('{run}', s.runScoreBaseline).replace('{step}', '50'),
    );
    await race.reset();
    expect([race.phase(), said.warnings.size]).toEqual(['ready', 0]);
    expect(race.views().map((run) => run.step)).toEqual([0, 0]);
    expect(said.announced.at(-1)).toBe(s.announceReset);
  });

  test('a backend other than the one asked for is named in a warning', async () => {
    const { race, said, settled } = setup({ wanted: 'webgpu', parallel: true });
    race.press();
    await settled('finished');
    expect(said.warnings.get('fallback')).toContain('WebAssembly');
  });
});
