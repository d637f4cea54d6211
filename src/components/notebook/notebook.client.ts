/** The notebook on a page: editors, the dependency graph, runs in the sandbox with a visible time limit, storage, links. */
import type { EditorView } from '@codemirror/view';
import { NOTEBOOK_STRINGS, fill, type NotebookStrings } from '../../i18n/notebook';
import { isLang } from '../../i18n/langs';
import { buildGraph, runPlan, upstream, type Graph } from '../../notebook/graph';
import { loadEdit, removeEdit, saveEdit } from '../../notebook/storage';
import { readFragment, shareFragment } from '../../notebook/share';
import { RunTimer, DEFAULT_LIMIT_MS } from '../../notebook/timer';
import type { CellError, Output } from '../../notebook/types';
import { createEditor, setCode } from './editor';
import { Sandbox } from './sandbox-client';
import { canvasMedia } from './media-canvas';
import { CellView } from './cell-view';

/** What the notebook knows of one cell. */
interface Cell {
  readonly id: string;
  readonly name: string;
  readonly book: string;
  readonly view: CellView;
  readonly media: ReturnType<typeof canvasMedia>;
  code: string;
  declares: readonly string[];
  uses: readonly string[];
  analysisError: CellError | null;
  editor: EditorView | null;
  /** The sandbox generation this cell last ran in successfully (0: never). */
  ranIn: number;
  /** The reader's control values by index, replayed into a fresh sandbox. */
  readonly choices: Map<number, number | string>;
}

const words = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};
const theme = (): 'light' | 'dark' => (document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light');

/** All cells of a page, run one plan at a time. */
class Notebook {
  private readonly cells = new Map<string, Cell>();
  private readonly sandbox = new Sandbox();
  private queue: Promise<void> = Promise.resolve();
  private timer: RunTimer | null = null;

  constructor(
    figures: readonly HTMLElement[],
    private readonly s: NotebookStrings,
  ) {
    for (const figure of figures) {
      const book = figure.dataset['cellSource'] ?? '';
      const id = figure.dataset['cell'] ?? '';
      const cell: Cell = {
        id,
        name: figure.dataset['cellName'] ?? id,
        book,
        code: book,
        view: new CellView(figure, s),
        media: canvasMedia(),
        declares: words(figure.dataset['declares']),
        uses: words(figure.dataset['uses']),
        analysisError: null,
        editor: null,
        ranIn: 0,
        choices: new Map(),
      };
      this.cells.set(id, cell);
      this.mountEditor(cell);
      this.bindButtons(cell);
      cell.view.bindControls((index, value) => this.choose(cell, index, value));
    }
    this.restore();
  }

  private mountEditor(cell: Cell): void {
    const host = cell.view.figure.querySelector<HTMLElement>('[data-cell-code]');
    if (!host) return;
    host.replaceChildren();
    host.removeAttribute('tabindex');
    host.removeAttribute('aria-label');
    cell.editor = createEditor(host, {
      doc: cell.code,
      label: fill(this.s.editorLabel, { name: cell.name }),
      onRun: () => this.run(cell),
      onChange: (code) => this.edited(cell, code),
    });
  }

  private bindButtons(cell: Cell): void {
    const on = (selector: string, action: () => void) =>
      cell.view.figure.querySelector(selector)?.addEventListener('click', action);
    on('[data-cell-run]', () => this.run(cell));
    on('[data-cell-reset]', () => this.reset(cell));
    on('[data-cell-share]', () => void this.share(cell));
    on('[data-cell-extend]', () => this.timer?.extend());
    on('[data-cell-stop]', () => this.timer?.stop());
    cell.view.figure.addEventListener('cell:first-use', (event) => {
      if ((event as CustomEvent<string>).detail === 'run') this.run(cell);
      else cell.editor?.focus();
    });
  }

  /** Saved edits and a shared link: shown, never run until the reader presses Run. */
  private restore(): void {
    for (const cell of this.cells.values()) {
      const saved = loadEdit(storage(), cell.id);
      if (saved.code !== null && saved.code !== cell.book) {
        this.replaceCode(cell, saved.code);
        cell.view.setNotice(this.s.restored);
        cell.view.setState('edited');
      } else if (saved.code === null && saved.problem === 'corrupt') cell.view.setNotice(this.s.storageCorrupt);
    }
    const shared = readFragment(location.hash);
    const first = this.cells.values().next().value;
    if (shared.kind === 'invalid' && first) first.view.setNotice(fill(this.s.sharedInvalid, { reason: shared.reason }));
    if (shared.kind !== 'cell') return;
    const target = [...this.cells.values()].find((c) => c.name === shared.name);
    if (!target) return;
    this.replaceCode(target, shared.code);
    target.view.setNotice(this.s.sharedNotice);
    target.view.setState('shared');
    target.view.figure.scrollIntoView({ block: 'center' });
  }

  private replaceCode(cell: Cell, code: string): void {
    cell.code = code;
    if (cell.editor) setCode(cell.editor, code);
  }

  private edited(cell: Cell, code: string): void {
    if (code === cell.code) return;
    cell.code = code;
    if (cell.view.figure.dataset['state'] !== 'shared') cell.view.setState('edited');
    const problem = code === cell.book ? (removeEdit(storage(), cell.id), null) : saveEdit(storage(), cell.id, code);
    if (problem) cell.view.setNotice(problem === 'full' ? this.s.storageFull : this.s.storageUnavailable);
  }

  private reset(cell: Cell): void {
    removeEdit(storage(), cell.id);
    this.replaceCode(cell, cell.book);
    cell.view.setNotice(null);
    void this.sandbox.ask({ type: 'forget', cell: cell.id }, false);
    cell.ranIn = 0;
    cell.choices.clear();
    const figure = cell.view.figure;
    // The recorded output comes back from the server-rendered copy kept at mount.
    cell.view.output.replaceChildren(...recordedOutputs.get(figure)!.map((n) => n.cloneNode(true)));
    cell.view.bindControls((index, value) => this.choose(cell, index, value));
    cell.view.setState('recorded');
  }

  private async share(cell: Cell): Promise<void> {
    const fragment = shareFragment(cell.name, cell.code);
    if (!fragment) return cell.view.setNotice(this.s.linkTooLong);
    const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      cell.view.setNotice(this.s.linkCopied);
    } catch {
      cell.view.setNotice(fill(this.s.linkManual, { url }));
    }
  }

  private choose(cell: Cell, index: number, value: number | string): void {
    cell.choices.set(index, value);
    this.run(cell, true);
  }

  /** Queues a run of `cell` and everything downstream; a control's rapid moves coalesce into one run. */
  run(cell: Cell, coalesce = false): void {
    if (coalesce && cell.view.figure.dataset['queued'] === 'true') return;
    cell.view.figure.dataset['queued'] = 'true';
    if (cell.view.figure.dataset['state'] === 'shared') cell.view.setNotice(null);
    this.queue = this.queue.then(() => {
      delete cell.view.figure.dataset['queued'];
      return this.runPlan(cell);
    });
  }

  private async analyze(): Promise<Graph> {
    for (const cell of this.cells.values()) {
      if (cell.code === cell.book && cell.analysisError === null) continue;
      const answer = await this.sandbox.ask({ type: 'analyze', source: cell.code });
      if (answer.type !== 'analysis') continue;
      cell.declares = answer.declares;
      cell.uses = answer.uses;
      cell.analysisError = answer.error ?? null;
    }
    return buildGraph(
      [...this.cells.values()]
        .filter((c) => !c.analysisError)
        .map((c) => ({ id: c.id, declares: c.declares, uses: c.uses })),
    );
  }

  private async runPlan(cell: Cell): Promise<void> {
    cell.view.setState('running');
    await this.starting(cell);
    const graph = await this.analyze();
    if (cell.analysisError || graph.errors.has(cell.id))
      return this.show(cell, [], cell.analysisError ?? graph.errors.get(cell.id));
    const plan = runPlan(graph, cell.id).map((id) => this.cells.get(id)!);
    for (const c of plan.slice(1)) c.view.setState('stale');
    const failed = new Set<string>();
    const parentFailed = (id: string) => (graph.parents.get(id) ?? []).some((p) => failed.has(p));
    for (const id of upstream(graph, cell.id)) {
      const before = this.cells.get(id)!;
      if (parentFailed(id) || (before.ranIn !== this.sandbox.generation && !(await this.runOne(before, true))))
        failed.add(id);
    }
    for (const c of plan) {
      const parent = (graph.parents.get(c.id) ?? []).find((p) => failed.has(p));
      const ok = parent
        ? (this.show(c, [], { code: 'upstream', name: this.cells.get(parent)!.name, message: parent }), false)
        : await this.runOne(c, false);
      if (!ok) failed.add(c.id);
    }
  }

  private async starting(cell: Cell): Promise<void> {
    const generation = this.sandbox.generation;
    const backend = this.sandbox.start();
    if (this.sandbox.generation !== generation || cell.ranIn === 0) cell.view.status.textContent = this.s.starting;
    const name = await backend.catch(() => null);
    if (name) document.documentElement.dataset['notebookBackend'] = name;
  }

  /** Runs one cell under the time limit; true when it succeeded. Silent runs only rebuild a fresh sandbox's names. */
  private async runOne(cell: Cell, silent: boolean): Promise<boolean> {
    if (!silent) cell.view.setState('running');
    const started = performance.now();
    const tick = silent ? 0 : window.setInterval(() => cell.view.showTimer((this.timer?.remaining() ?? 0) / 1000), 250);
    let expired: CellError | null = null;
    this.timer = new RunTimer(() => {
      const seconds = Math.round((performance.now() - started) / 1000);
      expired =
        seconds * 1000 >= DEFAULT_LIMIT_MS - 500
          ? { code: 'timeout', message: 'time limit', name: String(seconds) }
          : { code: 'stopped', message: 'stopped' };
      this.sandbox.stop();
    });
    if (!silent) cell.view.showTimer(DEFAULT_LIMIT_MS / 1000);
    for (const [index, value] of cell.choices) await this.sandbox.ask({ type: 'choose', cell: cell.id, index, value });
    const answer = await this.sandbox.ask({ type: 'run', cell: cell.id, source: cell.code, theme: theme() });
    this.timer.finish();
    window.clearInterval(tick);
    cell.view.showTimer(null);
    if (expired) return (this.show(cell, [], expired), false);
    if (answer.type !== 'result')
      return (
        this.show(cell, [], {
          code: 'runtime',
          message: fill(this.s.errorCrash, { message: answer.type === 'failed' ? answer.message : answer.type }),
        }),
        false
      );
    cell.ranIn = answer.error ? 0 : this.sandbox.generation;
    if (!silent) this.show(cell, answer.outputs, answer.error);
    return !answer.error;
  }

  private show(cell: Cell, outputs: readonly Output[], error?: CellError | null): void {
    cell.media.revoke();
    const all = error ? [...outputs, { kind: 'error', error } as Output] : outputs;
    cell.view.render(all, cell.media, cell.id);
    cell.view.bindControls((index, value) => this.choose(cell, index, value));
    cell.view.setState(error ? 'error' : 'done');
    cell.view.status.textContent = '';
  }
}

/** The server-rendered outputs of each cell, kept for Reset. */
const recordedOutputs = new WeakMap<HTMLElement, Node[]>();

/** Mounts the notebook on every cell of the page (once). */
export function mountNotebook(root: Document): void {
  if (root.documentElement.hasAttribute('data-notebook-ready')) return;
  const figures = [...root.querySelectorAll<HTMLElement>('[data-cell]')];
  const lang = figures[0]?.dataset['lang'];
  if (!figures.length || !isLang(lang)) return;
  for (const figure of figures)
    recordedOutputs.set(
      figure,
      [...(figure.querySelector('[data-cell-output]')?.childNodes ?? [])].map((n) => n.cloneNode(true)),
    );
  new Notebook(figures, NOTEBOOK_STRINGS[lang]);
  root.documentElement.setAttribute('data-notebook-ready', '');
}
