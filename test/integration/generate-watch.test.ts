/**
 * `hexo generate --watch` builds, keeps building on every change, and exits
 * on Ctrl+C with the status of the site as it is then: a problem fixed or
 * deleted while it watched no longer fails it.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { hexoBin, makeSite, stripAnsi, type Site } from '../helpers/site.js';

const badNote = '---\ntitle: Bad term\ndate: 2024-01-05 10:00:00\n---\nSee {% term Nowhere %} for details.\n';
const fixedNote = '---\ntitle: Bad term\ndate: 2024-01-05 10:00:00\n---\nSee {% term EKS %} for details.\n';

interface Watching {
  /** Resolves once `pattern` shows in the output after `from` characters. */
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  output(): string;
  /** Ctrl+C; resolves with the exit status. */
  interrupt(): Promise<number | null>;
}

function generateWatch(site: Site): Watching {
  const child = spawn(process.execPath, [hexoBin, 'generate', '--watch'], {
    cwd: site.dir,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout.on('data', (chunk: Buffer) => (output += stripAnsi(chunk.toString())));
  child.stderr.on('data', (chunk: Buffer) => (output += stripAnsi(chunk.toString())));
  return {
    output: () => output,
    async waitFor(pattern, from = 0) {
      for (let waited = 0; !pattern.test(output.slice(from)); waited += 50) {
        if (waited > 60_000 || child.exitCode !== null) throw new Error(`no ${pattern} in the output:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    interrupt() {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      return exited;
    },
  };
}

/** The note's page, after a rebuild: proof the change was taken in before Ctrl+C. */
async function rebuilt(site: Site, watching: Watching, from: number, done: () => boolean): Promise<void> {
  await watching.waitFor(/Generated: |Deleted: /, from);
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 30_000) throw new Error(`the change never showed:\n${watching.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Let the rebuild finish writing (search index included) before Ctrl+C.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

describe('hexo generate --watch', { timeout: 120_000 }, () => {
  let site: Site | undefined;
  afterEach(() => site?.dispose());

  it('exits with status 1 when a note still has a problem', async () => {
    site = makeSite('basic', { 'source/_posts/bad-term.md': badNote });
    const watching = generateWatch(site);
    await watching.waitFor(/watching for file changes/);
    expect(watching.output()).toContain('source/_posts/bad-term.md:5: {% term Nowhere %} names no glossary term');
    expect(await watching.interrupt()).toBe(1);
    expect(watching.output()).toContain('hexo-study-glossary: 1 problem (listed above); exiting with status 1');
  });

  it('does not fail once the note with a problem is deleted', async () => {
    site = makeSite('basic', { 'source/_posts/bad-term.md': badNote });
    const watching = generateWatch(site);
    await watching.waitFor(/watching for file changes/);
    expect(site.exists('public/2024/01/05/bad-term/index.html')).toBe(true);
    const from = watching.output().length;
    site.remove('source/_posts/bad-term.md');
    await rebuilt(site, watching, from, () => !site!.exists('public/2024/01/05/bad-term/index.html'));
    expect(await watching.interrupt()).toBe(0);
    expect(watching.output()).not.toContain('exiting with status 1');
  });

  it('does not fail once the problem is fixed', async () => {
    site = makeSite('basic', { 'source/_posts/bad-term.md': badNote });
    const watching = generateWatch(site);
    await watching.waitFor(/watching for file changes/);
    const from = watching.output().length;
    site.write('source/_posts/bad-term.md', fixedNote);
    await rebuilt(site, watching, from, () => site!.read('public/2024/01/05/bad-term/index.html').includes('data-term="EKS"'));
    expect(await watching.interrupt()).toBe(0);
    expect(watching.output()).not.toContain('exiting with status 1');
  });

  /** Adds `name` while `hexo generate --watch` runs, and stops it once the note's page is written. */
  async function addWhileWatching(site: Site, name: string, note: string): Promise<number | null> {
    const watching = generateWatch(site);
    await watching.waitFor(/watching for file changes/);
    const from = watching.output().length;
    site.write(`source/_posts/${name}.md`, note);
    await rebuilt(site, watching, from, () => site.exists(`public/2024/01/06/${name}/index.html`));
    return watching.interrupt();
  }

  /**
   * Takes the record of `source/_posts/<name>.md` out of db.json, as Hexo's
   * watcher left it before the plugin made one (watched-files.ts).
   */
  function forgetFileRecord(site: Site, name: string): void {
    const database = JSON.parse(site.read('db.json')) as { models: { Cache: { _id: string }[] } };
    const before = database.models.Cache.length;
    database.models.Cache = database.models.Cache.filter((record) => record._id !== `source/_posts/${name}.md`);
    expect(database.models.Cache.length).toBe(before - 1);
    site.write('db.json', JSON.stringify(database));
  }

  const addedNote = fixedNote.replace('2024-01-05', '2024-01-06');

  it('records a note added while it watched as a load does: the next build neither reads it as new nor keeps it once deleted', async () => {
    site = makeSite('basic');
    expect(await addWhileWatching(site, 'added', addedNote)).toBe(0);
    const again = await site.hexo('generate');
    expect(again.code).toBe(0);
    expect(again.output).not.toContain('Trying to "create"');

    site.remove('source/_posts/added.md');
    expect((await site.hexo('generate')).code).toBe(0);
    expect(site.exists('public/2024/01/06/added/index.html')).toBe(false);
    expect(site.read('public/archives/index.html')).not.toContain('/2024/01/06/added/');
  });

  it('builds a note put back as it was after a change made while it watched, as a clean build does', async () => {
    site = makeSite('basic', { 'source/_posts/bad-term.md': fixedNote });
    expect((await site.hexo('generate')).code).toBe(0);
    const watching = generateWatch(site);
    await watching.waitFor(/watching for file changes/);
    const from = watching.output().length;
    site.write('source/_posts/bad-term.md', badNote);
    await rebuilt(site, watching, from, () => !site!.read('public/2024/01/05/bad-term/index.html').includes('data-term="EKS"'));
    expect(await watching.interrupt()).toBe(1);
    // Put back as it was before the watch, as an undo or `git checkout` does.
    site.write('source/_posts/bad-term.md', fixedNote);
    const again = await site.hexo('generate');
    expect(again.output).not.toContain('names no glossary term');
    expect(again.code).toBe(0);
    expect(site.read('public/2024/01/05/bad-term/index.html')).toContain('data-term="EKS"');
  });

  // A db.json from before kept such a note, and with it its problem, for good.
  it('removes a note whose file is gone though db.json has no record of the file', async () => {
    site = makeSite('basic');
    expect(await addWhileWatching(site, 'added', badNote.replace('2024-01-05', '2024-01-06'))).toBe(1);
    forgetFileRecord(site, 'added');
    site.remove('source/_posts/added.md');
    const generated = await site.hexo('generate');
    expect(generated.output).not.toContain('names no glossary term');
    expect(generated.code).toBe(0);
    expect(site.exists('public/2024/01/06/added/index.html')).toBe(false);
    expect(site.read('public/archives/index.html')).not.toContain('/2024/01/06/added/');
  });

  it('keeps one note, not two, when such a note is renamed', async () => {
    site = makeSite('basic');
    expect(await addWhileWatching(site, 'first-name', addedNote)).toBe(0);
    forgetFileRecord(site, 'first-name');
    site.write('source/_posts/second-name.md', site.read('source/_posts/first-name.md'));
    site.remove('source/_posts/first-name.md');
    const generated = await site.hexo('generate');
    expect(generated.code).toBe(0);
    expect(site.exists('public/2024/01/06/second-name/index.html')).toBe(true);
    expect(site.exists('public/2024/01/06/first-name/index.html')).toBe(false);
    expect(site.read('public/archives/index.html')).not.toContain('/2024/01/06/first-name/');
  });
});
