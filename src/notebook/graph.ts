/** The page's dependency graph: which cell declares each name, the order to run cells in, and what a run affects. */
import type { CellError } from './types';

/** What the graph needs to know of a cell (from its analysis). */
export interface GraphCell {
  readonly id: string;
  readonly declares: readonly string[];
  readonly uses: readonly string[];
}

/** The graph of a page's cells, in page order. */
export interface Graph {
  /** Every runnable cell in dependency order (page order among independent cells). */
  readonly order: readonly string[];
  /** Cells that cannot run: a name declared twice, or a cycle. */
  readonly errors: ReadonlyMap<string, CellError>;
  /** Name → the one cell that declares it. */
  readonly producers: ReadonlyMap<string, string>;
  /** Cell → the cells whose names it uses. */
  readonly parents: ReadonlyMap<string, readonly string[]>;
}

/** Name → every cell declaring it, in page order. */
function declarers(cells: readonly GraphCell[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const cell of cells)
    for (const name of new Set(cell.declares)) byName.set(name, [...(byName.get(name) ?? []), cell.id]);
  return byName;
}

/** Kahn's algorithm, stable in page order; returns the order and the cells left over (in or after a cycle). */
function topological(
  ids: readonly string[],
  parents: ReadonlyMap<string, readonly string[]>,
): { order: string[]; left: string[] } {
  const done = new Set<string>();
  const order: string[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const id of ids) {
      if (done.has(id) || !(parents.get(id) ?? []).every((p) => done.has(p))) continue;
      done.add(id);
      order.push(id);
      progress = true;
    }
  }
  return { order, left: ids.filter((id) => !done.has(id)) };
}

/** Builds the graph; a name declared by two cells is an error on both, and cells in a cycle are errors. */
export function buildGraph(cells: readonly GraphCell[]): Graph {
  const errors = new Map<string, CellError>();
  const producers = new Map<string, string>();
  for (const [name, ids] of declarers(cells)) {
    if (ids.length === 1) producers.set(name, ids[0] as string);
    else
      for (const id of ids)
        errors.set(id, { code: 'duplicate', name, message: `${name} is declared by more than one cell` });
  }
  const parents = new Map<string, string[]>();
  for (const cell of cells) {
    const from = cell.uses
      .map((name) => producers.get(name))
      .filter((p): p is string => p !== undefined && p !== cell.id);
    parents.set(cell.id, [...new Set(from)]);
  }
  const { order, left } = topological(
    cells.map((c) => c.id),
    parents,
  );
  for (const id of left)
    if (!errors.has(id))
      errors.set(id, {
        code: 'cycle',
        name: left.join(', '),
        message: `cells ${left.join(', ')} use each other's names in a cycle`,
      });
  return { order: order.filter((id) => !errors.has(id)), errors, producers, parents };
}

/** Every cell that uses, directly or not, a name `id` declares (not `id` itself), in run order. */
export function downstream(graph: Graph, id: string): string[] {
  const reached = new Set<string>([id]);
  for (const cell of graph.order) if ((graph.parents.get(cell) ?? []).some((p) => reached.has(p))) reached.add(cell);
  reached.delete(id);
  return graph.order.filter((cell) => reached.has(cell));
}

/** Every cell whose names `id` needs, directly or not (not `id` itself), in run order. */
export function upstream(graph: Graph, id: string): string[] {
  const needed = new Set<string>();
  const visit = (cell: string) => {
    for (const p of graph.parents.get(cell) ?? []) {
      if (needed.has(p)) continue;
      needed.add(p);
      visit(p);
    }
  };
  visit(id);
  return graph.order.filter((cell) => needed.has(cell));
}

/** The cells one run of `id` evaluates: `id`, then everything downstream, in dependency order. */
export function runPlan(graph: Graph, id: string): string[] {
  return graph.errors.has(id) ? [] : [id, ...downstream(graph, id)];
}
