/** Notices a backend that dies without throwing: after a lost WebGL context tfjs's reads never settle, so a step would wait forever. */

/** Calls `onLost` once if the active backend dies; returns a function that stops watching, or null when there is nothing to watch. */
export type WatchBackendLoss = (onLost: () => void) => (() => void) | null;

/** Races training steps against the loss of the backend they run on. */
export class BackendLossWatch {
  private stop: (() => void) | null = null;
  private lost: Promise<never> = new Promise<never>(() => undefined);

  constructor(private readonly watch: WatchBackendLoss | undefined) {}

  /** Starts watching the backend now active (named for the error); any earlier watch ends. */
  arm(backendName: string): void {
    this.stop?.();
    let fail: (error: Error) => void = () => undefined;
    this.lost = new Promise<never>((_, reject) => (fail = reject));
    this.lost.catch(() => undefined); // a loss while no step runs is seen by the next race, not reported as unhandled
    this.stop = this.watch?.(() => fail(new Error(`The ${backendName} backend lost its context.`))) ?? null;
  }

  /** Settles as `work` does, or rejects as soon as the backend is lost. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.lost]);
  }
}
