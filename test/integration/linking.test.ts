import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const first = 'public/2024/01/02/first/index.html';

/** The article body of a generated note page. */
function article(html: string): string {
  const start = html.indexOf('<div class="e-content article-entry" itemprop="articleBody">');
  const end = html.indexOf('<footer class="article-footer">', start);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, end);
}

/** The titles of the notes a tag page lists (the sidebar lists recent notes on every page). */
function tagged(page: string): string[] {
  return [...page.matchAll(/class="archive-article-title" href="[^"]*">([^<]*)</g)].map((match) => match[1]!);
}

/** The glossary links of a note page's article, or of the whole of `html` when it is a page without a template (`bare`). */
function links(html: string, bare = false): { term: string; href: string; text: string }[] {
  return [...(bare ? html : article(html)).matchAll(/<a class="glossary-link" href="([^"]*)" data-term="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href = '', term = '', text = '']) => ({
    term,
    href,
    text,
  }));
}

describe('glossary links in notes built with real Hexo', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic');
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('builds cleanly', () => {
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.code).toBe(0);
  });

  it('links the first occurrence of each term, keeping the text as written', () => {
    expect(links(site.read(first))).toEqual([
      { term: 'EKS', href: '/glossary/eks/', text: 'ElasticKubernetesService' },
      { term: 'IAMロール', href: '/glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', text: 'IAMロール' },
      { term: 'IAM', href: '/glossary/iam/', text: 'IAM' },
      { term: 'CI/CD', href: '/glossary/ci-cd/', text: 'CI&#x2F;CD' },
      { term: 'kubectl', href: '/glossary/kubectl/', text: 'Kubectl' },
    ]);
  });

  it('describes a note by its text for open graph, as without links', () => {
    expect(site.read(first)).toContain('<meta name="description" content="ElasticKubernetesService（EKS）では IAMロール を使う。EKS と IAM と IAMPolicy。');
  });

  it('puts the summary in the title attribute', () => {
    expect(article(site.read(first))).toContain('data-term="EKS" title="Kubernetes を動かすマネージドサービス。"');
  });

  it('does not link inside code, kbd, headings, comments, attributes or existing links', () => {
    const body = article(site.read(first));
    expect(body).toContain('<code>EKS in code</code>');
    expect(body).toContain('<kbd>IAM</kbd>');
    // The heading's own link is hidden from keyboards and screen readers (heading-anchor.ts), once.
    expect(body).toMatch(/<h2 id="EKS-heading"><a href="#EKS-heading" class="headerlink" aria-hidden="true" tabindex="-1" title="EKS heading"><\/a>EKS heading<\/h2>/);
    expect(body).toContain('<!-- EKS in a comment -->');
    expect(body).toContain('href="https://example.com/" title="EKS">EKS link</a>');
  });

  it('never auto-links a term with link: false', () => {
    expect(article(site.read(first))).toContain('Secret は秘密');
  });

  it('does not link a note with glossary: false', () => {
    expect(article(site.read('public/2024/01/03/second/index.html'))).not.toContain('glossary-link');
  });

  it('skips terms listed in glossary_exclude and keeps explicit {% term %} links', () => {
    expect(links(site.read('public/2024/01/04/third/index.html'))).toEqual([
      { term: 'EKS', href: '/glossary/eks/', text: 'EKS' },
      { term: 'IAMロール', href: '/glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', text: 'ロール' },
    ]);
  });

  it("says on the excluded term's page that a note turns it off, rather than only that no note mentions it", () => {
    const iam = site.read('public/glossary/iam/index.html');
    expect(iam).toContain('<p class="glossary-explicit-only">1 件のノートはこの用語を自動でリンクしない設定のため、明示的にリンクした場合だけここに並びます。</p>');
    expect(site.read('public/glossary/eks/index.html')).not.toContain('glossary-explicit-only');
  });

  it('links pages too', () => {
    expect(site.read('public/about/index.html')).toContain('<a class="glossary-link" href="/glossary/eks/" data-term="EKS"');
  });
});

/** A note cut at `<!-- more -->`. */
const cutNote = ['---', 'title: Cut note', 'date: 2024-01-05 10:00:00', 'tags: [notes]', '---', 'EKS の話。', '', '<!-- more -->', '', 'IAM と EKS の続き。', ''].join('\n');
const cutPage = 'public/2024/01/05/cut/index.html';

describe('a note or page with layout: false', () => {
  const bareNote = '---\ntitle: Bare\ndate: 2024-01-06 10:00:00\nlayout: false\n---\nEKS だけの素のページ。{% term IAM %} も。\n';
  const barePage = '---\ntitle: Bare page\nlayout: false\n---\nkubectl だけの素のページ。\n';

  it('is linked too, though no template shows it', async () => {
    const site = makeSite('basic', { 'source/_posts/bare.md': bareNote, 'source/bare/index.md': barePage });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read('public/2024/01/06/bare/index.html'), true)).toEqual([
        { term: 'EKS', href: '/glossary/eks/', text: 'EKS' },
        { term: 'IAM', href: '/glossary/iam/', text: 'IAM' },
      ]);
      expect(links(site.read('public/bare/index.html'), true)).toEqual([{ term: 'kubectl', href: '/glossary/kubectl/', text: 'kubectl' }]);
    } finally {
      site.dispose();
    }
  });

  it('has its links relative to its own page under relative_link', async () => {
    const site = makeSite('basic', { 'source/_posts/bare.md': bareNote });
    try {
      site.write('_config.yml', `${site.read('_config.yml')}\nrelative_link: true\n`);
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read('public/2024/01/06/bare/index.html'), true).map((link) => link.href)).toEqual(['../../../../glossary/eks/', '../../../../glossary/iam/']);
    } finally {
      site.dispose();
    }
  });
});

describe('where a page shows a note', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', { 'source/_posts/cut.md': cutNote });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  /** The article of the note named `name` on a listing page. */
  const listed = (html: string, name: string): string => {
    const start = html.indexOf(`<article id="post-${name}"`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</article>', start));
  };

  it('builds cleanly', () => {
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.code).toBe(0);
  });

  it('stores each note as rendered, without links, and where its links go', () => {
    const posts = (JSON.parse(site.read('db.json')) as { models: { Post: { source: string; content: string; more: string; glossary_links?: string }[] } }).models.Post;
    const stored = posts.find((post) => post.source === '_posts/first.md')!;
    expect(stored.content).toContain('ElasticKubernetesService（EKS）では IAMロール を使う。');
    expect(stored.content).not.toContain('glossary-link');
    expect(stored.more).not.toContain('glossary-link');
    expect(JSON.parse(stored.glossary_links!)[4]).toEqual(['EKS', 'IAMロール', 'IAM', 'CI/CD', 'kubectl']);
    expect(posts.find((post) => post.source === '_posts/second.md')!.glossary_links).toBeUndefined();
  });

  it('links the notes on the home page, an excerpt as the note is linked', () => {
    const home = site.read('public/index.html');
    expect(listed(home, 'first')).toContain('<a class="glossary-link" href="/glossary/eks/" data-term="EKS" title="Kubernetes を動かすマネージドサービス。">ElasticKubernetesService</a>');
    const cut = listed(home, 'cut');
    expect(cut).toContain('<p><a class="glossary-link" href="/glossary/eks/" data-term="EKS"');
    expect(cut).not.toContain('IAM と');
    expect(listed(home, 'second')).not.toContain('glossary-link');
  });

  it('links the whole of a note cut at <!-- more --> on its page, each term once', () => {
    const body = article(site.read(cutPage));
    expect(links(site.read(cutPage)).map((link) => [link.term, link.text])).toEqual([
      ['EKS', 'EKS'],
      ['IAM', 'IAM'],
    ]);
    expect(body).toContain('<span id="more"></span>');
    expect(body).toContain('</a> と EKS の続き。');
  });

  it('gives each note on the home page its own links, explicit ones included', () => {
    const home = site.read('public/index.html');
    expect(listed(home, 'third').match(/glossary-link/g)).toHaveLength(2);
  });
});

describe('a theme that calls open_graph in the template that shows the note', () => {
  it('still shows the note linked after open_graph read it as stored', async () => {
    const site = makeSite('basic', {
      'themes/og-first/layout/post.ejs': '<head><%- open_graph() %></head>\n<main><%- page.content %></main>\n',
      'themes/og-first/layout/index.ejs': '<main><% page.posts.each(function (post) { %><%- post.content %><% }) %></main>\n',
    });
    try {
      site.write('_config.yml', site.read('_config.yml').replace(/^theme: landscape$/m, 'theme: og-first'));
      expect(site.read('_config.yml')).toMatch(/^theme: og-first$/m);
      expect((await site.hexo('generate')).code).toBe(0);
      const page = site.read(first);
      expect(page).toContain('<meta name="description" content="ElasticKubernetesService（EKS）では IAMロール を使う。');
      const main = page.slice(page.indexOf('<main'));
      expect(main).toContain('<a class="glossary-link" href="/glossary/eks/" data-term="EKS"');
    } finally {
      site.dispose();
    }
  });
});

describe('an entry with link: false', () => {
  it('keeps its own text: a shorter term inside it is not linked there', async () => {
    const site = makeSite('basic', {
      'source/_glossary/unlinked.yml': 'IAM Identity Center:\n  summary: 複数アカウントへのサインインをまとめるサービス。\n  link: false\n',
      'source/_posts/second.md': '---\ntitle: Second\ndate: 2024-01-03 10:00:00\n---\nIAM Identity Center でサインインし、IAM で権限を見る。\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const body = article(site.read('public/2024/01/03/second/index.html'));
      expect(links(site.read('public/2024/01/03/second/index.html')).map((link) => [link.term, link.text])).toEqual([['IAM', 'IAM']]);
      expect(body).toContain('<p>IAM Identity Center でサインインし、<a class="glossary-link" href="/glossary/iam/"');
    } finally {
      site.dispose();
    }
  });
});

describe('glossary.link: all', () => {
  it('links every occurrence', async () => {
    const site = makeSite('basic', { 'source/_posts/second.md': '---\ntitle: Second\ndate: 2024-01-03 10:00:00\n---\nEKS と EKS と EKS\n' });
    try {
      site.write('_config.yml', site.read('_config.yml').replace('link: first', 'link: all'));
      const result = await site.hexo('generate');
      expect(result.code).toBe(0);
      expect(links(site.read('public/2024/01/03/second/index.html')).map((link) => link.term)).toEqual(['EKS', 'EKS', 'EKS']);
    } finally {
      site.dispose();
    }
  });
});

describe("another plugin's filter that changes a note after the linker", () => {
  it('links the HTML that Hexo stores, even when its length did not change', async () => {
    const site = makeSite('basic', {
      'source/_posts/second.md': '---\ntitle: Second\ndate: 2024-01-03 10:00:00\n---\nPadding here, then EKS.\n',
      // After the linker's filter (20): same length, the term moved.
      'scripts/reword.js': [
        "hexo.extend.filter.register('after_post_render', (data) => {",
        "  data.content = data.content.replace('Padding here, then EKS.', 'EKS, then padding here.');",
        '  return data;',
        '}, 50);',
        '',
      ].join('\n'),
    });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(0);
      const page = site.read('public/2024/01/03/second/index.html');
      expect(article(page)).toContain('<p><a class="glossary-link" href="/glossary/eks/" data-term="EKS" title="Kubernetes を動かすマネージドサービス。">EKS</a>, then padding here.</p>');
      expect(links(page).map((link) => link.text)).toEqual(['EKS']);
      const home = site.read('public/index.html');
      expect(home).toContain('<a class="glossary-link" href="/glossary/eks/" data-term="EKS" title="Kubernetes を動かすマネージドサービス。">EKS</a>, then padding here.');
    } finally {
      site.dispose();
    }
  });
});

describe('a line that starts with a tag', () => {
  it('is still Markdown after the tag, and a tag alone on its line is left as Hexo renders it', async () => {
    const note = ['---', 'title: Line start', 'date: 2024-02-05 10:00:00', '---', '{% term EKS %} は**マネージド**サービス。', '', '- {% term IAM %} も `大事`', '', '{% term kubectl %}', '', '{% blockquote %}', '引用 **太字**', '{% endblockquote %}', ''].join('\n');
    const site = makeSite('basic', { 'source/_posts/line-start.md': note });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const body = article(site.read('public/2024/02/05/line-start/index.html'));
      expect(body).toMatch(/<p><a class="glossary-link" href="\/glossary\/eks\/" data-term="EKS"[^>]*>EKS<\/a> は<strong>マネージド<\/strong>サービス。<\/p>/);
      expect(body).toMatch(/<li><a class="glossary-link" [^>]*data-term="IAM"[^>]*>IAM<\/a> も <code>大事<\/code><\/li>/);
      expect(body).toMatch(/\n<a class="glossary-link" [^>]*data-term="kubectl"[^>]*>kubectl<\/a>\n/);
      expect(body).toContain('<blockquote><p>引用 <strong>太字</strong></p>\n</blockquote>');
    } finally {
      site.dispose();
    }
  });
});

describe('{% term %} written with typographic quotes, or with no key', () => {
  it('links a key an editor put in typographic quotes, and says what an empty tag lacks', async () => {
    const note = ['---', 'title: Quotes', 'date: 2024-02-01 10:00:00', '---', '{% term “IAMロール” ロール %} と {% term ”CI/CD” %}。', '', 'ここは {% term %} のまま。', ''].join('\n');
    const site = makeSite('basic', { 'source/_posts/quotes.md': note });
    try {
      const result = await site.hexo('generate');
      expect(links(site.read('public/2024/02/01/quotes/index.html'))).toEqual([
        { term: 'IAMロール', href: '/glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', text: 'ロール' },
        { term: 'CI/CD', href: '/glossary/ci-cd/', text: 'CI/CD' },
      ]);
      expect(result.output).toContain('source/_posts/quotes.md:7: {% term %} names no term: write {% term KEY %} or {% term KEY text %}');
      expect(result.output).not.toContain('names no glossary term');
      expect(result.code).toBe(1);
    } finally {
      site.dispose();
    }
  });
});

describe('an unknown {% term %} key', () => {
  it('fails the build naming the note and line, and still writes the other notes', async () => {
    const site = makeSite('basic', { 'source/_posts/bad.md': '---\ntitle: Bad\ndate: 2024-02-01 10:00:00\n---\nfine\n\n{% term Nope %}\n\n{% term kubctl %}\n' });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/_posts/bad.md:7: {% term Nope %} names no glossary term\n');
      expect(result.output).toContain('source/_posts/bad.md:9: {% term kubctl %} names no glossary term; did you mean "kubectl"?');
      expect(site.exists('public/2024/02/01/bad/index.html')).toBe(true);
      expect(site.exists(first)).toBe(true);
    } finally {
      site.dispose();
    }
  });

  it('says that a term with spaces goes in quotes, when its words were written bare', async () => {
    const site = makeSite('basic', {
      'source/_glossary/network.yml': 'Amazon VPC:\n  summary: AWS 上の仮想ネットワーク。\n',
      'source/_posts/bare.md': '---\ntitle: Bare\ndate: 2024-02-01 10:00:00\n---\n{% term Amazon VPC %} を作る。\n',
    });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output).toContain('source/_posts/bare.md:5: {% term Amazon %} names no glossary term; "Amazon VPC" is one: a name with spaces goes in quotes ({% term "Amazon VPC" %})');
    } finally {
      site.dispose();
    }
  });

  it('names the line of each unknown tag, the same name twice included', async () => {
    const note = [
      '---',
      'title: Lines',
      'date: 2024-02-01 10:00:00',
      '---',
      '',
      '{% term EKS %} を明示。',
      '',
      'ここは {% term EK %} の誤り。',
      'また {% term kubctl %} と',
      '{% term kubctl %} を二回。',
      '```',
      '{% term EK %} shown in code, never run',
      '```',
      'そして {% term EK %} をもう一度。',
      '',
    ];
    const site = makeSite('basic', { 'source/_posts/lines.md': note.join('\n') });
    try {
      const result = await site.hexo('generate');
      expect(result.code).toBe(1);
      expect(result.output.match(/source\/_posts\/lines\.md:\d+: \{% term \w+ %\}/g)).toEqual([
        'source/_posts/lines.md:8: {% term EK %}',
        'source/_posts/lines.md:9: {% term kubctl %}',
        'source/_posts/lines.md:10: {% term kubctl %}',
        'source/_posts/lines.md:14: {% term EK %}',
      ]);
    } finally {
      site.dispose();
    }
  });

  it('fails the next build too, though Hexo keeps the note in db.json', async () => {
    const site = makeSite('basic', {
      'source/_posts/bad.md': '---\ntitle: Bad\ndate: 2024-02-01 10:00:00\n---\nfine\n\n{% term Nope %}\n',
      'source/_posts/excluding.md': '---\ntitle: Excluding\ndate: 2024-02-02 10:00:00\nglossary_exclude: [Nope]\n---\nEKS\n',
      'source/_posts/typo.md': '---\ntitle: Typo\ndate: 2024-02-03 10:00:00\n---\n{% terms EKS %}\n',
    });
    try {
      for (const build of [1, 2]) {
        const result = await site.hexo('generate');
        expect(result.code, `build ${build}`).toBe(1);
        expect(result.output).toContain('source/_posts/bad.md:7: {% term Nope %} names no glossary term\n');
        expect(result.output).toContain('source/_posts/excluding.md:4: "glossary_exclude" names "Nope", which is not in the glossary');
        expect(result.output).toContain('source/_posts/typo.md:5: Nunjucks: unknown block tag: terms; did you mean {% term %}?');
      }
      // Mended, the notes pass.
      site.write('source/_posts/bad.md', '---\ntitle: Bad\ndate: 2024-02-01 10:00:00\n---\nfine\n\n{% term EKS %}\n');
      site.write('source/_posts/excluding.md', '---\ntitle: Excluding\ndate: 2024-02-02 10:00:00\nglossary_exclude: [IAM]\n---\nEKS\n');
      site.write('source/_posts/typo.md', '---\ntitle: Typo\ndate: 2024-02-03 10:00:00\n---\n{% term EKS %}\n');
      const mended = await site.hexo('generate');
      expect(mended.output).not.toMatch(/ERROR/);
      expect(mended.code).toBe(0);
      expect(site.read('public/2024/02/01/bad/index.html')).toContain('data-term="EKS"');
    } finally {
      site.dispose();
    }
  });
});

describe('editing the glossary re-links every note', () => {
  it('in hexo generate without hexo clean', async () => {
    const site = makeSite('basic');
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read(first)).map((link) => link.term)).toContain('CI/CD');

      // Remove CI/CD, add Secret as linkable, rename nothing else.
      const glossary = site.read('source/_glossary/terms.yml');
      site.write(
        'source/_glossary/terms.yml',
        glossary.replace(/CI\/CD:\n {2}summary: [^\n]*\n/, '').replace('  link: false\n', '') + '大事:\n  summary: とても重要なこと。\n',
      );
      const second = await site.hexo('generate');
      expect(second.code).toBe(0);
      const terms = links(site.read(first)).map((link) => link.term);
      expect(terms).not.toContain('CI/CD');
      expect(terms).toContain('Secret');
      expect(terms).toContain('大事');
    } finally {
      site.dispose();
    }
  });

  it('keeps cached notes\' links through a summary edit, without planning or rendering them again, unless their HTML holds a {% term %} link', async () => {
    const site = makeSite('basic');
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const before = site.read(first);
      site.write('source/_glossary/terms.yml', site.read('source/_glossary/terms.yml').replace('Kubernetes を動かすマネージドサービス。', 'Kubernetes のマネージドサービス。'));
      const second = await site.hexo('generate', '--debug');
      expect(second.code).toBe(0);
      // A summary says what a link says, not where it goes: first, second
      // (glossary: false) and the about page keep their links and take the
      // new summary; third has a {% term %} link, whose markup holds it.
      expect(second.output).toContain('Glossary: 0 cached notes linked again, 3 kept their links, 1 to render again');
      const after = site.read(first);
      expect(after).toContain('data-term="EKS" title="Kubernetes のマネージドサービス。"');
      expect(after.replace(/ data-id="[^"]*"/g, '')).toBe(before.replace(/ data-id="[^"]*"/g, '').replaceAll('Kubernetes を動かすマネージドサービス。', 'Kubernetes のマネージドサービス。'));
      expect(links(site.read('public/2024/01/04/third/index.html'))).toContainEqual({ term: 'EKS', href: '/glossary/eks/', text: 'EKS' });
      // The notes' new stamps were saved in db.json: the next build links none of them again.
      const third = await site.hexo('generate', '--debug');
      expect(third.code).toBe(0);
      expect(third.output).toContain('Glossary: 0 cached notes linked again, 0 kept their links, 0 to render again');
      expect(site.read(first)).toBe(after);
    } finally {
      site.dispose();
    }
  });

  it('links cached notes again without rendering their Markdown when a glossary edit moves links (a new term), unless their HTML holds a {% term %} link', async () => {
    const site = makeSite('basic');
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read(first)).map((link) => link.term)).not.toContain('秘密');
      site.write('source/_glossary/terms.yml', `${site.read('source/_glossary/terms.yml')}秘密:\n  summary: 知られてはならないこと。\n`);
      const second = await site.hexo('generate', '--debug');
      expect(second.code).toBe(0);
      // second has `glossary: false`: it keeps its links (none).
      expect(second.output).toContain('Glossary: 2 cached notes linked again, 1 kept their links, 1 to render again');
      expect(links(site.read(first))).toContainEqual({ term: '秘密', href: '/glossary/%E7%A7%98%E5%AF%86/', text: '秘密' });
    } finally {
      site.dispose();
    }
  });

  it('plans the notes of a glossary edit partly in the linking thread past 50 notes, linking them as a clean build does', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, index) => [
        `source/_posts/many-${index}.md`,
        `---\ntitle: Many ${index}\ndate: 2024-03-01 10:${String(index).padStart(2, '0')}:00\n---\n${index % 3 === 0 ? '秘密の ' : ''}EKS と IAMロール と kubectl ${index}。もう一度 秘密。\n`,
      ]),
    );
    const site = makeSite('basic', many);
    const pages = () => Array.from({ length: 60 }, (_, index) => links(site.read(`public/2024/03/01/many-${index}/index.html`)));
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      site.write('source/_glossary/terms.yml', `${site.read('source/_glossary/terms.yml')}秘密:\n  summary: 知られてはならないこと。\n`);
      const edited = await site.hexo('generate', '--debug');
      expect(edited.code).toBe(0);
      const counts = /Glossary: (\d+) cached notes linked again \((\d+) in a worker thread\)/.exec(edited.output);
      expect(counts).not.toBeNull();
      expect(Number(counts![1])).toBeGreaterThan(60);
      expect(Number(counts![2])).toBeGreaterThan(20);
      expect(Number(counts![2])).toBeLessThan(Number(counts![1]));
      const incremental = pages();
      expect(incremental.every((list) => list.some((link) => link.term === '秘密'))).toBe(true);
      expect((await site.hexo('clean')).code).toBe(0);
      expect((await site.hexo('generate')).code).toBe(0);
      expect(pages()).toEqual(incremental);
    } finally {
      site.dispose();
    }
  });

  it('still runs a {% term %} whose link was left out (in link text) against the new glossary', async () => {
    const site = makeSite('basic', {
      'source/_posts/in-link.md': '---\ntitle: In a link\ndate: 2024-02-04 10:00:00\n---\n[詳しくは {% term kubectl %} の資料](https://example.com/) と EKS。\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      site.write('source/_glossary/terms.yml', site.read('source/_glossary/terms.yml').replace(/\nkubectl:\n(?: {2}[^\n]*\n)+/, '\n'));
      const second = await site.hexo('generate');
      expect(second.code).toBe(1);
      expect(second.output).toContain('source/_posts/in-link.md:5: {% term kubectl %} names no glossary term');
    } finally {
      site.dispose();
    }
  });

  it('keeps a note cut at <!-- more --> as a clean build makes it, in hexo generate without hexo clean', async () => {
    const site = makeSite('basic', { 'source/_posts/cut.md': cutNote });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const glossary = site.read('source/_glossary/terms.yml');
      site.write('source/_glossary/terms.yml', glossary.replace('Kubernetes を動かすマネージドサービス。', 'Kubernetes のマネージドサービス。'));
      expect((await site.hexo('generate')).code).toBe(0);
      const page = site.read(cutPage);
      const home = site.read('public/index.html');
      expect(page).toContain('<span id="more"></span>');
      expect(page).not.toContain('<!-- more -->');
      expect(page).toContain('data-term="EKS" title="Kubernetes のマネージドサービス。"');

      // The same pages, but for the ids Hexo gives notes anew.
      const withoutIds = (html: string) => html.replace(/ data-id="[^"]*"/g, '');
      expect((await site.hexo('clean')).code).toBe(0);
      expect((await site.hexo('generate')).code).toBe(0);
      expect(withoutIds(page)).toBe(withoutIds(site.read(cutPage)));
      expect(withoutIds(home)).toBe(withoutIds(site.read('public/index.html')));
    } finally {
      site.dispose();
    }
  });

  it('after the glossary options in _config.yml change, in hexo generate without hexo clean', async () => {
    const site = makeSite('basic');
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read(first)).filter((link) => link.term === 'EKS')).toEqual([{ term: 'EKS', href: '/glossary/eks/', text: 'ElasticKubernetesService' }]);

      // Hexo re-renders a cached note only when its own file changes.
      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n  link: first\n', 'glossary:\n  link: all\n  path: terms\n'));
      const second = await site.hexo('generate');
      expect(second.code).toBe(0);
      const eks = links(site.read(first)).filter((link) => link.term === 'EKS');
      expect(eks.length).toBeGreaterThan(1);
      expect(new Set(eks.map((link) => link.href))).toEqual(new Set(['/terms/eks/']));
      expect(site.exists('public/terms/eks/index.html')).toBe(true);
    } finally {
      site.dispose();
    }
  });

  it('after an upgrade to other linking rules, in hexo generate without hexo clean', async () => {
    const site = makeSite('basic');
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      // What an earlier version of the linker left in db.json: its own stamp
      // (an older revision of the rules) and a record of no links at all.
      const db = JSON.parse(site.read('db.json')) as { models: { Post: Array<Record<string, unknown>> } };
      for (const post of db.models.Post) {
        post['glossary_signature'] = String(post['glossary_signature']).replace(/^p1\.\d+:/, 'p1.1:');
        delete post['glossary_links'];
      }
      site.write('db.json', JSON.stringify(db));
      expect((await site.hexo('generate')).code).toBe(0);
      expect(links(site.read(first)).map((link) => link.term)).toContain('EKS');
    } finally {
      site.dispose();
    }
  });

  describe('in a running hexo server', () => {
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

    it('serves new links after a glossary file is saved', async () => {
      const url = `${server.url}2024/01/02/first/`;
      expect(await (await fetch(url)).text()).toContain('data-term="CI/CD"');

      const glossary = site.read('source/_glossary/terms.yml');
      site.write('source/_glossary/terms.yml', glossary.replace(/CI\/CD:\n {2}summary: [^\n]*\n/, '') + 'Kubectl2:\n  summary: x\n');
      site.write('source/_glossary/more.yml', '大事:\n  summary: とても重要なこと。\n');

      const deadline = Date.now() + 20_000;
      let html = '';
      while (Date.now() < deadline) {
        html = await (await fetch(url)).text();
        if (!html.includes('data-term="CI/CD"') && html.includes('data-term="大事"')) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(html).not.toContain('data-term="CI/CD"');
      expect(html).toContain('data-term="大事"');
    });
  });
});

describe('a build with many notes to render (linked in a worker thread)', () => {
  let site: Site;
  let build: RunResult;
  const count = 240;
  const notes: Record<string, string> = {};
  // Most notes are planned as soon as their Markdown is rendered. A code
  // block changes a note's HTML after that (Hexo puts it back in after the
  // renderer), so those notes are planned again from the HTML Hexo keeps.
  const withCode = (index: number) => index % 20 === 7;
  const excludingEks = (index: number) => index % 20 === 13;
  const unlinked = 5;
  const path = (index: number) => `public/2023/03/${String((index % 28) + 1).padStart(2, '0')}/many-${index}/index.html`;
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0');
    const front = [
      `title: Many ${index}`,
      `date: 2023-03-${day} 10:00:00`,
      ...(excludingEks(index) ? ['glossary_exclude: [EKS]'] : []),
      ...(index === unlinked ? ['glossary: false'] : []),
    ].join('\n');
    const code = withCode(index) ? '\n```\nEKS in a code block\n```\n\nIAMロール after the code.\n' : '';
    notes[`source/_posts/many-${index}.md`] = `---\n${front}\n---\nノート ${index}: EKSでIAMロールを使う。\`EKS\` はコード。EKS again.\n${code}`;
  }

  beforeAll(async () => {
    site = makeSite('basic', notes);
    build = await site.hexo('generate', '--debug');
  }, 120_000);
  afterAll(() => site?.dispose());

  it('builds cleanly and exits', () => {
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.code).toBe(0);
  });

  it('plans the notes in the thread while Markdown renders, except those whose HTML changed after it', () => {
    // The fixture's own notes and page: 3 linked, one of them with a {% term %} tag.
    const linked = count - 1 + 3;
    const changed = Array.from({ length: count }, (_, index) => index).filter(withCode).length + 1;
    expect(changed).toBe(13);
    expect(build.output).toContain(`Glossary: ${linked - changed} of ${linked} notes planned in a worker thread while Markdown rendered`);
  });

  it('links every note, the first occurrence of each term only, never inside <code>', () => {
    for (let index = 0; index < count; index++) {
      const html = site.read(path(index));
      const expected = index === unlinked ? [] : excludingEks(index) ? ['IAMロール'] : ['EKS', 'IAMロール'];
      expect(links(html).map((link) => link.term), `many-${index}`).toEqual(expected);
      expect(article(html)).toContain('<code>EKS</code>');
    }
  });

  it('links a note with a code block where Hexo keeps its HTML, not inside the block', () => {
    const body = article(site.read(path(7)));
    expect(body).toMatch(/<pre>[^]*EKS in a code block[^]*<\/pre>/);
    expect(body).not.toMatch(/<pre>[^]*glossary-link[^]*<\/pre>/);
    expect(links(site.read(path(7))).map((link) => link.text)).toEqual(['EKS', 'IAMロール']);
  });

  it('records their mentions: the term page lists every note that links the term, with its count', () => {
    const page = site.read('public/glossary/eks/index.html');
    for (let index = 0; index < count; index++) {
      if (index === unlinked || excludingEks(index)) expect(page, `many-${index}`).not.toContain(`>Many ${index}</a>`);
      else expect(page, `many-${index}`).toContain(`>Many ${index}</a>`);
    }
    // Within the note's own entry: its count, not a later note's.
    expect(page).toMatch(/>Many 0<\/a>(?:(?!<\/li>)[^])*<span class="glossary-count">出現 2 回<\/span>/);
    expect(page).toMatch(/>Many 7<\/a>(?:(?!<\/li>)[^])*<span class="glossary-count">出現 2 回<\/span>/);
  });

  it('gives the 50 newest notes a snippet on the term page (glossary.snippets), and the others a line', () => {
    const page = site.read('public/glossary/eks/index.html');
    const full = page.match(/<li class="glossary-backlink">/g) ?? [];
    const brief = page.match(/<li class="glossary-backlink-brief">/g) ?? [];
    expect(full).toHaveLength(50);
    expect(page.match(/<p class="glossary-snippet">/g)).toHaveLength(50);
    expect(full.length + brief.length).toBeGreaterThanOrEqual(count - 1 - 12);
    expect(page.match(/<li class="glossary-backlink(?:-brief)?"><a [^>]*>Many \d+<\/a>/g)).toHaveLength(count - 1 - 12);
  });

  it("takes the term pages' snippets from the linking thread, making each term page once, as a build planned in place shows them", async () => {
    const termPages = readdirSync(join(site.dir, 'public', 'glossary'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `public/glossary/${entry.name}/index.html`);
    const pages = new Map(termPages.map((path) => [path, site.read(path)]));
    const kept = /Glossary: the linking thread kept (\d+) snippets for the term pages/.exec(build.output);
    const used = /Glossary: term pages took (\d+) snippets from the linking thread and read (\d+) again/.exec(build.output);
    expect(Number(kept?.[1])).toBeGreaterThan(50);
    const [taken, again] = [Number(used?.[1]), Number(used?.[2])];
    expect(taken).toBeGreaterThan(50);
    // The notes with a code block changed after the thread read them.
    expect(again).toBeGreaterThan(0);
    // One look per note given a snippet: no term page was made twice.
    const slots = [...pages.values()].reduce((sum, html) => sum + (html.match(/<li class="glossary-backlink">/g) ?? []).length, 0);
    expect(taken + again).toBe(slots);

    // Built again from Hexo's cache, no note is rendered, and the term
    // pages plan their newest notes in place.
    const cached = await site.hexo('generate', '--debug');
    expect(cached.code).toBe(0);
    expect(cached.output).not.toMatch(/linking thread kept/);
    for (const [path, html] of pages) expect(site.read(path), path).toBe(html);
  }, 120_000);
});

describe('explicit {% term %} links in notes that turn automatic links off', () => {
  it('count as mentions: the term page lists the note and auto tags take the term', async () => {
    const site = makeSite('basic', {
      'source/_posts/excluding.md': '---\ntitle: Excluding note\ndate: 2024-02-01 10:00:00\nglossary_exclude: [kubectl]\n---\nkubectl stays plain here, but {% term kubectl %} is linked on purpose.\n',
      'source/_posts/unlinked.md': '---\ntitle: Unlinked note\ndate: 2024-02-02 10:00:00\nglossary: false\n---\nNothing is linked here but {% term kubectl kubectl-tag %}.\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const termPage = site.read('public/glossary/kubectl/index.html');
      expect(termPage).toContain('Excluding note');
      expect(termPage).toContain('Unlinked note');
      expect(termPage).toContain('kubectl-tag');
      expect(site.read('public/tags/kubectl/index.html')).toContain('Unlinked note');
      expect(site.read('public/tags/kubectl/index.html')).toContain('Excluding note');
    } finally {
      site.dispose();
    }
  });
});

describe('drafts shown with --draft', () => {
  it('earn auto tags like notes, and lose them when drafts are hidden again', async () => {
    const site = makeSite('basic', {
      'source/_drafts/draft.md': '---\ntitle: Draft note\ntags: [own]\n---\nA draft about kubectl.\n',
    });
    try {
      expect((await site.hexo('generate', '--draft')).code).toBe(0);
      expect(tagged(site.read('public/tags/kubectl/index.html'))).toContain('Draft note');
      expect(tagged(site.read('public/tags/own/index.html'))).toEqual(['Draft note']);
      expect((await site.hexo('generate')).code).toBe(0);
      expect(site.exists('public/tags/own/index.html')).toBe(false);
      expect(tagged(site.read('public/tags/kubectl/index.html'))).toEqual(['First note']);
      // Hexo keeps the draft's tags in db.json; the tag index counts only what the site shows.
      const tagIndex = site.read('public/tags/index.html');
      expect(tagIndex).not.toContain('<a class="tag-index-link" href="/tags/own/">');
      // Nor do the sidebar's tag list and cloud, on any page.
      expect(site.read('public/index.html')).not.toContain('href="/tags/own/"');
      expect(tagIndex).not.toContain('href="/tags/own/"');
      expect(tagIndex).toMatch(/href="\/tags\/kubectl\/">kubectl<\/a>\s*<span class="tag-index-count">ノート 1 件<\/span>/);
    } finally {
      site.dispose();
    }
  });
});

describe('an own tag that names a term in another case', () => {
  it('is spelled as the term while auto tags are on, so the term has one tag page, and given back when they are off', async () => {
    const site = makeSite('basic', {
      'source/_posts/lower.md': '---\ntitle: Lower note\ndate: 2024-02-03 10:00:00\ntags: [eks, own]\n---\nA note about EKS.\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(tagged(site.read('public/tags/EKS/index.html'))).toEqual(['Lower note', 'Third note', 'First note']);
      expect(site.exists('public/tags/eks/index.html')).toBe(false);
      // The same in a second build, from what the first recorded.
      expect((await site.hexo('generate')).code).toBe(0);
      expect(tagged(site.read('public/tags/EKS/index.html'))).toEqual(['Lower note', 'Third note', 'First note']);
      expect(tagged(site.read('public/tags/own/index.html'))).toEqual(['Lower note']);

      site.write('_config.yml', site.read('_config.yml').replace('glossary:\n', 'glossary:\n  auto_tags: false\n'));
      expect((await site.hexo('generate')).code).toBe(0);
      expect(tagged(site.read('public/tags/eks/index.html'))).toEqual(['Lower note']);
      expect(site.exists('public/tags/EKS/index.html')).toBe(false);
    } finally {
      site.dispose();
    }
  });
});

describe('an own tag that names a term by an alias', () => {
  it('is spelled as the term, so the note is on the term\'s one tag page', async () => {
    const site = makeSite('basic', {
      'source/_posts/alias-tag.md': '---\ntitle: Alias note\ndate: 2024-02-03 10:00:00\ntags: [elastickubernetesservice, own]\n---\nA note about clusters.\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(tagged(site.read('public/tags/EKS/index.html'))).toEqual(['Alias note', 'Third note', 'First note']);
      expect(site.exists('public/tags/elastickubernetesservice/index.html')).toBe(false);
      expect(tagged(site.read('public/tags/own/index.html'))).toEqual(['Alias note']);
    } finally {
      site.dispose();
    }
  });
});

describe('{% term %} in the text of a Markdown link', () => {
  it('leaves the author’s link whole: the glossary link inside it is unwrapped, on the page and in the excerpt', async () => {
    const site = makeSite('basic', {
      'source/_posts/in-link.md':
        '---\ntitle: In a link\ndate: 2024-02-04 10:00:00\n---\n[詳しくは {% term IAM %} の資料](https://docs.aws.amazon.com/iam/) と EKS。\n\n<!-- more -->\n\nあとで。\n',
    });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      const page = site.read('public/2024/02/04/in-link/index.html');
      expect(page).toContain('href="https://docs.aws.amazon.com/iam/">詳しくは IAM の資料</a>');
      expect(links(page).map((link) => link.term)).toEqual(['EKS']);
      expect(site.read('public/index.html')).toContain('href="https://docs.aws.amazon.com/iam/">詳しくは IAM の資料</a>');
    } finally {
      site.dispose();
    }
  });
});
