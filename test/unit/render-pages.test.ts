import { describe, expect, it } from 'vitest';
import { groupTerms } from '../../hexo-study-glossary/src/core/group-terms.js';
import { readerLabels } from '../../hexo-study-glossary/src/core/reader-labels.js';
import {
  groupAnchor,
  renderGlossaryIndex as renderIndexIn,
  renderTagIndex as renderTagIndexIn,
  renderTermPage as renderTermPageIn,
  sortTags,
  type IndexTerm,
  type TermPage,
} from '../../hexo-study-glossary/src/core/render-pages.js';
import type { TermGroup } from '../../hexo-study-glossary/src/core/group-terms.js';

// Most tests read the English words; 'in the site's language' checks Japanese.
const en = readerLabels('en');
const ja = readerLabels('ja');
const renderGlossaryIndex = (groups: readonly TermGroup<IndexTerm>[]) => renderIndexIn(groups, en);
const renderTermPage = (page: TermPage) => renderTermPageIn(page, en);
const renderTagIndex = (tags: Parameters<typeof renderTagIndexIn>[0]) => renderTagIndexIn(tags, en);

const hostile = `<script>alert("x")</script>&'`;
const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';

const indexTerm = (overrides: Partial<IndexTerm>): IndexTerm => ({
  key: 'EKS',
  title: 'EKS',
  summary: 'Managed Kubernetes.',
  href: '/glossary/eks/',
  noteCount: 0,
  ...overrides,
});

const termPage = (overrides: Partial<TermPage> = {}): TermPage => ({
  key: 'EKS',
  title: 'Amazon EKS',
  summary: 'Managed Kubernetes.',
  reading: undefined,
  descriptionHtml: undefined,
  aliases: [],
  parent: undefined,
  children: [],
  related: [],
  links: [],
  backlinks: [],
  tag: undefined,
  indexHref: '/glossary/',
  ...overrides,
});

describe('renderGlossaryIndex', () => {
  const html = renderGlossaryIndex(
    groupTerms([
      indexTerm({ key: 'EKS', title: 'Amazon EKS', noteCount: 3 }),
      indexTerm({ key: 'IAM', title: 'IAM', href: '/glossary/iam/', noteCount: 1 }),
      indexTerm({ key: 'コンテナ', title: 'コンテナ', href: '/glossary/%E3%82%B3%E3%83%B3%E3%83%86%E3%83%8A/', reading: 'こんてな' }),
    ]),
  );

  it('has a jump bar linking to each group in order', () => {
    const jump = html.match(/<nav class="glossary-jump"[^>]*>(.*?)<\/nav>/)?.[1] ?? '';
    expect([...jump.matchAll(/href="#([^"]+)">([^<]+)</g)].map((match) => [match[1], match[2]])).toEqual([
      ['glossary-E', 'E'],
      ['glossary-I', 'I'],
      ['glossary-kana-ka', 'か'],
    ]);
  });

  it('gives each group a section with the id the jump bar links to', () => {
    for (const id of ['E', 'I', 'kana-ka']) expect(html).toContain(`<section class="glossary-group" id="${groupAnchor(id)}">`);
  });

  it('shows each term with its key, link, summary and note count', () => {
    expect(html).toContain('<a class="glossary-entry-link" href="/glossary/eks/">EKS</a>');
    expect(html).toContain('<span class="glossary-count">3 notes</span>');
    expect(html).toContain('<span class="glossary-count">1 note</span>');
    expect(html).toContain('<span class="glossary-count">0 notes</span>');
    expect(html).toContain('<dd class="glossary-summary">Managed Kubernetes.</dd>');
  });

  it('shows the title after a key it differs from, the key leading as the index is in its order', () => {
    expect(html).toContain('>EKS</a> <span class="glossary-entry-title">Amazon EKS</span>');
    expect(html).not.toContain('<span class="glossary-entry-title">IAM</span>');
  });

  it("names the group of terms that start with neither a letter nor kana in the site's language", () => {
    const groups = groupTerms([indexTerm({ key: '802.1Q', title: '802.1Q' }), indexTerm({ key: 'EKS', title: 'EKS' })]);
    const english = renderIndexIn(groups, en);
    expect(english).toContain('<a href="#glossary-other">Other</a></nav>');
    expect(english).toContain('<h2 class="glossary-group-title">Other</h2>');
    expect(english).not.toContain('その他');
    const japanese = renderIndexIn(groups, ja);
    expect(japanese).toContain('<a href="#glossary-other">その他</a></nav>');
    expect(japanese).toContain('<h2 class="glossary-group-title">その他</h2>');
  });

  it('keeps percent-encoded hrefs as they are', () => {
    expect(html).toContain('href="/glossary/%E3%82%B3%E3%83%B3%E3%83%86%E3%83%8A/"');
  });

  it('escapes titles, keys, summaries and hrefs', () => {
    const bad = renderGlossaryIndex(groupTerms([indexTerm({ key: `${hostile}!`, title: hostile, summary: hostile, href: `/x/"onmouseover="y` })]));
    expect(bad).not.toContain('<script>');
    expect(bad).toContain(`>${escaped}!</a>`);
    expect(bad).toContain(`<span class="glossary-entry-title">${escaped}</span>`);
    expect(bad).toContain(`<dd class="glossary-summary">${escaped}</dd>`);
    expect(bad).toContain('href="/x/&quot;onmouseover=&quot;y"');
  });

  it('says so when there are no terms', () => {
    expect(renderGlossaryIndex([])).toContain('class="glossary-empty"');
  });
});

describe('renderTermPage', () => {
  it('shows the summary, reading, aliases, parent, children and related terms', () => {
    const html = renderTermPage(
      termPage({
        reading: 'いーけーえす',
        aliases: ['ElasticKubernetesService'],
        parent: { text: 'Kubernetes', href: '/glossary/kubernetes/', key: 'Kubernetes', summary: 'Runs containers.' },
        children: [{ text: 'AWS Fargate', href: '/glossary/fargate/', key: 'Fargate', summary: 'Serverless <pods> & "tasks".' }],
        related: [
          { text: 'IAM', href: '/glossary/iam/', key: 'IAM', summary: 'Access.' },
          { text: 'kubectl', href: '/glossary/kubectl/', key: 'kubectl', summary: 'The CLI.' },
        ],
      }),
    );
    expect(html).toContain('<p class="glossary-term-summary">Managed Kubernetes.</p>');
    expect(html).toContain('>いーけーえす</dd>');
    expect(html).toContain('<span class="glossary-alias">ElasticKubernetesService</span>');
    expect(html).toContain('<dt data-pagefind-ignore>Broader term</dt><dd><a class="glossary-link" href="/glossary/kubernetes/" data-term="Kubernetes" title="Runs containers.">Kubernetes</a></dd>');
    expect(html).toContain(
      '<dt data-pagefind-ignore>Narrower terms</dt><dd><a class="glossary-link" href="/glossary/fargate/" data-term="Fargate" title="Serverless &lt;pods&gt; &amp; &quot;tasks&quot;.">AWS Fargate</a></dd>',
    );
    expect(html).toContain(
      '<a class="glossary-link" href="/glossary/iam/" data-term="IAM" title="Access.">IAM</a>, <a class="glossary-link" href="/glossary/kubectl/" data-term="kubectl" title="The CLI.">kubectl</a>',
    );
  });

  it("gives site search the term's key and aliases as the page's own names (Pagefind metadata, searched with the title)", () => {
    const html = renderTermPage(termPage({ key: 'A&B "x"', aliases: ['ElasticKubernetesService', 'Amazon EKS'] }));
    expect(html).toContain('<div class="glossary-term" data-term="A&amp;B &quot;x&quot;" data-pagefind-meta="term[data-term]">');
    expect(html).toContain('<dd data-pagefind-meta="aliases"><span class="glossary-alias">ElasticKubernetesService</span>, <span class="glossary-alias">Amazon EKS</span></dd>');
  });

  it("leaves the facts' labels out of site search, and gives it the reading as the page's own", () => {
    const html = renderTermPage(termPage({ reading: 'いーけーえす', related: [{ text: 'IAM', href: '/glossary/iam/', key: 'IAM', summary: 'Access.' }] }));
    expect(html).toContain('<dt data-pagefind-ignore>Reading</dt><dd data-pagefind-meta="reading">いーけーえす</dd>');
    expect(html).toContain('<dt data-pagefind-ignore>Related terms</dt><dd><a class="glossary-link"');
  });

  it('leaves out facts the term does not have', () => {
    const html = renderTermPage(termPage());
    expect(html).not.toContain('glossary-term-facts');
    expect(html).not.toContain('glossary-term-description');
    expect(html).not.toContain('glossary-term-links');
    expect(html).not.toContain('glossary-tag-link');
  });

  it('inserts the rendered description as HTML', () => {
    const html = renderTermPage(termPage({ descriptionHtml: '<p>Runs <strong>containers</strong>.</p>' }));
    expect(html).toContain('<div class="glossary-term-description"><p>Runs <strong>containers</strong>.</p></div>');
  });

  it('lists official links', () => {
    const html = renderTermPage(termPage({ links: [{ title: 'Docs', url: 'https://docs.aws.amazon.com/eks/?a=1&b=2' }] }));
    expect(html).toContain('<a class="glossary-official-link" href="https://docs.aws.amazon.com/eks/?a=1&amp;b=2" rel="noopener">Docs</a>');
  });

  it('lists the notes in the order given, with date, count and highlighted snippet', () => {
    const html = renderTermPage(
      termPage({
        backlinks: [
          {
            title: 'Newer',
            href: '/2024/04/01/%E6%96%B0/',
            date: { iso: '2024-04-01T01:00:00.000Z', text: '2024-04-01' },
            count: 1,
            snippet: { before: 'On ', match: 'EKS', after: ' today.' },
          },
          { title: 'Older', href: '/2024/01/01/old/', date: undefined, count: 3, snippet: undefined },
        ],
      }),
    );
    const titles = [...html.matchAll(/class="glossary-backlink-title" href="([^"]+)">([^<]+)</g)].map((match) => match[2]);
    expect(titles).toEqual(['Newer', 'Older']);
    expect(html).toContain('<time class="glossary-backlink-date" datetime="2024-04-01T01:00:00.000Z">2024-04-01</time>');
    expect(html).toContain('<span class="glossary-count">1 mention</span>');
    expect(html).toContain('<span class="glossary-count">3 mentions</span>');
    expect(html).toContain('<p class="glossary-snippet">On <mark>EKS</mark> today.</p>');
    expect(html).toContain('href="/2024/04/01/%E6%96%B0/"');
  });

  it('shows date and snippet for the first `snippets` notes only, and lists the rest by title and count', () => {
    const note = (index: number) => ({
      title: `Note ${index}`,
      href: `/notes/${index}/`,
      date: { iso: `2024-01-0${index}T00:00:00.000Z`, text: `2024-01-0${index}` },
      count: index,
      snippet: { before: 'On ', match: 'EKS', after: ` ${index}.` },
    });
    const html = renderTermPage(termPage({ backlinks: [note(3), note(2), note(1)], snippets: 1 }));
    const items = [...html.matchAll(/<li class="([^"]+)">(.*?)<\/li>/g)].map((match) => [match[1], match[2]]);
    expect(items).toEqual([
      [
        'glossary-backlink',
        '<a class="glossary-backlink-title" href="/notes/3/">Note 3</a> <time class="glossary-backlink-date" datetime="2024-01-03T00:00:00.000Z">2024-01-03</time> <span class="glossary-count">3 mentions</span><p class="glossary-snippet">On <mark>EKS</mark> 3.</p>',
      ],
      ['glossary-backlink-brief', '<a href="/notes/2/">Note 2</a> <span class="glossary-count">2 mentions</span>'],
      ['glossary-backlink-brief', '<a href="/notes/1/">Note 1</a> <span class="glossary-count">1 mention</span>'],
    ]);
  });

  it('gives every note its snippet when no limit is set, and none with 0', () => {
    const backlinks = [1, 2, 3].map((index) => ({ title: `N${index}`, href: `/n/${index}/`, date: undefined, count: 1, snippet: { before: '', match: 'EKS', after: '' } }));
    expect(renderTermPage(termPage({ backlinks })).match(/<mark>/g)).toHaveLength(3);
    expect(renderTermPage(termPage({ backlinks, snippets: 0 }))).not.toContain('<mark>');
    expect(renderTermPage(termPage({ backlinks, snippets: 0 })).match(/glossary-backlink-brief/g)).toHaveLength(3);
  });

  it('says so when no note mentions the term', () => {
    expect(renderTermPage(termPage())).toContain('<p class="glossary-no-backlinks">');
  });

  it('says that only explicit links are listed for a term notes do not link automatically, not that no note mentions it', () => {
    const empty = renderTermPage(termPage({ autoLinked: false }));
    expect(empty).toContain('<p class="glossary-explicit-only">This term is not linked automatically in notes, so only the notes that link to it explicitly are listed here.</p>');
    expect(empty).not.toContain('glossary-no-backlinks');
    const listed = renderTermPage(termPage({ autoLinked: false, backlinks: [{ title: 'N1', href: '/n/1/', date: undefined, count: 1, snippet: undefined }] }));
    expect(listed).toMatch(/<p class="glossary-explicit-only">[^<]*<\/p><ol class="glossary-backlink-list">/);
    expect(renderTermPage(termPage({ autoLinked: true }))).not.toContain('glossary-explicit-only');
  });

  it('says how many notes turn the term off, since they are listed only where they link it explicitly', () => {
    const page = renderTermPage(termPage({ optedOut: 2 }));
    expect(page).toContain('<p class="glossary-explicit-only">2 notes turn off automatic links to this term, so they are listed here only where they link to it explicitly.</p>');
    expect(renderTermPage(termPage({ optedOut: 1 }))).toContain('1 note turns off automatic links to this term, so it is listed here only where it links to it explicitly.');
    expect(renderTermPage(termPage({ optedOut: 0 }))).not.toContain('glossary-explicit-only');
  });

  it('links the tag page when there is one', () => {
    const html = renderTermPage(termPage({ tag: { text: 'EKS', href: '/tags/EKS/' } }));
    expect(html).toContain('<p class="glossary-tag-link"><a href="/tags/EKS/">');
  });

  it('links back to the index', () => {
    expect(renderTermPage(termPage())).toContain('<p class="glossary-back" data-pagefind-ignore><a href="/glossary/">');
  });

  it('keeps the backlinks and the way back out of the search index, and the definition in it', () => {
    const html = renderTermPage(termPage());
    const ignored = [...html.matchAll(/<(\w+) class="([^"]+)" data-pagefind-ignore>/g)].map((match) => `${match[1]}.${match[2]}`);
    expect(ignored).toEqual(['section.glossary-backlinks', 'p.glossary-back']);
    expect(html).toMatch(/<p class="glossary-term-summary">[^<]/);
  });

  it('escapes every inserted string', () => {
    const link = { text: hostile, href: `"><script>`, key: hostile, summary: hostile };
    const html = renderTermPage(
      termPage({
        key: hostile,
        title: hostile,
        summary: hostile,
        reading: hostile,
        aliases: [hostile],
        parent: link,
        children: [link],
        related: [link],
        links: [{ title: hostile, url: `https://x.test/"><script>` }],
        backlinks: [
          { title: hostile, href: `"><script>`, date: { iso: hostile, text: hostile }, count: 1, snippet: { before: hostile, match: hostile, after: hostile } },
          { title: hostile, href: `"><script>`, date: undefined, count: 1, snippet: undefined },
        ],
        snippets: 1,
        tag: link,
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><script');
    expect(html).toContain(`data-term="${escaped}"`);
    expect(html).toContain(`<mark>${escaped}</mark>`);
  });
});

describe('sortTags', () => {
  it('orders by note count, then by name', () => {
    const sorted = sortTags([
      { name: 'b', count: 1 },
      { name: '勉強会', count: 3 },
      { name: 'a', count: 1 },
      { name: 'EKS', count: 3 },
      { name: 'IAM', count: 2 },
    ]);
    expect(sorted.map((tag) => tag.name)).toEqual(['EKS', '勉強会', 'IAM', 'a', 'b']);
  });

  it('keeps the input array as it was', () => {
    const tags = [
      { name: 'b', count: 1 },
      { name: 'a', count: 2 },
    ];
    sortTags(tags);
    expect(tags.map((tag) => tag.name)).toEqual(['b', 'a']);
  });
});

describe('renderTagIndex', () => {
  it('lists every tag with its link and note count, in the order given', () => {
    const html = renderTagIndex([
      { name: '勉強会', href: '/tags/%E5%8B%89%E5%BC%B7%E4%BC%9A/', count: 3 },
      { name: 'AWS', href: '/tags/AWS/', count: 1 },
    ]);
    expect([...html.matchAll(/class="tag-index-link" href="([^"]+)">([^<]+)</g)].map((match) => [match[1], match[2]])).toEqual([
      ['/tags/%E5%8B%89%E5%BC%B7%E4%BC%9A/', '勉強会'],
      ['/tags/AWS/', 'AWS'],
    ]);
    expect(html).toContain('<span class="tag-index-count">3 notes</span>');
    expect(html).toContain('<span class="tag-index-count">1 note</span>');
  });

  it('escapes tag names and hrefs', () => {
    const html = renderTagIndex([{ name: hostile, href: `/tags/"><script>/`, count: 1 }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain(`>${escaped}</a>`);
  });

  it('says so when there are no tags', () => {
    expect(renderTagIndex([])).toContain('class="tag-index-empty"');
  });
});

describe("pages in the site's language", () => {
  it('picks Japanese words for ja and ja-JP, and English for any other language', () => {
    expect(readerLabels('ja')).toBe(ja);
    expect(readerLabels('ja-JP')).toBe(ja);
    expect(readerLabels('en-US')).toBe(en);
    expect(readerLabels('fr')).toBe(en);
    expect(readerLabels(undefined)).toBe(en);
  });

  it('writes the index counts and jump bar in Japanese', () => {
    const html = renderIndexIn(groupTerms([indexTerm({ noteCount: 3 })]), ja);
    expect(html).toContain('<span class="glossary-count">ノート 3 件</span>');
    expect(html).toContain('<nav class="glossary-jump" aria-label="頭文字で移動">');
    expect(renderIndexIn([], ja)).toContain('<p class="glossary-empty">用語集にはまだ用語がありません。</p>');
  });

  it('writes every heading and label of a term page in Japanese', () => {
    const html = renderTermPageIn(
      termPage({
        reading: 'いーけーえす',
        aliases: ['Amazon EKS'],
        parent: { text: 'Kubernetes', href: '/glossary/kubernetes/', key: 'Kubernetes', summary: 'コンテナを動かす。' },
        children: [{ text: 'Fargate', href: '/glossary/fargate/', key: 'Fargate', summary: 'サーバーレス。' }],
        related: [{ text: 'ECR', href: '/glossary/ecr/', key: 'ECR', summary: 'レジストリ。' }],
        links: [{ title: 'Docs', url: 'https://docs.aws.amazon.com/eks/' }],
        backlinks: [{ title: 'Day 2', href: '/notes/2/', date: undefined, count: 2, snippet: undefined }],
        tag: { text: 'EKS', href: '/tags/EKS/' },
      }),
      ja,
    );
    for (const label of ['読み', '別の表記', '上位の用語', '下位の用語', '関連する用語']) expect(html).toContain(`<dt data-pagefind-ignore>${label}</dt>`);
    expect(html).toContain('<h2 data-pagefind-ignore>公式リンク</h2>');
    expect(html).toContain('<h2 data-pagefind-ignore>この用語が出てくるノート</h2>');
    expect(html).toContain('<span class="glossary-count">出現 2 回</span>');
    expect(html).toContain('<a href="/tags/EKS/">タグ「EKS」のノートをすべて見る</a>');
    expect(html).toContain('<a href="/glossary/">用語集のトップへ</a>');
    expect(html).not.toMatch(/Reading|Also written|Broader|Narrower|Related|Official|Notes that|All terms|mention/);
  });

  it('says in Japanese that no note mentions a term, and that there are no tags', () => {
    expect(renderTermPageIn(termPage(), ja)).toContain('<p class="glossary-no-backlinks">この用語が出てくるノートはまだありません。</p>');
    expect(renderTagIndexIn([], ja)).toContain('<p class="tag-index-empty">タグはまだありません。</p>');
    expect(renderTagIndexIn([{ name: 'AWS', href: '/tags/AWS/', count: 4 }], ja)).toContain('<span class="tag-index-count">ノート 4 件</span>');
  });
});
