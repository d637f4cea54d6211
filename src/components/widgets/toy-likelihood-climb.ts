/** The toy-likelihood widget's gradient-ascent climb: the whole path from core, played over a few seconds (play-path). */
import { ascentPath, type AscentPoint } from '../../core/toys/maximum-likelihood';
import { modelOf, type Settings } from './toy-likelihood-state';
import type { ClimbPhase } from './toy-likelihood-view';
import { playPath, type PathPlayback, type PlaybackClock } from './play-path';

/** How long the climb plays, whatever its number of steps: step shown ∝ elapsed time, so early big steps look fast. */
const ASCENT_DURATION_MS = 3000;
/** The status line (a live region) tells the climb's progress every this many steps, not every frame. */
const STATUS_EVERY = 25;

/** What the widget does with the climb: each frame's point, and the end (reached, stopped or cancelled). */
export interface ClimbHooks {
  onFrame(point: AscentPoint, statusDue: boolean, steps: number): void;
  onEnd(phase: Exclude<ClimbPhase, 'ascending'>, point: AscentPoint, steps: number): void;
  readonly clock?: PlaybackClock;
}

/** One climb at a time: `start` from the settings' θ and data, `stop` ends a running one (nothing if none runs). */
export function createClimb(hooks: ClimbHooks): {
  running: () => boolean;
  start: (settings: Settings) => void;
  stop: (phase: 'stopped' | 'cancelled') => void;
} {
  let climb: { playback: PathPlayback<AscentPoint>; steps: number } | null = null;
  const end = (phase: Exclude<ClimbPhase, 'ascending'>) => {
    if (!climb) return;
    const { playback, steps } = climb;
    playback.stop();
    climb = null;
    hooks.onEnd(phase, playback.current(), steps);
  };
  const start = (settings: Settings) => {
    const path = ascentPath(modelOf(settings), settings.data);
    const steps = path.length - 1;
    const options = {
      durationMs: ASCENT_DURATION_MS,
      statusEvery: STATUS_EVERY,
      ...(hooks.clock ? { clock: hooks.clock } : {}),
    };
    climb = {
      steps,
      playback: playPath(path, {
        ...options,
        onFrame: (point, due) => hooks.onFrame(point, due, steps),
        onDone: () => end('done'),
      }),
    };
  };
  return { running: () => climb !== null, start, stop: end };
}
