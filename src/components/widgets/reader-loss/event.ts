/** The page event between chapter 6's loss-cell buttons and the lab (no imports: the buttons' script stays tiny). */

/** The document event the buttons send. */
export const READER_LOSS_EVENT = 'vae:reader-loss';

/** Train with the cell's `code` (from the current weights or from scratch), or go back to the book's loss. */
export type ReaderLossRequest = (
  { readonly action: 'use'; readonly code: string; readonly from: 'current' | 'scratch' } | { readonly action: 'book' }
) & {
  /** Where the lab answers: a status line for the reader; `failed` marks a problem. */
  readonly report: (text: string, failed: boolean) => void;
};
