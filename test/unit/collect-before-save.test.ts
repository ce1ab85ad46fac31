import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import Hexo from 'hexo';
import { afterAll, describe, expect, it } from 'vitest';
import { fullCollection, registerCollectBeforeSave } from '../../hexo-study-glossary/src/hexo/collect-before-save.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A started Hexo (its own filters and console commands registered) run as `hexo <cmd>`. */
async function site(cmd: string): Promise<Hexo> {
  const dir = mkdtempSync(join(tmpdir(), 'collect-'));
  dirs.push(dir);
  const hexo = new Hexo(dir, { silent: true });
  await hexo.init();
  hexo.env.cmd = cmd;
  return hexo;
}

type Filter = ((...args: unknown[]) => unknown) & { priority?: number };

describe('registerCollectBeforeSave', () => {
  it.each(['generate', 'g', 'deploy'])('collects before Hexo saves db.json in `hexo %s`', async (cmd) => {
    const hexo = await site(cmd);
    const hexoOwn = [...(hexo.extend.filter.list('before_exit') as Filter[])];
    registerCollectBeforeSave(hexo);
    const filters = hexo.extend.filter.list('before_exit') as Filter[];
    expect(filters).toHaveLength(hexoOwn.length + 1);
    const added = filters.find((fn) => !hexoOwn.includes(fn))!;
    // Hexo's save runs after it: a lower priority number runs first.
    expect(filters.indexOf(added)).toBeLessThan(filters.indexOf(hexoOwn.find((fn) => fn.name === 'saveDatabaseFilter')!));
  });

  it.each(['server', 's', 'new', ''])('adds nothing to `hexo %s`', async (cmd) => {
    const hexo = await site(cmd);
    const before = (hexo.extend.filter.list('before_exit') as Filter[]).length;
    registerCollectBeforeSave(hexo);
    expect(hexo.extend.filter.list('before_exit')).toHaveLength(before);
  });
});

describe('fullCollection', () => {
  it('frees garbage that has outlived young collections, and leaves --expose-gc as it was', () => {
    const exposedBefore = runInNewContext('typeof gc');
    const gc = fullCollection();
    expect(gc).toBeTypeOf('function');
    gc!();
    const settled = process.memoryUsage().heapUsed;
    // Arrays of 100,000 numbers (large objects), kept while young
    // collections run, so that they are old when they become garbage.
    let garbage: number[][] | undefined = Array.from({ length: 100 }, (_, index) => new Array<number>(100_000).fill(index + 0.5));
    let churn = 0;
    for (let round = 0; round < 200_000; round++) churn += [round, round + 1, round + 2].length;
    expect(churn).toBe(600_000);
    expect(garbage.reduce((sum, array) => sum + array.length, 0)).toBe(10_000_000);
    garbage = undefined;
    expect(process.memoryUsage().heapUsed - settled).toBeGreaterThan(40 * 2 ** 20);
    gc!();
    expect(process.memoryUsage().heapUsed - settled).toBeLessThan(20 * 2 ** 20);
    expect(runInNewContext('typeof gc')).toBe(exposedBefore);
  });
});
