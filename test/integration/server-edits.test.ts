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
  const output = server.output().slice(from);
  // Whole lines only: hexo-log writes a line's `ERROR ` and its message in
  // two writes, and the next error's prefix alone was read as an error.
  return output
    .slice(0, output.lastIndexOf('\n') + 1)
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

/** The body of `path` once it contains `text`, within 20 s (else the last body seen, or its status). */
async function eventually(server: RunningServer, path: string, text: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}${path.replace(/^\//, '')}`);
    const body = response.status === 200 ? await response.text() : `${path} answered ${response.status}`;
    if (body.includes(text) || Date.now() > deadline) return body;
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
      'ERROR source/_posts/first.md:2:18: front matter is not valid YAML: bad indentation of a mapping entry: the value contains ": ", which YAML reads as another key; put it in quotes (title: "First note: [broken"); Hexo keeps the last version it could read on the site until this is fixed',
    ]);
    expect(await served(server, '/2024/01/02/first/')).toContain('<title>First note | Fixture</title>');
    site.write('source/_posts/first.md', note);
  });

  it('keeps the terms of a renamed glossary file on their pages meanwhile', async () => {
    await settle();
    const from = server.output().length;
    renameSync(join(site.dir, 'source/_glossary/terms.yml'), join(site.dir, 'source/_glossary/renamed.yml'));
    const statuses = new Set<number>();
    for (const end = Date.now() + 4000; Date.now() < end; ) {
      statuses.add((await fetch(`${server.url}glossary/eks/`)).status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([...statuses]).toEqual([200]);
    expect(server.output().slice(from)).not.toContain('Glossary: 0 terms loaded');
    expect(await served(server, '/2024/01/02/first/')).toContain('data-term="EKS"');
    renameSync(join(site.dir, 'source/_glossary/renamed.yml'), join(site.dir, 'source/_glossary/terms.yml'));
    await settle();
  });
});

describe('hexo server while a glossary file changes during a long regeneration', () => {
  let site: Site;
  let server: RunningServer;

  beforeAll(async () => {
    site = makeSite('basic', {
      // Stands for a site large enough that regenerating takes a while (at
      // 300 notes a glossary edit re-links them for about a second), after
      // the glossary is read: Hexo drops the regeneration a file change
      // asks for while one runs.
      'scripts/long-generation.js':
        "let generations = 0;\nhexo.extend.filter.register('before_generate', () => (generations++ === 0 ? undefined : new Promise((resolve) => setTimeout(resolve, 1500))), 15);\n",
    });
    server = await startServer(site.dir);
  });
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('shows the last of two glossary saves a moment apart', async () => {
    // The second save is read while the first one's generation runs.
    const terms = site.read('source/_glossary/terms.yml');
    site.write('source/_glossary/terms.yml', terms.replace('Kubernetes を動かす', '最初の保存で Kubernetes を動かす'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    site.write('source/_glossary/terms.yml', terms.replace('Kubernetes を動かす', '二度目の保存で Kubernetes を動かす'));
    expect(await eventually(server, '/glossary/eks/', '二度目の保存')).toContain('二度目の保存で Kubernetes を動かす');
  });

  it('shows a note saved while the site regenerates, with its links', async () => {
    await settle();
    // A glossary save starts a generation; the note is saved while it runs.
    const terms = site.read('source/_glossary/terms.yml');
    site.write('source/_glossary/terms.yml', terms.replace('Kubernetes を動かす', 'Kubernetes を動かす（編集中）'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const note = site.read('source/_posts/first.md');
    site.write('source/_posts/first.md', note.replace('CI/CD は大事。', 'CI/CD は大事。生成中に保存した行。'));
    const page = await eventually(server, '/2024/01/02/first/', '生成中に保存した行');
    expect(page).toContain('生成中に保存した行');
    expect(page).toContain('data-term="EKS"');
    site.write('source/_posts/first.md', note);
    site.write('source/_glossary/terms.yml', terms);
    await settle();
  });

  it('takes away the terms of a glossary file deleted while the site regenerates', async () => {
    site.write('source/_glossary/extra.yml', 'Terraform:\n  summary: 構成をコードで書くツール。\n');
    expect(await eventually(server, '/glossary/terraform/', '構成をコードで書くツール。')).toContain('構成をコードで書くツール。');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // A saved note starts a generation; the glossary file goes while it runs.
    site.write('source/_posts/second.md', `${site.read('source/_posts/second.md')}\nOne more line.\n`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    site.remove('source/_glossary/extra.yml');
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await eventually(server, '/glossary/terraform/', 'answered 404')).toBe('/glossary/terraform/ answered 404');
  });
});

/** `path`'s status once it is `status`, within 20 s (else the last one seen). */
async function statusOf(server: RunningServer, path: string, status: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}${path.replace(/^\//, '')}`);
    await response.arrayBuffer();
    if (response.status === status || Date.now() > deadline) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('hexo server over the public/ of an earlier hexo generate', () => {
  let site: Site;
  let server: RunningServer;

  beforeAll(async () => {
    site = makeSite('basic');
    expect((await site.hexo('generate')).code).toBe(0);
    site.write('public/extra.txt', 'kept\n');
    server = await startServer(site.dir);
  });
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('answers 404 for the page of a deleted note and of a removed term, not their old copies', async () => {
    expect(await statusOf(server, '/2024/01/04/third/', 200)).toBe(200);
    expect(await statusOf(server, '/glossary/kubectl/', 200)).toBe(200);
    site.remove('source/_posts/third.md');
    site.write('source/_glossary/terms.yml', site.read('source/_glossary/terms.yml').replace(/^kubectl:\n(?: {2}.*\n)+/m, ''));
    expect(await statusOf(server, '/2024/01/04/third/', 404)).toBe(404);
    expect(await statusOf(server, '/2024/01/04/third/index.html', 404)).toBe(404);
    expect(await statusOf(server, '/glossary/kubectl/', 404)).toBe(404);
    expect(site.exists('public/2024/01/04/third/index.html')).toBe(true);
    expect(site.exists('public/glossary/kubectl/index.html')).toBe(true);
  });

  it('answers a browser with a page that reloads itself when the site changes, for a gone page and for one it never had', async () => {
    for (const path of ['2024/01/04/third/', 'no/such/page/']) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html, path).toContain('<h1>404 ページが見つかりません</h1>');
      expect(html, path).toMatch(/^<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">/);
      expect(html, path).toContain('<p><a href="/">トップページへ</a></p>');
      expect(html, path).toContain('var url = "/__glossary_reload";');
    }
    // Anything but a browser asking for a page gets text, as before.
    const text = await fetch(`${server.url}no/such/page/`);
    expect(text.status).toBe(404);
    expect(await text.text()).not.toContain('<script');
  });

  it('still serves the pages it has, and files of public/ that are not pages', async () => {
    expect(await served(server, '/2024/01/02/first/')).toContain('<title>');
    expect(await served(server, '/extra.txt')).toBe('kept\n');
  });
});
