import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Hexo from 'hexo';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererTap } from '../../hexo-study-glossary/src/hexo/renderer-tap.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function hexo(): Hexo {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-tap-'));
  dirs.push(dir);
  const site = new Hexo(dir, { silent: true });
  site.extend.renderer.register('md', 'html', (data: { text?: string }) => `<p>${data.text}</p>`, true);
  site.extend.renderer.register('slow', 'html', async (data: { text?: string }) => `<div>${data.text}</div>`);
  site.extend.renderer.register('styl', 'css', (data: { text?: string }) => `a{${data.text}}`, true);
  return site;
}

describe('rendererTap', () => {
  it('hands the listener what an HTML renderer returned, and Hexo the same', async () => {
    const site = hexo();
    const seen: [string, string][] = [];
    rendererTap(site, (path, html) => seen.push([path, html]))();
    expect(await site.render.render({ text: 'EKS', path: '/site/source/_posts/a.md' })).toBe('<p>EKS</p>');
    expect(await site.render.render({ text: 'IAM', path: '/site/source/_posts/b.slow' })).toBe('<div>IAM</div>');
    expect(seen).toEqual([
      ['/site/source/_posts/a.md', '<p>EKS</p>'],
      ['/site/source/_posts/b.slow', '<div>IAM</div>'],
    ]);
  });

  it("hands over a sync renderer's HTML as the renderer returns, not in a later callback", () => {
    // Hexo starts every note's render at once: a callback would run only
    // once every note's Markdown is rendered, and the thread would idle.
    const site = hexo();
    const seen: string[] = [];
    rendererTap(site, (_path, html) => seen.push(html))();
    const render = site.extend.renderer.get('md') as unknown as (data: object, options: object) => PromiseLike<string>;
    const result = render.call(site, { text: 'EKS', path: '/site/source/_posts/a.md' }, {});
    expect(seen).toEqual(['<p>EKS</p>']);
    return expect(Promise.resolve(result)).resolves.toBe('<p>EKS</p>');
  });

  it('leaves renderers of other outputs alone', async () => {
    const site = hexo();
    const before = site.extend.renderer.get('styl');
    const seen: string[] = [];
    rendererTap(site, (path) => seen.push(path))();
    expect(site.extend.renderer.get('styl')).toBe(before);
    expect(await site.render.render({ text: 'color:red', path: '/x.styl' })).toBe('a{color:red}');
    expect(seen).toEqual([]);
  });

  it('keeps what Hexo reads on a renderer: its output, compile and disableNunjucks', () => {
    const site = hexo();
    const compile = () => () => '';
    const render = Object.assign((data: { text?: string }) => data.text, { compile, disableNunjucks: true });
    site.extend.renderer.register('tmpl', 'html', render, true);
    rendererTap(site, () => undefined)();
    const wrapped = site.extend.renderer.get('tmpl') as unknown as Record<string, unknown>;
    expect(wrapped['output']).toBe('html');
    expect(wrapped['compile']).toBe(compile);
    expect(wrapped['disableNunjucks']).toBe(true);
  });

  it('wraps a renderer once, however often it is called, and one registered later at the next call', async () => {
    const site = hexo();
    const seen: string[] = [];
    const tap = rendererTap(site, (_path, html) => seen.push(html));
    tap();
    tap();
    site.extend.renderer.register('later', 'html', (data: { text?: string }) => `<b>${data.text}</b>`, true);
    await site.render.render({ text: 'x', path: '/a.later' });
    expect(seen).toEqual([]);
    tap();
    await site.render.render({ text: 'y', path: '/a.md' });
    await site.render.render({ text: 'z', path: '/a.later' });
    expect(seen).toEqual(['<p>y</p>', '<b>z</b>']);
  });

  it('says nothing of a render without a path, or that fails', async () => {
    const site = hexo();
    site.extend.renderer.register('bad', 'html', () => Promise.reject(new Error('broken')));
    const seen: string[] = [];
    rendererTap(site, (path) => seen.push(path))();
    expect(await site.render.render({ text: 'EKS', engine: 'md' })).toBe('<p>EKS</p>');
    await expect(site.render.render({ text: 'x', path: '/a.bad' })).rejects.toThrow('broken');
    expect(seen).toEqual([]);
  });
});
