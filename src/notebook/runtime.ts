/** The evaluator behind every cell on a page: runs one cell at a time, keeps its names and tensors, frees them on re-run. */
import { tf } from '../core/tf';
import { compileCell, type AsyncFunctionConstructor } from './compile';
import { controlValue } from './controls';
import { outputOf, type CHART_THEMES } from './outputs';
import type { Analysis, CellError, ControlSpec, Output } from './types';
import { ForbiddenError } from './forbidden';

/** What the running cell can reach: display and controls write into its output. */
export interface RunHost {
  display(value: unknown): void;
  control(spec: ControlSpec): number | string;
}

/** The outcome of one run: the cell's outputs, and its error if it failed. */
export interface RunResult {
  readonly outputs: readonly Output[];
  readonly error?: CellError;
}

/** What the runtime keeps of a cell between runs. */
interface CellState {
  readonly declared: Readonly<Record<string, unknown>>;
  readonly owned: readonly tf.Tensor[];
}

/** Options of one run. */
export interface RunOptions {
  readonly theme?: keyof typeof CHART_THEMES;
}

/** Tensors reachable from `root` through arrays, plain objects, maps and object fields, a few levels deep. */
function reachableTensors(
  root: unknown,
  found = new Set<tf.Tensor>(),
  seen = new Set<unknown>(),
  depth = 0,
): Set<tf.Tensor> {
  if (root === null || typeof root !== 'object' || seen.has(root) || depth > 4) return found;
  seen.add(root);
  if (root instanceof tf.Tensor) return found.add(root);
  if (ArrayBuffer.isView(root)) return found;
  const children = root instanceof Map ? [...root.values()] : root instanceof Set ? [...root] : Object.values(root);
  for (const child of children) reachableTensors(child, found, seen, depth + 1);
  return found;
}

/** The id the next tensor will get: tensors created during a run have ids at or above it. */
function nextTensorId(): number {
  const probe = tf.scalar(0);
  const id = probe.id;
  probe.dispose();
  return id + 1;
}

/** A cell error from whatever a cell threw, placed in the cell's code when its stack says where. */
export function errorOf(error: unknown, at?: { line: number; col: number }): CellError {
  if (error instanceof ForbiddenError) return { code: 'forbidden', name: error.api, message: error.message, ...at };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
  return { code: 'runtime', message, ...at };
}

/** Runs cells against an API (the names cells may use besides each other's); one cell at a time. */
export class NotebookRuntime {
  private readonly cells = new Map<string, CellState>();
  private readonly choices = new Map<string, Map<number, unknown>>();
  private readonly shared: WeakSet<object>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: (host: RunHost, id: string) => Readonly<Record<string, unknown>>,
    private readonly AsyncFunction: AsyncFunctionConstructor,
    shared: WeakSet<object> = new WeakSet(),
  ) {
    this.shared = shared;
  }

  /** Runs a cell after any run in progress; its previous names and tensors are released first. */
  run(id: string, analysis: Analysis, options: RunOptions = {}): Promise<RunResult> {
    const next = this.queue.then(() => this.runNow(id, analysis, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Remembers the reader's value for a cell's control number `index` (the next run uses it). */
  choose(id: string, index: number, value: unknown): void {
    const map = this.choices.get(id) ?? new Map<number, unknown>();
    map.set(index, value);
    this.choices.set(id, map);
  }

  /** Drops a cell: its names disappear (users then fail with "x is not defined"), its tensors are freed. */
  forget(id: string, keepChoices = false): void {
    const state = this.cells.get(id);
    this.cells.delete(id);
    if (!keepChoices) this.choices.delete(id);
    if (state) this.release(state);
  }

  /** Names declared by cells that have run, with their values. */
  names(): Map<string, unknown> {
    const names = new Map<string, unknown>();
    for (const state of this.cells.values())
      for (const [name, value] of Object.entries(state.declared)) names.set(name, value);
    return names;
  }

  /** Tensors of the page's cached datasets and models that `declared` reaches: the cache owns them, not the cell. */
  private cachedTensors(declared: Record<string, unknown>): Set<tf.Tensor> {
    const found = new Set<tf.Tensor>();
    for (const value of Object.values(declared))
      if (typeof value === 'object' && value !== null && this.shared.has(value)) reachableTensors(value, found);
    return found;
  }

  private release(state: CellState): void {
    for (const tensor of state.owned) if (!tensor.isDisposed) tensor.dispose();
    for (const value of Object.values(state.declared)) {
      const disposable = value as { dispose?: unknown } | null;
      if (
        typeof disposable !== 'object' ||
        disposable === null ||
        value instanceof tf.Tensor ||
        this.shared.has(disposable)
      )
        continue;
      if (typeof disposable.dispose === 'function') (disposable.dispose as () => void)();
    }
  }

  private async runNow(id: string, analysis: Analysis, options: RunOptions): Promise<RunResult> {
    this.forget(id, true);
    const outputs: Output[] = [];
    let controls = 0;
    const theme = options.theme ?? 'light';
    const host: RunHost = {
      display: (value) => void outputs.push(outputOf(value, theme)),
      control: (spec) => {
        const index = controls++;
        const value = controlValue(spec, this.choices.get(id)?.get(index));
        outputs.push({ kind: 'control', index, spec: { ...spec, value } as ControlSpec });
        return value;
      },
    };
    const api = this.api(host, id);
    const names = this.names();
    const inputs = analysis.uses.filter((name) => names.has(name) || name in api);
    const values = Object.fromEntries(inputs.map((name) => [name, names.has(name) ? names.get(name) : api[name]]));
    const firstId = nextTensorId();
    tf.engine().startScope();
    let kept: tf.Tensor[] = [];
    let cell;
    try {
      cell = await compileCell(id, analysis, inputs, this.AsyncFunction);
      const result = await cell.run(values);
      if (result.hasValue && result.value !== undefined) outputs.push(outputOf(result.value, theme));
      kept = [...reachableTensors(result.declared)];
      const cached = this.cachedTensors(result.declared);
      this.cells.set(id, { declared: result.declared, owned: kept.filter((t) => t.id >= firstId && !cached.has(t)) });
      return { outputs };
    } catch (error) {
      return { outputs, error: errorOf(error, cell?.position(error)) };
    } finally {
      tf.engine().endScope(kept);
    }
  }
}
