/**
 * A real `hexo server` on 127.0.0.1 while notes change: what it logs is
 * true of what it serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, type Site } from '../helpers/site.js';

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
