/** Messages between the page and the sandbox worker: plain data both ways; the page treats every answer as untrusted. */
import type { CellError, Output } from './types';

/** Page → sandbox. */
export type SandboxRequest =
  | { readonly type: 'init'; readonly id: number; readonly baseUrl: string }
  | { readonly type: 'analyze'; readonly id: number; readonly source: string }
  | {
      readonly type: 'run';
      readonly id: number;
      readonly cell: string;
      readonly source: string;
      readonly theme: 'light' | 'dark';
    }
  | {
      readonly type: 'choose';
      readonly id: number;
      readonly cell: string;
      readonly index: number;
      readonly value: number | string;
    }
  | { readonly type: 'forget'; readonly id: number; readonly cell: string };

/** Sandbox → page, each answering the request with the same id. */
export type SandboxAnswer =
  | { readonly type: 'ready'; readonly id: number; readonly backend: string }
  | {
      readonly type: 'analysis';
      readonly id: number;
      readonly declares: readonly string[];
      readonly uses: readonly string[];
      readonly error?: CellError;
    }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly outputs: readonly Output[];
      readonly error?: CellError;
      readonly ms: number;
    }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
