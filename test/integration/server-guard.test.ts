/**
 * `hexo server` on the bad-input fixture: it logs what is wrong and keeps
 * serving, and a malformed percent-escape is the client's error (400), not
 * the server's (hexo-server alone answers 500 and logs a URIError).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDecodable, isLoopbackName } from '../../hexo-study-glossary/src/hexo/server-guard.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, type Site } from '../helpers/site.js';

/** GET `path` exactly as written: fetch() would normalize or reject a malformed URL, and sets its own Host. */
function rawGet(port: number, path: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: host === undefined ? {} : { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('isDecodable', () => {
  it.each([
    ['/', true],
    ['/glossary/%E3%83%AD%E3%83%BC%E3%83%AB/', true],
    ['/?q=a%20b', true],
    ['/%E0%A4%A', false],
    ['/%', false],
    ['/%zz/', false],
    ['/?q=100%', false],
    ['/%C0%AF', false],
  ])('says %j is %s', (url, expected) => {
    expect(isDecodable(url)).toBe(expected);
  });
});

describe('isLoopbackName', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['notes.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['evil.example', false],
    ['192.168.1.5', false],
    ['0.0.0.0', false],
  ])('says %j is %s', (name, expected) => {
    expect(isLoopbackName(name)).toBe(expected);
  });
});

describe('hexo server with bad input', () => {
  let site: Site;
  let server: RunningServer;

  beforeAll(async () => {
    site = makeSite('bad-input');
    server = await startServer(site.dir);
  });
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('logs the problems with their lines and keeps serving the other notes', async () => {
    expect(server.output()).toContain('source/_posts/bad-yaml.md:4:7: front matter is not valid YAML');
    expect(server.output()).toContain('source/_posts/bad-date.md:3:7: "date" is not a date Hexo can read');
    expect(server.output()).toContain('source/_posts/dropped.md: Hexo could not read this file');
    const good = await rawGet(server.port, '/notes/good/');
    expect(good.status).toBe(200);
    expect(good.body).toContain('<title>Good note | Bad Input Fixture</title>');
    expect((await rawGet(server.port, '/notes/bad-yaml/')).status).toBe(404);
  });

  it('serves a note again once its front matter is fixed', async () => {
    const from = server.output().length;
    site.write('source/_posts/bad-yaml.md', '---\ntitle: Fixed YAML\ndate: 2024-01-03 10:00:00\ntags: [a, b]\n---\nEKS\n');
    const deadline = Date.now() + 30_000;
    let response = await rawGet(server.port, '/notes/bad-yaml/');
    while (response.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      response = await rawGet(server.port, '/notes/bad-yaml/');
    }
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Fixed YAML | Bad Input Fixture</title>');
    expect(server.output().slice(from)).not.toContain('bad-yaml.md');
  });

  it('reports a note whose front matter breaks while the server runs, though Hexo keeps its older version', async () => {
    const from = server.output().length;
    const good = site.read('source/_posts/good.md');
    site.write('source/_posts/good.md', good.replace('tags: [good]', 'tags: [good'));
    const deadline = Date.now() + 30_000;
    while (!server.output().slice(from).includes('source/_posts/good.md:') && Date.now() < deadline) {
      await rawGet(server.port, '/notes/good/');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(server.output().slice(from)).toMatch(/source\/_posts\/good\.md:4:7: front matter is not valid YAML/);
    site.write('source/_posts/good.md', good);
  });

  it.each(['/%E0%A4%A', '/notes/%E0%A4%A/', '/%', '/?q=100%'])('answers %s with 400 and a short text', async (path) => {
    const response = await rawGet(server.port, path);
    expect(response.status).toBe(400);
    expect(response.body).toBe('400 Bad Request: the URL has a malformed percent-escape\n');
  });

  it('answers only to a loopback host name while it listens on 127.0.0.1: a rebound name gets 403, not the site', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`, 'notes.localhost']) {
      expect((await rawGet(server.port, '/notes/good/', host)).status, host).toBe(200);
    }
    for (const host of [`rebind.attacker.example:${server.port}`, 'localhost.attacker.example', `192.168.1.5:${server.port}`]) {
      const response = await rawGet(server.port, '/notes/good/', host);
      expect(response.status, host).toBe(403);
      expect(response.body, host).not.toContain('Good note');
      expect((await rawGet(server.port, '/__glossary_reload', host)).status, host).toBe(403);
    }
  });

  it('still serves well-formed percent-encoded URLs, and logs no URIError', async () => {
    const index = await rawGet(server.port, '/glossary/');
    expect(index.status).toBe(200);
    // The 100-character term's page: a long, percent-encoded Japanese path.
    const japanese = /href="(\/glossary\/%E9%95%B7[^"]*)"/.exec(index.body)?.[1];
    expect(japanese).toBeDefined();
    expect((await rawGet(server.port, japanese!)).status).toBe(200);
    expect(server.output()).not.toMatch(/URIError/);
  });
});
