/** CPU priority of `npm test`'s side steps: lowered beside the browser tests, put back once those are done. */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Every process id in the trees under `roots` (the roots included), given each process's parent. */
export function descendantsOf(roots, parentOf) {
  const children = new Map();
  for (const [pid, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found = new Set();
  const queue = roots.filter((pid) => pid !== undefined);
  while (queue.length > 0) {
    const pid = queue.pop();
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return [...found];
}

/** The parent id named in a /proc/<pid>/stat line (after the command name, which may itself hold spaces or parens). */
export function parentInStat(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/** The names under a /proc folder that are ids; none where it cannot be read (no /proc on macOS or Windows). */
function idsIn(folder) {
  try {
    return readdirSync(folder).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}

/** Each running process's parent, from /proc. */
function processParents() {
  const parents = new Map();
  for (const name of idsIn('/proc')) {
    try {
      parents.set(Number(name), parentInStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // The process ended while the table was read.
    }
  }
  return parents;
}

/** A process's thread ids (Linux keeps a nice value per thread); just the process where they cannot be listed. */
function threadsOf(pid) {
  const threads = idsIn(`/proc/${pid}/task`).map(Number);
  return threads.length > 0 ? threads : [pid];
}

/** Whether a thread runs at a lower priority (a higher nice value) than `priority`; false once it has ended. */
function lowerThan(tid, priority) {
  try {
    return getPriority(tid) > priority;
  } catch {
    return false;
  }
}

/** Sets `priority` (a nice value) on one process or thread; false where there is none or the system refuses. */
export function trySetPriority(pid, priority) {
  if (pid === undefined) return false;
  try {
    setPriority(pid, priority);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts every process and thread under `roots` back to `priority` (this process's own unless given); returns how many
 * threads it changed. Raising a priority needs the right to (root, as on CI); without it the steps go on as they were.
 */
export function restorePriority(roots, priority = getPriority()) {
  let changed = 0;
  for (const pid of descendantsOf(roots, processParents()))
    for (const tid of threadsOf(pid)) if (lowerThan(tid, priority) && trySetPriority(tid, priority)) changed += 1;
  return changed;
}
