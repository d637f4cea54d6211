/** The visible time limit of a run: counts down, can be extended or stopped, and fires once on expiry. */

/** The default limit of one run, in ms. */
export const DEFAULT_LIMIT_MS = 10_000;
/** What "+10 s" adds. */
export const EXTEND_MS = 10_000;

/** A clock the timer reads and schedules with (tests pass a fake one). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One run's limit: `onExpire` is called once when time runs out, unless the run finished or was stopped first. */
export class RunTimer {
  private deadline: number;
  private handle: unknown = null;
  private over = false;

  constructor(
    private readonly onExpire: () => void,
    private readonly clock: Clock = realClock,
    limitMs = DEFAULT_LIMIT_MS,
  ) {
    this.deadline = clock.now() + limitMs;
    this.schedule();
  }

  /** Milliseconds left (0 once over). */
  remaining(): number {
    return this.over ? 0 : Math.max(0, this.deadline - this.clock.now());
  }

  /** True once the run finished, was stopped or expired. */
  get done(): boolean {
    return this.over;
  }

  /** Gives the run `ms` more (the "+10 s" button). */
  extend(ms = EXTEND_MS): void {
    if (this.over) return;
    this.deadline += ms;
    this.schedule();
  }

  /** Ends the run now as if it had expired (the "Stop" button). */
  stop(): void {
    if (this.over) return;
    this.finish();
    this.onExpire();
  }

  /** The run finished in time: nothing fires. */
  finish(): void {
    this.over = true;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = this.clock.setTimeout(() => {
      if (this.over) return;
      if (this.clock.now() < this.deadline) return this.schedule();
      this.finish();
      this.onExpire();
    }, this.deadline - this.clock.now());
  }
}
