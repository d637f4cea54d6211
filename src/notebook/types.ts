/** The data that crosses between the page, the sandbox and the recorder: plain, serialisable, never markup to insert. */

/** Why a cell failed; the page words each code in the reader's language (src/i18n/notebook.ts). */
export type CellErrorCode =
  'syntax' | 'runtime' | 'module' | 'duplicate' | 'cycle' | 'upstream' | 'timeout' | 'forbidden' | 'stopped';

/** A cell's failure, with a position in the cell's own code (1-based line and column) when one is known. */
export interface CellError {
  readonly code: CellErrorCode;
  readonly message: string;
  /** The name involved: a duplicated declaration, a forbidden API, the failed upstream cell. */
  readonly name?: string;
  readonly line?: number;
  readonly col?: number;
}

/** One node of the value inspector: a leaf with its text, or a collapsible list of entries. */
export type InspectNode =
  | { readonly type: 'number'; readonly value: number | string }
  | { readonly type: 'string' | 'boolean' | 'null' | 'undefined' | 'function' | 'other'; readonly text: string }
  | {
      readonly type: 'array' | 'object';
      readonly label: string;
      readonly entries: readonly (readonly [string, InspectNode])[];
      /** How many entries were left out (length limit). */
      readonly more: number;
    };

/** The summary of a tfjs tensor: shape, dtype, statistics, first values and, for 2-D, a downsampled heatmap. */
export interface TensorOutput {
  readonly kind: 'tensor';
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly size: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
  readonly first: readonly number[];
  readonly heatmap?: { readonly rows: number; readonly cols: number; readonly values: readonly number[] };
}

/** A control a cell made; its current value is what the declared name holds for other cells. */
export type ControlSpec =
  | {
      readonly type: 'slider' | 'number';
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | { readonly type: 'select'; readonly label: string; readonly options: readonly string[]; readonly value: string };

/** What a cell shows: its value, anything passed to display, its controls, or its error. */
export type Output =
  | { readonly kind: 'inspect'; readonly node: InspectNode }
  | TensorOutput
  | { readonly kind: 'images'; readonly count: number; readonly side: number; readonly pixels: readonly number[] }
  | { readonly kind: 'svg'; readonly markup: string; readonly label: string }
  | { readonly kind: 'control'; readonly index: number; readonly spec: ControlSpec }
  | { readonly kind: 'error'; readonly error: CellError };

/** A cell's text after analysis: the plain JavaScript to compile and what it declares and uses at the top level. */
export interface Analysis {
  readonly js: string;
  readonly declares: readonly string[];
  readonly uses: readonly string[];
  /** Start and end offsets in `js` of the last top-level expression statement's expression (the cell's value), or null. */
  readonly lastExpression: readonly [number, number] | null;
  /** Sucrase's source map from `js` back to the TypeScript the reader wrote (VLQ mappings). */
  readonly mappings: string;
}
