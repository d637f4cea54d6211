/**
 * Chapter 5's race as a controller without the DOM: one worker per shown run, started on the first Train; the race
 * steps the run(s) furthest behind ROUND_STEPS at a time, so every run has the same number of steps at each point of
 * the plot. It tells the page what changed through `RacePage`; the texts come from -phase.
 */
import type { TrickOnRealVaeStrings } from '../../i18n/widgets/trick-on-real-vae';
import { DEFAULT_RUNS, RACE_BUDGET, RUN_KEYS, nextRound, roundSize, type RunKey } from './trick-on-real-vae-state';
import { RaceRun, type BackendWish, type RunHooks } from './trick-on-real-vae-run';
import {
  backendText,
  downloadSummary,
  failureText,
  restingPhase,
  roundStatus,
  stopTexts,
  type Download,
  type Phase,
} from './trick-on-real-vae-phase';
import type { RunView } from './trick-on-real-vae-view';
import { JobGeneration } from './kit';

/** What one frame can redraw. */
export type Part = 'readout' | 'chart' | 'buttons';

/** What the race asks of the page. */
export interface RacePage {
  phase(phase: Phase): void;
  status(text: string): void;
  warn(key: string, text: string | null): void;
  announce(text: string): void;
  request(...parts: Part[]): void;
  /** Download progress of the workers, summed; null once every started worker is ready. */
  download(progress: { loaded: number; total: number } | null): void;
  backend(name: string, line: string): void;
}

/** What the race uses of a run (RaceRun; a fake in the unit tests). */
export type Run = Pick<
  RaceRun,
  'key' | 'step' | 'msPerStep' | 'history' | 'ready' | 'failed' | 'backend' | 'start' | 'advance' | 'reset'
>;

/** How the race runs: side by side or in turns, the backend asked for, and how a run is made. */
export interface RaceOptions {
  readonly parallel: boolean;
  readonly wish: BackendWish;
  readonly makeRun?: (key: RunKey, hooks: RunHooks) => Run;
}

/** The race: its state, what the page draws from it, and the moves the controls make. Nothing starts until the first press. */
export class Race {
  private readonly makeRun: (key: RunKey, hooks: RunHooks) => Run;
  private readonly runs = new Map<RunKey, Run>();
  private readonly shown = new Set<RunKey>(DEFAULT_RUNS);
  private readonly downloads = new Map<RunKey, Download>();
  private readonly jobs = new JobGeneration();
  private current: Phase = 'ready';
  private isPlaying = false;
  private resumeWhenVisible = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly hooks: RunHooks = {
    onFailure: (key, failure) => {
      this.page.warn(key, failureText(this.s, key, failure));
      this.page.request('readout', 'chart', 'buttons');
    },
    onProgress: (key, loaded, total) => {
      this.downloads.set(key, { loaded, total });
      const sum = downloadSummary(this.s, this.downloads.values());
      this.page.download({ loaded: sum.loaded, total: sum.total });
      this.page.status(sum.status);
    },
  };

  constructor(
    private readonly s: TrickOnRealVaeStrings,
    private readonly page: RacePage,
    private readonly o: RaceOptions,
  ) {
    this.makeRun = o.makeRun ?? ((key, hooks) => new RaceRun(key, hooks));
  }

  /** Where the race is. */
  phase(): Phase {
    return this.current;
  }

  /** True while the race trains (or is about to). */
  playing(): boolean {
    return this.isPlaying;
  }

  /** True once any run has a worker. */
  hasRuns(): boolean {
    return this.runs.size > 0;
  }

  /** Whether run `key` is switched on. */
  isShown(key: RunKey): boolean {
    return this.shown.has(key);
  }

  /** The shown runs that have a worker, in RUN_KEYS order. */
  views(): RunView[] {
    return RUN_KEYS.filter((key) => this.shown.has(key) && this.runs.has(key)).map((key) => {
      const run = this.runs.get(key)!;
      return {
        key,
        step: run.step,
        msPerStep: run.msPerStep,
        heldOut: run.history.heldOut(),
        batch: run.history.points(),
      };
    });
  }

  /** Train when stopped, pause when training (the one button). */
  press(): void {
    if (this.isPlaying) this.pause();
    else void this.train();
  }

  /** Stops the race and brings every run back to its starting weights. */
  async reset(): Promise<void> {
    this.isPlaying = false;
    this.jobs.next();
    this.setPhase('starting');
    await this.loop;
    await Promise.all([...this.runs.values()].map((run) => run.reset()));
    for (const key of RUN_KEYS) this.page.warn(key, null);
    this.setPhase(this.resting());
    this.page.status(this.runs.size > 0 ? this.s.stateReset : this.s.stateIdle);
    this.page.announce(this.s.announceReset);
    this.page.request('readout', 'chart');
  }

  /** Switches the optional run without a baseline on or off. */
  async showPlain(on: boolean): Promise<void> {
    if (on) this.shown.add('score');
    else this.shown.delete('score');
    // Once the race has begun, a new run starts its worker now and the loop lets it catch up.
    if (on && this.runs.size > 0 && !this.runs.has('score')) await this.startShownRuns();
    if (!this.isPlaying && this.current !== 'starting') this.setPhase(this.resting());
    this.page.request('readout', 'chart', 'buttons');
  }

  /** Pauses while the tab is hidden and resumes when it is back. */
  visibility(hidden: boolean): void {
    if (hidden && this.isPlaying) {
      this.resumeWhenVisible = true;
      this.pause();
    } else if (!hidden && this.resumeWhenVisible) {
      this.resumeWhenVisible = false;
      void this.loop.then(() => (this.current === 'paused' ? this.train() : undefined));
    }
  }

  private setPhase(next: Phase): void {
    this.current = next;
    this.page.phase(next);
    this.page.request('buttons');
  }

  private resting(): Phase {
    const shown = [...this.shown].map((key) => this.runs.get(key));
    return restingPhase(
      shown.map((run) => run && { step: run.step, failed: run.failed !== null }),
      this.runs.size > 0,
    );
  }

  private pause(): void {
    this.isPlaying = false;
    this.page.request('buttons');
  }

  private async train(): Promise<void> {
    if (this.isPlaying || this.current === 'starting') return;
    this.isPlaying = true;
    const alive = this.jobs.next();
    // A paused race may still be finishing its last round; a second loop must not step the same worker meanwhile.
    await this.loop;
    if (!alive()) return;
    if ([...this.shown].some((key) => !this.runs.has(key))) {
      this.setPhase('starting');
      await this.startShownRuns();
      if (!alive()) return;
    }
    // Paused while the workers were starting: stay ready.
    if (!this.isPlaying) {
      this.setPhase(this.resting());
      this.page.status(this.s.stateIdle);
      return;
    }
    this.setPhase('training');
    this.page.status(this.s.stateTraining);
    this.page.announce(this.s.announceTraining);
    this.loop = this.race(alive);
  }

  /** Creates and starts the workers of every shown run that has none yet; resolves when all are evaluated at step 0. */
  private async startShownRuns(): Promise<void> {
    const fresh = [...this.shown]
      .filter((key) => !this.runs.has(key))
      .map((key) => {
        const run = this.makeRun(key, this.hooks);
        this.runs.set(key, run);
        return run;
      });
    if (fresh.length === 0) return;
    this.page.status(this.s.stateStarting);
    await Promise.all(fresh.map((run) => run.start(this.o.wish)));
    this.page.download(null);
    const backend = [...this.runs.values()].find((run) => run.backend)?.backend;
    if (backend) {
      const text = backendText(this.s, backend, this.o.wish.backend);
      this.page.backend(backend, text.line);
      if (text.fallback) this.page.warn('fallback', text.fallback);
    }
    this.page.request('readout', 'chart');
  }

  /** Steps the runs until the budget, a pause, a reset or a failure of every run ends the race. */
  private async race(alive: () => boolean): Promise<void> {
    while (alive() && this.isPlaying && (await this.round()));
    if (!alive()) return;
    this.isPlaying = false;
    const rest = this.resting();
    this.setPhase(rest);
    this.page.request('readout', 'chart');
    const said = stopTexts(this.s, rest, this.views(), this.resumeWhenVisible);
    this.page.status(said.status);
    if (said.announce !== null) this.page.announce(said.announce);
  }

  /** Trains one round of the runs furthest behind; false when the race is over. */
  private async round(): Promise<boolean> {
    const progress = [...this.runs.values()].map((run) => ({
      key: run.key,
      step: run.step,
      enabled: this.shown.has(run.key) && run.ready,
      healthy: run.failed === null,
    }));
    const keys = nextRound(progress, RACE_BUDGET, this.o.parallel);
    if (keys.length === 0) {
      // Everyone ready is done, but a run switched on late may still be starting: wait for it, then let it catch up.
      const starting = [...this.shown]
        .map((key) => this.runs.get(key))
        .filter((run): run is Run => run !== undefined && !run.ready && !run.failed);
      await Promise.all(starting.map((run) => run.start(this.o.wish)));
      return starting.length > 0;
    }
    const at = (key: RunKey) => this.runs.get(key)!;
    const behind = at(keys[0]!);
    this.page.status(
      roundStatus(
        this.s,
        behind,
        [...this.shown].filter((key) => key !== behind.key).map((key) => this.runs.get(key)?.step ?? 0),
      ),
    );
    const evaluations = keys.map((key) => at(key).history.heldOut().length);
    await Promise.all(keys.map((key) => at(key).advance(roundSize(at(key).step, RACE_BUDGET))));
    const evaluated = keys.some((key, i) => at(key).history.heldOut().length !== evaluations[i]);
    this.page.request('readout', ...(evaluated ? (['chart'] as const) : []));
    return true;
  }
}
