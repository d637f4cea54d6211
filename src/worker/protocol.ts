/**
 * The typed messages between a widget and the VAE worker; only numbers, strings and typed arrays cross. Requests are
 * in protocol-requests.ts, events in protocol-events.ts; import both from here.
 */
export type * from './protocol-requests';
export type * from './protocol-events';
