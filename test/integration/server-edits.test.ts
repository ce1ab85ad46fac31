/**
 * A real `hexo server` on 127.0.0.1 while notes are renamed, published and
 * broken: what it logs is true of what it serves.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, runHexo, type Site } from '../helpers/site.js';

/** The ERROR lines of the server's output after `from` characters. */
function errorsAfter(server: RunningServer, from: number): string[] {
  return server
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => line.startsWith('ERROR '));
}

/** Answers `path` with 200, within 30 s; the body. */
async function served(server: RunningServer, path: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${server.url}${path.replace(/^\//, '')}`);
    if (response.status === 200) return response.text();
    if (Date.now() > deadline) throw new Error(`${path} answered ${response.status}, not 200, within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Time for the regenerations a change starts (Hexo waits 100 ms after each processed file). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('hexo server while notes change on disk', () => {
  let site: Site;
  let server: RunningServer;

  beforeAll(async () => {
    site = makeSite('basic');
    server = await startServer(site.dir);
  });
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('serves a renamed note without calling it unreadable', async () => {
    const from = server.output().length;
    // The regeneration after the old name's removal may run before Hexo has
    // stored the new name, or after: about one rename in two hit it, so six.
    let name = 'third';
    for (const next of ['third-a', 'third-b', 'third-c', 'third-d', 'third-e', 'third-f']) {
      renameSync(join(site.dir, 'source/_posts', `${name}.md`), join(site.dir, 'source/_posts', `${next}.md`));
      name = next;
      expect(await served(server, `/2024/01/04/${name}/`)).toContain('<title>Third note | Fixture</title>');
      await settle();
    }
    expect(errorsAfter(server, from)).toEqual([]);
  });

  it('serves a draft published while it runs without calling it unreadable', async () => {
    const from = server.output().length;
    site.write('source/_drafts/later.md', '---\ntitle: Later note\ndate: 2024-02-01 10:00:00\n---\nEKS, written later.\n');
    await settle();
    const publish = await runHexo(site.dir, ['publish', 'later']);
    expect(publish.code).toBe(0);
    expect(await served(server, '/2024/02/01/later/')).toContain('<title>Later note | Fixture</title>');
    await settle();
    expect(errorsAfter(server, from)).toEqual([]);
  });

  it('still reports a new note Hexo cannot read, once the site regenerates', async () => {
    const from = server.output().length;
    site.write('source/_posts/unreadable.md', '---\ntitle: Number permalink\npermalink: 5\n---\nHexo fails on this one after reading its front matter.\n');
    await settle();
    site.write('source/_posts/second.md', `${site.read('source/_posts/second.md')}\nOne more line.\n`);
    await server.waitFor(/ERROR source\/_posts\/unreadable\.md: /, 30_000, from);
    await settle();
    expect(errorsAfter(server, from).filter((line) => !line.startsWith('ERROR Process failed'))).toEqual([
      'ERROR source/_posts/unreadable.md: Hexo could not read this file (its error is logged above after "Process failed"), so it is missing from the site',
    ]);
    site.remove('source/_posts/unreadable.md');
  });

  it('says a note whose front matter breaks stays at its last good version, and serves that version', async () => {
    await settle();
    const from = server.output().length;
    const note = site.read('source/_posts/first.md');
    site.write('source/_posts/first.md', note.replace('title: First note', 'title: First note: [broken'));
    await server.waitFor(/ERROR source\/_posts\/first\.md:/, 30_000, from);
    expect(errorsAfter(server, from).filter((line) => !line.startsWith('ERROR Process failed'))).toEqual([
      'ERROR source/_posts/first.md:2:18: front matter is not valid YAML: bad indentation of a mapping entry; Hexo keeps the last version it could read on the site until this is fixed',
    ]);
    expect(await served(server, '/2024/01/02/first/')).toContain('<title>First note | Fixture</title>');
    site.write('source/_posts/first.md', note);
  });
});
