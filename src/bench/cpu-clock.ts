/** A CPU clock for the benchmark: where one exists, load from other processes does not inflate what it measures. */

/** The process's CPU time in ms where there is one (Node): unlike wall time it does not count while other work runs. */
export function cpuClock(): (() => number) | null {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
  if (typeof usage !== 'function') return null;
  return () => {
    const { user, system } = usage();
    return (user + system) / 1000;
  };
}
