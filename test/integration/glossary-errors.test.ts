import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const broken = [
  'EKS:',
  '  summary: ok',
  '  related: [Nowhere]',
  'IAM:',
  '  title: no summary here',
  'Bad:',
  '  summary: !!js/function "function () { return 1 }"',
  '',
].join('\n');

describe('hexo generate with a broken glossary', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', { 'source/_glossary/broken.yml': broken });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('exits with a non-zero status', () => {
    expect(build.code).not.toBe(0);
  });

  it('names the file, line and column of the YAML error', () => {
    expect(build.output).toMatch(/source\/_glossary\/broken\.yml:7:\d+: YAML: unknown tag !<tag:yaml\.org,2002:js\/function>/);
  });

  it('still generates every note', () => {
    expect(site.exists('public/2024/01/02/first/index.html')).toBe(true);
    expect(site.exists('public/2024/01/03/second/index.html')).toBe(true);
    expect(site.exists('public/2024/01/04/third/index.html')).toBe(true);
    expect(site.exists('public/about/index.html')).toBe(true);
  });

  it('reports every schema error of a file that parses', async () => {
    const other = makeSite('basic', { 'source/_glossary/more.yml': 'Extra:\n  summary: ok\n  related: [Nowhere]\nLonely:\n  title: t\n' });
    try {
      const result = await other.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/_glossary/more.yml:3:13: Extra: "related" names "Nowhere", which is not a term in the glossary');
      expect(result.output).toContain('source/_glossary/more.yml:4:1: Lonely: "summary" is required');
      expect(result.output).toMatch(/2 problems .*exiting with status 1/);
    } finally {
      other.dispose();
    }
  });
});

describe('hexo server with a broken glossary', () => {
  let site: Site;
  let server: RunningServer;

  beforeAll(async () => {
    site = makeSite('basic', { 'source/_glossary/broken.yml': broken });
    server = await startServer(site.dir);
  });
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('logs the problem and keeps serving the notes', async () => {
    const response = await fetch(`${server.url}2024/01/02/first/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('First note');
    expect(server.output()).toMatch(/broken\.yml:7:\d+: YAML: unknown tag/);
  });
});

describe('a glossary path that another kind of page uses', () => {
  it('is reported, and the glossary is written under glossary/ so no page is overwritten', async () => {
    const site = makeSite('basic');
    try {
      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n', 'glossary:\n  path: tags\n'));
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('_config.yml:14:9: "glossary.path" "tags" shares its folder with tag_dir, so their pages would overwrite each other; the glossary is written under glossary/ instead');
      expect(site.read('public/glossary/index.html')).toContain('href="/glossary/eks/"');
      expect(site.exists('public/glossary/eks/index.html')).toBe(true);
      // The tag index, not the glossary index.
      expect(site.read('public/tags/index.html')).toContain('<a class="tag-index-link" href="/tags/EKS/">EKS</a>');
      expect(site.read('public/tags/index.html')).not.toContain('href="/glossary/eks/"');
    } finally {
      site.dispose();
    }
  });
});

describe('glossary pages left out for a page of the site\'s own', () => {
  it('are left out of the sitemap too', async () => {
    const site = makeSite('pages', {
      'source/_posts/at-eks.md': '---\ntitle: At EKS\ndate: 2024-03-02 10:00:00\npermalink: glossary/eks/\n---\nA note where the EKS page goes.\n',
    });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      const sitemap = site.read('public/sitemap.xml');
      expect(sitemap.match(/\/glossary\/eks\/<\/loc>/g)).toHaveLength(1);
      expect(sitemap).toContain('/glossary/</loc>');
    } finally {
      site.dispose();
    }
  });
});

describe("a glossary path that the site's own page uses, or that another setting takes from the default", () => {
  it('keeps the page and reports the clash', async () => {
    const site = makeSite('basic');
    try {
      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n', 'glossary:\n  path: about\n'));
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/about/index.md: this page is at /about/index.html, where the glossary (glossary.path: about) has a page too');
      expect(site.read('public/about/index.html')).toContain('This page talks about');
      expect(site.read('public/about/index.html')).not.toContain('glossary-index');
      expect(site.exists('public/about/eks/index.html')).toBe(true);
    } finally {
      site.dispose();
    }
  });

  it('keeps a note or a page whose permalink is the place of a glossary page, and reports it', async () => {
    const site = makeSite('basic', {
      'source/_posts/at-eks.md': '---\ntitle: At EKS\ndate: 2024-03-02 10:00:00\npermalink: glossary/eks/\n---\nA note where the EKS page goes.\n',
      'source/glossary.md': '---\ntitle: My glossary\npermalink: /glossary/\n---\nMy own glossary page.\n',
      'source/_posts/as-file.md': '---\ntitle: As a file\ndate: 2024-03-03 10:00:00\npermalink: glossary/iam\n---\nA note where the IAM folder goes.\n',
      'source/_posts/at-kubectl.md': '---\ntitle: At kubectl\ndate: 2024-03-06 10:00:00\npermalink: glossary/kubectl/\n---\nOne note.\n',
      'source/_posts/at-kubectl-too.md': '---\ntitle: At kubectl too\ndate: 2024-03-07 10:00:00\npermalink: Glossary/Kubectl/\n---\nAnother.\n',
    });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/_posts/at-eks.md: this page is at /glossary/eks/index.html, where the glossary (glossary.path: glossary) has a page too');
      expect(result.output).toContain('source/glossary.md: this page is at /glossary/index.html, where the glossary (glossary.path: glossary) has a page too');
      expect(result.output).toContain('source/_posts/as-file.md: this page is at /glossary/iam, where the glossary (glossary.path: glossary) needs a folder there for /glossary/iam/index.html');
      expect(site.read('public/glossary/iam')).toContain('A note where the IAM folder goes.');
      expect(site.read('public/glossary/eks/index.html')).toContain('A note where the EKS page goes.');
      expect(site.read('public/glossary/index.html')).toContain('My own glossary page.');
      expect(result.output).toContain('source/_posts/at-kubectl.md: this page is at /glossary/kubectl/index.html');
      expect(result.output).toContain('source/_posts/at-kubectl-too.md: this page is at /Glossary/Kubectl/index.html');
      expect(site.exists('public/glossary/ci-cd/index.html')).toBe(true);
    } finally {
      site.dispose();
    }
  });

  it("keeps a note at the place of the search page or the tag index, and reports it once", async () => {
    const site = makeSite('basic', {
      'source/_posts/at-search.md': '---\ntitle: At search\ndate: 2024-03-04 10:00:00\npermalink: search\n---\nA note named search.\n',
      'source/_posts/at-tags.md': '---\ntitle: At tags\ndate: 2024-03-05 10:00:00\npermalink: tags/\n---\nA note where the tag index goes.\n',
    });
    try {
      const result = await site.hexo('generate');
      expect(result.output).not.toContain('FATAL');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/_posts/at-search.md: this page is at /search, where the search page needs a folder there for /search/index.html; the site\'s own page is kept: move it or give it another permalink');
      expect(result.output).toContain('source/_posts/at-tags.md: this page is at /tags/index.html, where the tag index has a page too');
      expect(site.read('public/search')).toContain('A note named search.');
      expect(site.read('public/tags/index.html')).toContain('A note where the tag index goes.');
    } finally {
      site.dispose();
    }
  });

  it('reports tag_dir: glossary, which the glossary cannot leave', async () => {
    const site = makeSite('basic');
    try {
      site.write('_config.yml', site.read('_config.yml').replace('tag_dir: tags', 'tag_dir: glossary'));
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('_config.yml: "glossary.path" "glossary" shares its folder with tag_dir, so their pages would overwrite each other; set glossary.path to a folder of its own');
    } finally {
      site.dispose();
    }
  });
});

describe('options', () => {
  it('with the plugin off, still builds notes that use {% term %}, showing their text unlinked', async () => {
    const site = makeSite('basic', {
      'source/_posts/line-start.md': '---\ntitle: Line start\ndate: 2024-02-05 10:00:00\n---\n{% term EKS %} は**マネージド**。\n',
    });
    try {
      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n  link: first\n', 'glossary:\n  enable: false\n  link: every\n'));
      const result = await site.hexo('generate');
      expect(result.output).not.toContain('FATAL');
      expect(result.code).toBe(0);
      expect(result.output).toContain('"glossary.link" must be "first" or "all", got "every"');
      const third = site.read('public/2024/01/04/third/index.html');
      expect(third).toContain('is explicit.');
      expect(third).toContain('ロール is explicit.');
      expect(third).not.toContain('glossary-link');
      expect(site.read('public/2024/02/05/line-start/index.html')).toContain('<p>EKS は<strong>マネージド</strong>。</p>');
      expect(site.exists('public/glossary/index.html')).toBe(false);
    } finally {
      site.dispose();
    }
  });

  it('gives a bad option its default and keeps the others as written', async () => {
    const site = makeSite('basic');
    try {
      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n  link: first\n', 'glossary:\n  link: every\n  path: terms\n'));
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('_config.yml:14:9: "glossary.link" must be "first" or "all", got "every"');
      expect(site.exists('public/terms/eks/index.html')).toBe(true);
      expect(site.exists('public/glossary/eks/index.html')).toBe(false);
    } finally {
      site.dispose();
    }
  });

  it('names the second config file of --config, at its line, when the bad option is set there', async () => {
    const site = makeSite('basic', { '_config.extra.yml': '# GitHub Pages\nglossary:\n  link: every\n' });
    try {
      const result = await site.hexo('generate', '--config', '_config.yml,_config.extra.yml');
      expect(result.code).toBe(1);
      expect(result.output).toContain('_config.extra.yml:3:9: "glossary.link" must be "first" or "all", got "every"');
    } finally {
      site.dispose();
    }
  });
});

describe.each(['aa-dup.yml', 'zz-dup.yml'])('an alias in %s that is the name of a term in terms.yml', (file) => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', { [`source/_glossary/${file}`]: 'Terraform:\n  summary: IaC。\n  aliases: [IAM, TF]\n' });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('is reported at the alias, naming the term, whichever file sorts first', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain(`source/_glossary/${file}:3:13: Terraform: "IAM" is already used by term "IAM" at source/_glossary/terms.yml:6:1`);
    expect(build.output).not.toContain('source/_glossary/terms.yml:6:1: IAM:');
  });

  it('leaves the term its mentions, and the other entry its page and other names', () => {
    const first = site.read('public/2024/01/02/first/index.html');
    expect(first).toContain('<a class="glossary-link" href="/glossary/iam/" data-term="IAM"');
    expect(first).not.toContain('href="/glossary/terraform/"');
    const backlinks = (page: string) => page.match(/<ol class="glossary-backlink-list">([\s\S]*?)<\/ol>/)?.[1] ?? '';
    expect(backlinks(site.read('public/glossary/iam/index.html'))).toContain('href="/2024/01/02/first/"');
    const terraform = site.read('public/glossary/terraform/index.html');
    expect(terraform).toContain('<span class="glossary-alias">TF</span>');
    expect(terraform).not.toContain('<span class="glossary-alias">IAM</span>');
    expect(terraform).toContain('<p class="glossary-no-backlinks">');
  });
});
