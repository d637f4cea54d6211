/**
 * The document events widgets use to talk across the page, typed once: the lab reports each step (`vae:metrics`) and a
 * formula tells which term the reader points at (`vae:term`). Every sender and listener uses these names and types.
 */

/** The document event the lab sends after each reported step. */
export const METRICS_EVENT = 'vae:metrics';
/** The document event that says which formula term is lit: `{ term, active }`. */
export const TERM_EVENT = 'vae:term';

/**
 * One step's reading on the page, nats per image (ELBO, not −ELBO): what `vae:metrics` carries and what the lab's history
 * takes. The worker's metrics event is one as it arrives (it carries more), so the page never copies the numbers.
 */
export interface MetricsEventDetail {
  readonly step: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly elbo: number;
  readonly objective: number;
  readonly beta: number;
}

/** What `vae:term` carries. */
export interface TermEventDetail {
  readonly term: string;
  readonly active: boolean;
}

/** Each page event's detail by name. */
export interface PageEvents {
  readonly [METRICS_EVENT]: MetricsEventDetail;
  readonly [TERM_EVENT]: TermEventDetail;
}

declare global {
  // Listeners get typed events from `document.addEventListener('vae:metrics', …)`.
  interface DocumentEventMap {
    [METRICS_EVENT]: CustomEvent<MetricsEventDetail>;
    [TERM_EVENT]: CustomEvent<TermEventDetail>;
  }
}

/** Sends `name` with `detail` on `doc`, built with the document's own CustomEvent (a document only dispatches its realm's events). */
export function dispatchPageEvent<K extends keyof PageEvents>(doc: Document, name: K, detail: PageEvents[K]): void {
  const Custom = doc.defaultView?.CustomEvent ?? CustomEvent;
  doc.dispatchEvent(new Custom<PageEvents[K]>(name, { detail }));
}

/**
 * The detail of a page event as received: the sender's type, but read as possibly partial, because any script on the
 * page can dispatch an event of that name.
 */
export function pageEventDetail<K extends keyof PageEvents>(event: DocumentEventMap[K]): Partial<PageEvents[K]> {
  const detail: unknown = event.detail;
  return typeof detail === 'object' && detail !== null ? (detail as Partial<PageEvents[K]>) : {};
}
