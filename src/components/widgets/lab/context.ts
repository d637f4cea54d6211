/** What every part of the lab's client shares: the figure, its strings, the worker, the settings and the page's voice. */
import type { Lang } from '../../../i18n/langs';
import type { VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import type { LabSettings } from './settings';
import type { LabWorker } from './lab-worker';
import { requirePart } from '../kit';

/** Where the lab is in its life, as the page shows it. */
export type LabPhase = 'loading' | 'ready' | 'training' | 'paused' | 'sweeping' | 'failed';

/** The shared state and services of one lab on the page. */
export interface LabContext {
  readonly figure: HTMLElement;
  readonly lang: Lang;
  readonly s: VaeLabStrings;
  readonly id: string;
  readonly worker: LabWorker;
  /** The settings now in force (the model's shape and the live β and learning rate). */
  settings: LabSettings;
  /** Where the lab is; only `setPhase` changes it. */
  readonly phase: LabPhase;
  /** The one way to change the phase: every view follows (the figure's data-state, the controls, the sweep button). */
  setPhase(phase: LabPhase): void;
  /** The worker's step count and backend, as last reported. */
  step: number;
  backend: string;
  /** Finds a required element inside the figure by its `data-lab` name (or any selector starting with '['/'.'). */
  part<T extends Element = HTMLElement>(name: string): T;
  /** The status line: what is happening now. */
  setStatus(text: string): void;
  /** A warning under the status line; null hides it. */
  warn(text: string | null): void;
  /** Says a state change to screen readers (politely, not on every step). */
  announce(text: string): void;
}

/** Looks up `[data-lab="name"]` (or a raw selector) inside the figure; a missing part is a build bug, so it throws. */
export function labPart<T extends Element>(figure: HTMLElement, name: string): T {
  const selector = /^[[.#]/.test(name) ? name : `[data-lab="${name}"]`;
  return requirePart<T>(figure, selector, 'vae-lab');
}
