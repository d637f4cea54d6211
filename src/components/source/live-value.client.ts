/**
 * `<LiveValue>` on the page: each `[data-live-term]` shows the latest number the lab reports (`vae:metrics`), formatted
 * as the lab formats it, and lights up with its term (`vae:term`). Before any report it keeps the server's "—".
 */
import { formatBeta, formatNats } from '../widgets/lab/numbers';
import { METRICS_EVENT, TERM_EVENT, pageEventDetail, type MetricsEventDetail } from '../../lib/page-events';
import { ACTIVE_CLASS } from './formula-binding.client';

/** The numbers `vae:metrics` carries, each of which a `<LiveValue>` can show. */
export const LIVE_TERMS = Object.freeze([
  'step',
  'reconstruction',
  'kl',
  'elbo',
  'objective',
  'beta',
] as const satisfies readonly (keyof MetricsEventDetail)[]);
/** One of the numbers `vae:metrics` carries. */
export type LiveTerm = (typeof LIVE_TERMS)[number];

/** Narrows a string (a prop) to a live term. */
export function isLiveTerm(value: unknown): value is LiveTerm {
  return typeof value === 'string' && (LIVE_TERMS as readonly string[]).includes(value);
}

/** `value` as the lab's readout shows it (nats: one decimal from 10 up; β as typed; the step whole); null when not a finite number. */
export function formatLive(term: LiveTerm, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (term === 'step') return String(Math.round(value));
  if (term === 'beta') return formatBeta(value);
  return formatNats(value);
}

const bound = new WeakSet<Document>();

/** Starts listening once per document; every live value present when an event arrives follows it. */
export function bindLiveValues(doc: Document): void {
  if (bound.has(doc)) return;
  bound.add(doc);
  const values = () => doc.querySelectorAll<HTMLElement>('[data-live-term]');
  doc.addEventListener(METRICS_EVENT, (event) => {
    const detail = pageEventDetail<typeof METRICS_EVENT>(event);
    for (const element of values()) {
      const term = element.dataset['liveTerm'];
      const text = isLiveTerm(term) ? formatLive(term, detail[term]) : null;
      if (text === null) continue;
      if (element.textContent !== text) element.textContent = text;
      element.dataset['state'] = 'live';
    }
  });
  doc.addEventListener(TERM_EVENT, (event) => {
    const { term, active } = pageEventDetail<typeof TERM_EVENT>(event);
    for (const element of values())
      if (element.dataset['liveTerm'] === term) element.classList.toggle(ACTIVE_CLASS, active === true);
  });
}
