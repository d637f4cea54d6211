import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { descendantsOf, parentInStat, restorePriority } from '../../../scripts/lib/priority.mjs';

describe('descendantsOf(roots, parentOf)', () => {
  const parents = new Map([
    [10, 1],
    [11, 10],
    [12, 11],
    [13, 10],
    [20, 1],
    [21, 20],
  ]);

  it('finds every process under the roots, the roots included, and nothing beside them', () => {
    expect(descendantsOf([10], parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendantsOf([11, 21], parents).sort()).toEqual([11, 12, 21]);
  });

  it('skips an undefined root (a child that never started) and survives a cycle', () => {
    expect(descendantsOf([undefined, 20], parents).sort()).toEqual([20, 21]);
    expect(
      descendantsOf(
        [1],
        new Map([
          [1, 2],
          [2, 1],
        ]),
      ).sort(),
    ).toEqual([1, 2]);
  });
});

describe('parentInStat(line)', () => {
  it('reads the parent after a command name that holds spaces and parentheses', () => {
    expect(parentInStat('4242 (node (worker) 1) S 4100 4242 4100 0 -1 4194560')).toBe(4100);
    expect(parentInStat('7 (sh) R 1 7 7 0 -1')).toBe(1);
  });
});

// Raising a priority needs the right to; where the process lacks it (not root), the check would only test a refusal.
const canRaise = (() => {
  if (!existsSync('/proc/self/task')) return false;
  const before = getPriority();
  try {
    setPriority(before);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!canRaise)('restorePriority(roots) on real processes', () => {
  let children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) child.kill();
    children = [];
  });

  it('puts a lowered process and the child it started back to the given priority, and leaves others alone', async () => {
    // A shell that starts a sleeping child and says its id: the tree restorePriority must walk.
    const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const bystander = spawn('sleep', ['30']);
    children.push(parent, bystander);
    const grandchild = Number(
      await new Promise<string>((done) => parent.stdout!.once('data', (chunk: Buffer) => done(String(chunk)))),
    );
    // Explicit values: npm test itself runs this file at a lowered priority, which restorePriority would default to.
    for (const pid of [parent.pid!, grandchild, bystander.pid!]) setPriority(pid, 15);
    const changed = restorePriority([parent.pid], 5);
    expect(changed).toBeGreaterThanOrEqual(2);
    expect([getPriority(parent.pid!), getPriority(grandchild), getPriority(bystander.pid!)]).toEqual([5, 5, 15]);
    process.kill(grandchild);
  });
});
