// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * The quality of site search, as a reader of the notes judges it: the
 * repository's site with a few more notes (one about EKS, three that
 * mention EKS, IAM and VPC in passing), searched on the search page and
 * through Pagefind's own API with the search page's ranking.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { searchQuery, searchRanking } from '../../hexo-study-glossary/src/core/search-client.js';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { offlineContext, searchResultHrefs, servedInChromium, skipReason, suiteTitle, type GuardedContext } from './browser.js';

const termUrl = (slug: string) => `/glossary/${encodeURIComponent(slug)}/`;
const eksNote = '/2024/03/10/eks-cluster-setup/';

/** Notes as a reader writes them: one about EKS, the others naming EKS, IAM and VPC in passing. */
const notes: Record<string, string> = {
  'source/_posts/eks-cluster-setup.md': [
    '---',
    'title: EKS クラスターを eksctl で作る',
    'date: 2024-03-10 10:00:00',
    '---',
    '# EKS とは',
    'EKS は AWS のマネージド Kubernetes。コントロールプレーンは AWS が運用し、ワーカーノードだけを自分で管理する。EKS の料金はクラスターあたり時間課金。',
    '',
    '## eksctl でクラスター作成',
    'eksctl create cluster で EKS クラスターを作ると、VPC やサブネットも一緒に作られる。EKS のバージョンは 1.29 を選んだ。',
    '',
    '## EKS の認証',
    'EKS へのアクセスは IAM で認証し、Kubernetes の RBAC で認可する。kubectl の設定は aws eks update-kubeconfig で書き換える。',
    '',
    '## EKS のノードグループ',
    'マネージド型ノードグループを使うと、EKS がノードの更新を面倒見てくれる。',
  ].join('\n'),
  'source/_posts/iam-policy-review.md': [
    '---',
    'title: 権限の棚卸しメモ',
    'date: 2024-04-02 09:00:00',
    '---',
    '# 棚卸しの手順',
    '先週、チームのアカウントで権限の棚卸しをした。IAM ユーザーのうち 90 日使われていないものを洗い出し、アクセスキーを無効化した。',
    '',
    '## ポリシーの見直し',
    '管理ポリシーを付けすぎていたので、必要な操作だけに絞った。S3 バケットのポリシーも確認した。ついでに EKS のクラスターに誰が入れるかも見た。',
  ].join('\n'),
  'source/_posts/network-basics.md': [
    '---',
    'title: ネットワーク設計の復習',
    'date: 2024-05-15 20:00:00',
    '---',
    '# サブネットの切り方',
    'VPC を 10.0.0.0/16 で作り、AZ ごとにパブリックサブネットとプライベートサブネットを切った。',
    '',
    '## メモ',
    'EKS で使う場合はサブネットにタグが必要。IAM のロールも忘れずに。',
  ].join('\n'),
  'source/_posts/monitoring-notes.md': [
    '---',
    'title: 監視まわりの勉強',
    'date: 2024-06-01 21:00:00',
    '---',
    '# ログの集め方',
    'Fluent Bit を DaemonSet で動かして CloudWatch Logs に送る。EKS on Fargate なら組み込みのログルーターがある。',
    '',
    '## メトリクス',
    'Container Insights を有効にすると、ノードや Pod の CPU とメモリが見える。権限は IAM ロールで付ける。VPC フローログも見ておく。',
  ].join('\n'),
  'source/_posts/dr-notes.md': [
    '---',
    'title: バックアップと災害対策',
    'date: 2024-07-20 10:00:00',
    '---',
    '# 指標',
    '',
    '<dl>',
    '<dt>RPO</dt><dd>Recovery Point Objective</dd>',
    '<dt>RTO</dt><dd>Recovery Time Objective</dd>',
    '</dl>',
    '',
    'どちらも要件から決める。',
  ].join('\n'),
};

let site: Site;
let build: RunResult;

beforeAll(async () => {
  site = makeSite('repo', notes);
  build = await site.hexo('generate');
});
afterAll(() => site?.dispose());

/** A glossary term as its page shows it: URL, key, aliases, reading (or ''). */
interface TermNames {
  url: string;
  key: string;
  aliases: string[];
  reading: string;
}

describe.skipIf(!!skipReason)(suiteTitle('search quality in Chromium'), () => {
  beforeAll(() => expect(build.code).toBe(0));
  const served = servedInChromium(() => join(site.dir, 'public'));
  let guarded: GuardedContext;
  let page: Page;
  beforeEach(async () => {
    guarded = await offlineContext(served.browser);
    page = await guarded.context.newPage();
  });
  afterEach(async () => {
    expect(guarded.errors).toEqual([]);
    expect(guarded.offsite).toEqual([]);
    await guarded.context.close();
  });

  const search = async (query: string) => {
    await page.goto(`${served.server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    return searchResultHrefs(page);
  };

  it('says how many results it found in a status a screen reader reads out, once the count holds', async () => {
    await search('EKS');
    const status = page.locator('.reader-search-status');
    expect(await status.getAttribute('role')).toBe('status');
    const message = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? '';
    expect(message).toMatch(/EKS/);
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toBe(message);
    // Out of sight: the results say it already.
    expect(await status.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  });

  it("shows a term's page first for its name, above a longer term that starts with it, then the note about it", async () => {
    // eksctl's page says "Amazon EKS", and Pagefind matches "eks" as the start of "eksctl".
    const hrefs = await search('EKS');
    expect(hrefs[0]).toBe(termUrl('eks'));
    expect(hrefs.slice(0, 3)).toContain(eksNote);
  });

  it("shows a term's page first for the names it gives itself, though other pages say those words more often", async () => {
    // The words of both are all over the probe and IAM pages; only this page gives them as its name.
    expect((await search('Readiness プローブ'))[0]).toBe(termUrl('readiness-probe'));
    expect((await search('IAM ロール'))[0]).toBe(termUrl('iamロール'));
  });

  it('finds a term typed in full-width letters or half-width kana, as Japanese keyboards type them', async () => {
    expect((await search('ＥＫＳ'))[0]).toBe(termUrl('eks'));
    expect((await search('ｻﾌﾞﾈｯﾄ'))[0]).toBe(termUrl('サブネット'));
    // A full-width space between two words, and the excerpt marks the words as the reader typed them.
    expect((await search('ＩＡＭ　ロール'))[0]).toBe(termUrl('iamロール'));
    expect(await page.locator('.pagefind-ui__result-excerpt mark').first().textContent()).toMatch(/IAM|ロール/);
  });

  it("finds no term page by the labels of its facts (読み, 別の表記, 関連する用語)", async () => {
    expect(await search('別の表記')).toEqual([]);
    // 用語 is in no note or definition: every term page said it as 関連する用語.
    expect((await search('用語')).filter((href) => href.startsWith('/glossary/')).length).toBeLessThanOrEqual(2);
    // The excerpt reads as the page does, without the labels.
    await search('ElasticKubernetesService');
    expect(await page.locator('.pagefind-ui__result-excerpt').first().textContent()).not.toMatch(/別の表記|読み/);
  });

  it('finds a word of a definition list as a word, not run into the next one', async () => {
    // Pagefind ran <dt>RTO</dt><dd>Recovery…</dd> together as "RTORecovery".
    const hrefs = await search('RTO');
    expect(hrefs[0]).toBe('/2024/07/20/dr-notes/');
    const marked = await page.locator('.pagefind-ui__result-excerpt mark').allTextContents();
    expect(marked.map((text) => text.trim())).toEqual(['RTO']);
    expect(await page.locator('.pagefind-ui__result-excerpt').first().textContent()).toContain('RPO Recovery Point Objective RTO Recovery Time Objective');
  });

  it("shows a result's title once, as its heading, not again at the start of its excerpt", async () => {
    // Landscape's <h1> title was the start of the indexed text, and every excerpt began with it.
    const cases = [
      { query: '権限の棚卸しメモ', href: '/2024/04/02/iam-policy-review/', title: '権限の棚卸しメモ' },
      { query: 'RBAC', href: termUrl('rbac'), title: 'RBAC（ロールベースアクセス制御）' },
    ];
    for (const { query, href, title } of cases) {
      expect((await search(query))[0]).toBe(href);
      const result = page.locator('.pagefind-ui__result').first();
      expect((await result.locator('.pagefind-ui__result-link').first().textContent())?.trim()).toBe(title);
      const excerpt = (await result.locator('.pagefind-ui__result-excerpt').first().textContent())?.trim() ?? '';
      expect(excerpt).not.toBe('');
      expect(excerpt.startsWith(title), excerpt).toBe(false);
    }
  });

  it('finds a note first by words of its title that its text never says, with the start of the note as the excerpt', async () => {
    // Only the title, ネットワーク設計の復習, says it: no section of the text matches.
    expect((await search('ネットワーク設計'))[0]).toBe('/2024/05/15/network-basics/');
    expect(await page.locator('.pagefind-ui__result').first().locator('.pagefind-ui__result-excerpt').first().textContent()).toContain('サブネットの切り方');
  });

  it("finds a term's page first by its reading, typed in full or in part before the input method converts it", async () => {
    // The browser cuts あーるばっく as あー|る|ば|っ|く, and Pagefind found nothing.
    expect((await search('あーるばっく'))[0]).toBe(termUrl('rbac'));
    // The reading is the page's metadata, not its text: the excerpt is what the page says.
    expect(await page.locator('.pagefind-ui__result-excerpt').first().textContent()).not.toContain('ばっく');
    expect((await search('あーるば'))[0]).toBe(termUrl('rbac'));
    expect((await search('あいあむろーる'))[0]).toBe(termUrl('iamロール'));
  });

  /** Every term of the glossary, read from the term pages as a reader sees them. */
  const glossaryTerms = async (): Promise<TermNames[]> => {
    await page.goto(`${served.server.url}/search/`, { waitUntil: 'load' });
    const terms: TermNames[] = [];
    for (const href of await page.evaluate(async () => {
      const index = await (await fetch('/glossary/')).text();
      return Array.from(new DOMParser().parseFromString(index, 'text/html').querySelectorAll<HTMLAnchorElement>('a[href^="/glossary/"]'), (link) => link.pathname);
    })) {
      if (href === '/glossary/' || terms.some((term) => term.url === href)) continue;
      terms.push(
        await page.evaluate(async (url) => {
          const html = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
          const aliases = Array.from(html.querySelectorAll('.glossary-alias'), (alias) => alias.textContent ?? '');
          const reading = html.querySelector('[data-pagefind-meta="reading"]')?.textContent ?? '';
          return { url, key: html.querySelector('.glossary-term')?.getAttribute('data-term') ?? '', aliases, reading };
        }, href),
      );
    }
    return terms;
  };

  /** The URLs of the first `count` results for each query, through Pagefind's API with the search page's ranking. */
  const topUrls = (queries: readonly string[], count: number) =>
    // Code as text: vitest would rewrite an import() in a function passed to the page.
    page.evaluate<string[][]>(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ ranking: ${JSON.stringify(searchRanking)} });
      const urls = [];
      for (const query of ${JSON.stringify(queries)}) {
        const results = (await pagefind.search((${searchQuery.toString()})(query))).results.slice(0, ${count});
        urls.push(await Promise.all(results.map(async (result) => decodeURI((await result.data()).url))));
      }
      return urls;
    })()`);

  it("shows the term's page first for at least 93% of the glossary's keys and aliases", async () => {
    const terms = await glossaryTerms();
    expect(terms.length).toBeGreaterThan(40);
    const queries = terms.flatMap((term) => [term.key, ...term.aliases].map((query) => ({ query, url: term.url })));
    const firsts = (await topUrls(queries.map(({ query }) => query), 1)).map((urls) => urls[0] ?? '');
    const misses = queries.flatMap(({ query, url }, i) => (decodeURI(url) === firsts[i] ? [] : [`${query} → ${firsts[i]}`]));
    // 88% before termSimilarity and the names as metadata. Left: names inside
    // longer names (VPC in "Amazon VPC CNI plugin", AWS in "AWS Load Balancer Controller").
    expect(misses.length / queries.length, misses.join('\n')).toBeLessThanOrEqual(0.07);
  });

  it("shows the term's page first for at least 85% of the glossary's readings, and among the first three for 95%", async () => {
    const terms = (await glossaryTerms()).filter((term) => term.reading !== '');
    expect(terms.length).toBeGreaterThan(40);
    const tops = await topUrls(terms.map((term) => term.reading), 3);
    const report = terms.map((term, i) => `${term.reading} → ${tops[i]?.join(', ')}`).join('\n');
    const share = (found: (urls: string[], url: string) => boolean) => terms.filter((term, i) => found(tops[i] ?? [], decodeURI(term.url))).length / terms.length;
    // 43 and 45 of 51 before the readings were indexed from each letter (あーるばっく found nothing).
    // Left: readings inside longer readings (あいあむ in あいあむぐるーぷ).
    expect(share((urls, url) => urls[0] === url), report).toBeGreaterThanOrEqual(0.85);
    expect(share((urls, url) => urls.includes(url)), report).toBeGreaterThanOrEqual(0.95);
  });
});
