/**
 * A week of writing, as an author does it: glossary files organised in
 * folders, mistakes made and mended, terms added from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

describe('a glossary file in a subfolder of source/_glossary/', () => {
  let site: Site;
  let build: RunResult;
  let added: RunResult;
  let again: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_glossary/network/vpc.yml': 'VPC:\n  summary: AWS 上の仮想ネットワーク。\n  aliases: [Virtual Private Cloud]\n',
      'source/_posts/network.md': '---\ntitle: Network\ndate: 2024-02-01 10:00:00\n---\nVPC を作る。\n',
    });
    build = await site.hexo('generate');
    added = await site.hexo('terms', 'new', 'Subnet', '--file', 'network/vpc.yml');
    again = await site.hexo('terms', 'new', 'Virtual Private Cloud');
  });
  afterAll(() => site?.dispose());

  it('gives its terms a page and links them in notes', () => {
    expect(build.code, build.output).toBe(0);
    expect(site.exists('public/glossary/vpc/index.html')).toBe(true);
    expect(site.read('public/2024/02/01/network/index.html')).toContain('href="/glossary/vpc/" data-term="VPC"');
  });

  it('is where `hexo terms new --file` can add a term, and where it looks for existing ones', () => {
    expect(added.code, added.output).toBe(0);
    expect(added.stdout).toContain('source/_glossary/network/vpc.yml:5: added "Subnet"');
    expect(site.read('source/_glossary/network/vpc.yml')).toMatch(/^Subnet:\n {2}summary: TODO/m);
    expect(again.code).toBe(1);
    expect(again.output).toContain('"Virtual Private Cloud" is already in the glossary: an alias of "VPC" (source/_glossary/network/vpc.yml:1)');
  });
});
