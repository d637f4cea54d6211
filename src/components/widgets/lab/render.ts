/** How the lab's views follow its state: each phase change reaches the figure and every view that shows the phase. */
import type { PhaseOwner } from './lab-state';

/** A view that redraws itself from the lab's state. */
export interface SyncedView {
  sync(): void;
}

/** Makes every phase change set the figure's `data-state` and re-sync each of `views`, whoever changed it. */
export function followPhase(phase: PhaseOwner, figure: HTMLElement, views: readonly SyncedView[]): void {
  phase.subscribe((next) => {
    figure.dataset['state'] = next;
    for (const view of views) view.sync();
  });
}
