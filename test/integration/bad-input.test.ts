/**
 * Every kind of bad input in one fixture site, built once with the real
 * `hexo generate`; then one test per kind: its message (file:line:column,
 * counted in the file), and which pages were still generated.
 */
import { readdirSync } from 'node:fs';
import { join, posix, resolve, sep } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import Hexo from 'hexo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

const { findAll, getAttributeValue, textContent } = DomUtils;

/** Written here, not in the fixture, so that no editor or git setting can change its bytes. */
const windowsNote = '\uFEFF---\r\ntitle: CRLF BOM tabs\r\ndate: 2024-01-07 10:00:00\r\ntags:\r\n\t- crlf\r\n\t- tabs\r\n---\r\nA Windows note about EKS and IAM.\r\n';

const long100 = Array.from({ length: 100 }, (_, index) => '長い用語の名前'[index % 7]).join('');
const long300 = 'VeryLongTerm'.repeat(25);

/** Every problem the build must report, by kind of bad input. */
const expected = {
  malformedFrontMatter: [
    'source/_posts/bad-yaml.md:4:7: front matter is not valid YAML: unexpected end of the stream within a flow collection: it opens here and is never closed; Hexo leaves this file out of the site',
    'source/broken-page/index.md:3:9: front matter is not valid YAML: unexpected end of the stream within a flow collection: it opens here and is never closed; Hexo leaves this file out of the site',
  ],
  notAMapping: [
    'source/_posts/not-mapping-list.md:2:1: front matter must be a mapping of "key: value" lines, got a list; Hexo leaves this file out of the site',
    'source/_posts/not-mapping-scalar.md:2:1: front matter must be a mapping of "key: value" lines, got the string "just a sentence"; Hexo would show it as text',
  ],
  invalidDate: [
    'source/_posts/bad-date.md:3:7: "date" is not a date Hexo can read: "sometime in spring"; write it like 2024-01-02 or 2024-01-02 10:00:00',
    'source/_posts/impossible-date.md:3:7: "date" is not a real date: 2024-02-30 10:00:00; write it like 2024-01-02 or 2024-01-02 10:00:00',
  ],
  droppedByHexo: [
    'source/_posts/dropped.md: Hexo could not read this file (its error is logged above after "Process failed"), so it is missing from the site',
  ],
  malformedGlossary: ['source/_glossary/broken.yml:2:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed'],
  glossarySchema: [
    'source/_glossary/list.yml:1:1: a glossary file must map terms to entries (a YAML mapping at the top level)',
    'source/_glossary/schema.yml:1:1: NoSummary: "summary" is required',
    'source/_glossary/schema.yml:4:12: EmptySummary: "summary" must not be empty',
    'source/_glossary/schema.yml:6:12: WrongType: "summary" must be a string, got the number 42',
    'source/_glossary/schema.yml:7:14: NotAMapping: the entry must be a mapping with at least a "summary"',
    'source/_glossary/schema.yml:10:3: UnknownKey: unknown key "colour" (allowed: title, summary, description, aliases, reading, parent, related, links, case_sensitive, link, slug)',
    'source/_glossary/schema.yml:13:12: BadList: "aliases" must be a list, got the string "not a list"',
    'source/_glossary/schema.yml:18:12: BadLink: "links" item 1 "url" must be an http(s) URL, got "javascript:alert(1)"',
    'source/_glossary/schema.yml:21:12: BadReading: "reading" must be written in kana, got "漢字"',
    'source/_glossary/schema.yml:24:9: BadSlug: "slug" must be lowercase letters, digits and single hyphens, got "Bad Slug"',
    'source/_glossary/schema.yml:27:13: DanglingRelated: "related" names "Nowhere", which is not a term in the glossary',
    'source/_glossary/schema.yml:30:11: SelfParent: "parent" names the entry itself',
    'source/_glossary/schema.yml:31:1: CycleA: "parent" forms a cycle (CycleA -> CycleB -> CycleA)',
    'source/_glossary/schema.yml:35:19: BadFlag: "case_sensitive" must be true or false, got the string "yes"',
    'source/_glossary/schema.yml:38:10: TwoLines: "title" must be a single line',
  ],
  jsTags: [
    'source/_glossary/unsafe-function.yml:2:52: YAML: unknown tag !<tag:yaml.org,2002:js/function>',
    'source/_glossary/unsafe-regexp.yml:3:26: YAML: unknown tag !<tag:yaml.org,2002:js/regexp>',
    'source/_posts/js-tag.md:3:46: front matter is not valid YAML: unknown tag !<tag:yaml.org,2002:js/function>; Hexo leaves this file out of the site',
  ],
  duplicates: [
    'source/_glossary/zz-dupes.yml:1:1: term "EKS" is already defined at source/_glossary/terms.yml:1:1',
    'source/_glossary/zz-dupes.yml:5:13: Other: "IAM" is already used by term "IAM" at source/_glossary/terms.yml:5:1',
    'source/_glossary/zz-dupes.yml:5:18: Other: "ElasticKubernetesService" is already used by term "EKS" at source/_glossary/terms.yml:4:13',
    'source/_glossary/zz-dupes.yml:8:13: Repeat: alias "Repeat" repeats "Repeat" of the same entry',
  ],
  slugCollision: [
    'source/_glossary/slugs.yml:3:1: terms "Node.js" (source/_glossary/slugs.yml:1:1) and "Node JS" both have the slug "node-js"; give one of them a "slug:"',
  ],
  unknownTerm: ['source/_posts/unknown-term.md:5: {% term Nope %} names no glossary term'],
  glossarySwitches: [
    'source/_posts/glossary-no.md:4:11: "glossary" must be true or false, got the string "no"; the note is linked as if it were true',
    'source/_posts/glossary-no.md:5:19: "glossary_exclude" must be a list of terms, got a mapping',
  ],
  unclosedFrontMatter: [
    'source/_posts/unclosed.md:1:1: front matter opened by "---" is never closed (no "---" line after it); Hexo shows the whole file as text, with no title or date',
  ],
  nunjucks: [
    "source/_posts/tag-typo.md:7: Nunjucks: unknown block tag: terms; did you mean {% term %}? The page shows this note's tags as written (a literal {% or {{ goes inside {% raw %}…{% endraw %})",
    "source/_posts/unclosed-if.md:7: Nunjucks: parseIf: expected elif, else, or endif, got end of file. The page shows this note's tags as written (a literal {% or {{ goes inside {% raw %}…{% endraw %})",
  ],
  longNames: [
    'source/_glossary/long.yml:1:1: term "VeryLongTermVeryLongTermVeryLongTermVeryLongTermVeryLongT..." is longer than 100 characters',
    'source/_glossary/long.yml:5:13: Short: alias "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." is longer than 100 characters',
    `source/_posts/long-term.md:5: {% term ${long300.slice(0, 57)}... %} names no glossary term`,
  ],
};

/** Notes generated: the folders under `public/notes/` (the fixture's permalink is `notes/:title/`). */
const survivingNotes = [
  'bad-date',
  'crlf-bom-tabs',
  'glossary-no',
  'good',
  'hostile-front-matter',
  'impossible-date',
  'long-term',
  'not-mapping-scalar',
  'tag-typo',
  'unclosed',
  'unclosed-if',
  'unknown-term',
];

/** The problems a build reported: its ERROR lines, without Hexo's own and the final count. */
function reportedProblems(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('ERROR ') && !line.startsWith('ERROR Process failed') && !line.startsWith('ERROR hexo-study-glossary:'))
    .map((line) => line.replace(/^ERROR (Glossary: )?/, ''));
}

describe('hexo generate with every kind of bad input', () => {
  let site: Site;
  let build: RunResult;
  let problems: string[];

  beforeAll(async () => {
    site = makeSite('bad-input', { 'source/_posts/crlf-bom-tabs.md': windowsNote });
    build = await site.hexo('generate');
    problems = reportedProblems(build.output);
  });
  afterAll(() => site?.dispose());

  const notes = () => readdirSync(join(site.dir, 'public', 'notes')).sort();
  const termPage = (slug: string) => `public/glossary/${slug}/index.html`;

  it('exits with status 1, counting every problem below and nothing else', () => {
    expect(build.code).toBe(1);
    const all = Object.values(expected).flat();
    expect([...problems].sort()).toEqual([...all].sort());
    expect(build.output).toContain(`hexo-study-glossary: ${all.length} problems (listed above); exiting with status 1`);
  });

  it('still generates every other note and page', () => {
    expect(notes()).toEqual(survivingNotes);
    expect(site.exists('public/about/index.html')).toBe(true);
    expect(site.exists('public/index.html')).toBe(true);
    expect(site.exists('public/glossary/index.html')).toBe(true);
    expect(site.exists('public/tags/index.html')).toBe(true);
  });

  it('reports malformed front matter at its line in the file, leaving out only that note or page', () => {
    for (const message of expected.malformedFrontMatter) expect(problems).toContain(message);
    expect(notes()).not.toContain('bad-yaml');
    expect(site.exists('public/broken-page/index.html')).toBe(false);
  });

  it("keeps Hexo's own line for malformed front matter to one line, with no position in the YAML block and no stack", () => {
    const lines = build.output.split('\n');
    const failed = lines.findIndex((line) => line.startsWith('ERROR Process failed: _posts/bad-yaml.md'));
    expect(lines[failed]).toBe('ERROR Process failed: _posts/bad-yaml.md: its front matter is not valid YAML (see the message that names the file with its line)');
    expect(lines[failed + 1]).not.toMatch(/^\s/);
    expect(build.output).not.toContain('YAMLException');
    // A failure of another kind is logged as Hexo logs it, with its trace.
    const dropped = lines.findIndex((line) => line === 'ERROR Process failed: _posts/dropped.md');
    expect(lines[dropped + 2]).toMatch(/^ {4}at /);
  });

  it('reports front matter that is not a mapping', () => {
    for (const message of expected.notAMapping) expect(problems).toContain(message);
    expect(notes()).not.toContain('not-mapping-list');
    // Hexo keeps the other one, showing its front matter as text: reported, not lost.
    expect(site.read('public/notes/not-mapping-scalar/index.html')).toContain('just a sentence');
  });

  it('reports dates Hexo would replace by the file time or roll over', () => {
    for (const message of expected.invalidDate) expect(problems).toContain(message);
    expect(notes()).toEqual(expect.arrayContaining(['bad-date', 'impossible-date']));
  });

  it('reports a note Hexo drops for a reason of its own', () => {
    for (const message of expected.droppedByHexo) expect(problems).toContain(message);
    expect(notes()).not.toContain('dropped');
  });

  it('builds a note with a byte order mark, CRLF line ends and tabs like any other', () => {
    expect(problems.filter((message) => message.includes('crlf-bom-tabs'))).toEqual([]);
    const page = site.read('public/notes/crlf-bom-tabs/index.html');
    expect(page).toContain('<title>CRLF BOM tabs | Bad Input Fixture</title>');
    expect(page).toContain('<a class="glossary-link" href="/glossary/eks/" data-term="EKS"');
    expect(site.exists('public/tags/crlf/index.html')).toBe(true);
    expect(site.exists('public/tags/tabs/index.html')).toBe(true);
  });

  it('reports malformed glossary YAML and keeps the terms of the other files', () => {
    for (const message of expected.malformedGlossary) expect(problems).toContain(message);
    expect(site.exists(termPage('broken'))).toBe(false);
    expect(site.exists(termPage('eks'))).toBe(true);
  });

  it('reports every glossary schema error, keeping the entries that are still usable', () => {
    for (const message of expected.glossarySchema) expect(problems).toContain(message);
    for (const dropped of ['nosummary', 'emptysummary', 'wrongtype', 'notamapping']) expect(site.exists(termPage(dropped))).toBe(false);
    for (const kept of ['unknownkey', 'badlink', 'danglingrelated', 'cyclea']) expect(site.exists(termPage(kept))).toBe(true);
    expect(site.read(termPage('badlink'))).not.toContain('href="javascript:');
    // The cycle is broken where it is reported: CycleB is CycleA's narrower term, not also its broader one.
    expect(site.read(termPage('cyclea'))).not.toContain('<dt data-pagefind-ignore>上位の用語</dt>');
    expect(site.read(termPage('cyclea'))).toMatch(/<dt data-pagefind-ignore>下位の用語<\/dt><dd><a [^>]*>CycleB<\/a><\/dd>/);
    expect(site.read(termPage('cycleb'))).toMatch(/<dt data-pagefind-ignore>上位の用語<\/dt><dd><a [^>]*>CycleA<\/a><\/dd>/);
    expect(site.read(termPage('cycleb'))).not.toContain('<dt data-pagefind-ignore>下位の用語</dt>');
  });

  it('rejects !!js tags in the glossary and in front matter', () => {
    for (const message of expected.jsTags) expect(problems).toContain(message);
    expect(site.exists(termPage('unsafe'))).toBe(false);
    expect(site.exists(termPage('pattern'))).toBe(false);
    expect(notes()).not.toContain('js-tag');
  });

  it('reports duplicate terms and aliases, keeping the first definition', () => {
    for (const message of expected.duplicates) expect(problems).toContain(message);
    expect(site.read(termPage('eks'))).toContain('Kubernetes を動かすマネージドサービス。');
    expect(site.read(termPage('eks'))).not.toContain('defined a second time');
  });

  it('reports a slug collision, the first term keeping the page', () => {
    for (const message of expected.slugCollision) expect(problems).toContain(message);
    expect(site.read(termPage('node-js'))).toContain('data-term="Node.js"');
  });

  it('reports glossary switches YAML reads as something else than meant (glossary: no is a string)', () => {
    for (const message of expected.glossarySwitches) expect(problems).toContain(message);
    expect(site.read('public/notes/glossary-no/index.html')).toContain('data-term="EKS"');
  });

  it('reports front matter that is never closed, which Hexo shows as text', () => {
    for (const message of expected.unclosedFrontMatter) expect(problems).toContain(message);
  });

  it('reports a tag Nunjucks cannot run at its line in the file, and writes the note with its tags as written', () => {
    for (const message of expected.nunjucks) expect(problems).toContain(message);
    expect(build.output).not.toContain('FATAL');
    const typo = site.read('public/notes/tag-typo/index.html');
    expect(typo).toContain('{% terms ');
    expect(typo).toContain('data-term="EKS"');
    expect(site.read('public/notes/unclosed-if/index.html')).toContain('Only in drafts, but the if is never closed.');
  });

  it('reports an unknown {% term %} key and keeps its text unlinked', () => {
    for (const message of expected.unknownTerm) expect(problems).toContain(message);
    expect(site.read('public/notes/unknown-term/index.html')).toContain('Uses Nope here.');
  });

  it('rejects names of hundreds of characters, and gives a 100-character term a page whose folder name fits', () => {
    for (const message of expected.longNames) expect(problems).toContain(message);
    const slug = readdirSync(join(site.dir, 'public', 'glossary')).find((name) => name.startsWith('長い用語'));
    expect(slug).toMatch(/^(長い用語の名前)+長い-[0-9a-f]{8}$/);
    expect(Buffer.byteLength(slug!)).toBeLessThanOrEqual(100);
    expect(site.read(termPage(slug!))).toContain(`data-term="${long100}"`);
    expect(site.read('public/notes/good/index.html')).toContain(`href="/glossary/${encodeURIComponent(slug!)}/" data-term="${long100}"`);
    // Its tag page is moved the same way: Hexo's own slug (300 bytes) would stop the build.
    expect(site.exists(`public/tags/${slug}/index.html`)).toBe(true);
  });

  it('escapes hostile glossary and front matter strings everywhere they land', () => {
    const pages = site.files('public', /\.html$/);
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      const html = site.read(page);
      for (const raw of ['<script>alert', '<img src=x', '<b>bold', '<i>official', '<b>cat', '<i>desc', '" onmouseover', 'href="javascript:', 'onclick="alert(3)', 'onerror="alert(4)', 'ascript:alert(6)']) {
        expect(html.includes(raw), `${raw} in ${page}`).toBe(false);
      }
    }
  });

  it('describes a term page to search engines and link previews by its summary as written', () => {
    const page = site.read(termPage('script-alert-1-script'));
    const description = '&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;&#x2F;b&gt; &#39;single&#39; &lt;&#x2F;a&gt;';
    expect(page).toContain(`<meta name="description" content="${description}">`);
    expect(page).toContain(`<meta property="og:description" content="${description}">`);
  });

  it("keeps a description's Markdown and drops the scripts, handlers and javascript: links of its raw HTML", () => {
    const page = site.read(termPage('described'));
    const description = page.slice(page.indexOf('<div class="glossary-term-description">'), page.indexOf('</div>', page.indexOf('<div class="glossary-term-description">')));
    expect(description).toContain('Markdown <strong>stays</strong>, and <a target="_blank" rel="noopener" href="https://example.com/">a link</a> too.');
    expect(description).toContain('<p>clicked</p> <img src="x" />');
    expect(description).toContain('<a>javascript</a> <a>encoded</a>');
    expect(description).not.toMatch(/script>|alert\(/);
  });

  it('links hostile terms with attributes that read back as written', () => {
    const document = parseDocument(site.read('public/notes/good/index.html'));
    const links = findAll((element) => element.name === 'a' && (getAttributeValue(element, 'class') ?? '').split(' ').includes('glossary-link'), document.children);
    const read = new Map(links.map((link) => [getAttributeValue(link, 'data-term'), { title: getAttributeValue(link, 'title'), text: textContent(link) }]));
    expect(read.get('<script>alert(1)</script>')).toEqual({ title: `"quoted" & <b>bold</b> 'single' </a>`, text: '<script>alert(1)</script>' });
    expect(read.get('javascript:alert(1)')?.title).toBe('a term that looks like a URL');
    expect(read.get('../../escape')?.title).toBe('a term that looks like a path');
    expect(read.get('&amp; entity')).toEqual({ title: '&lt;already escaped&gt;', text: '&amp; entity' });
    for (const link of links) expect(getAttributeValue(link, 'href')).toMatch(/^\/glossary\/[^/?#:]+\/$/);

    // A hostile note title, as the EKS page lists it among the notes that mention the term.
    const eks = parseDocument(site.read(termPage('eks')));
    const titles = findAll((element) => getAttributeValue(element, 'class') === 'glossary-backlink-title', eks.children).map(textContent);
    expect(titles).toContain(`<script>alert(1)</script> & 'quotes' "double"`);

    const term = parseDocument(site.read(termPage('script-alert-1-script')));
    const aliases = findAll((element) => getAttributeValue(element, 'class') === 'glossary-alias', term.children).map(textContent);
    expect(aliases).toEqual(['</a><img src=x onerror=alert(1)>']);
    const official = findAll((element) => getAttributeValue(element, 'class') === 'glossary-official-link', term.children);
    expect(official.map((link) => [getAttributeValue(link, 'href'), textContent(link)])).toEqual([['https://example.com/?a=1&b=%222%22', '<i>official</i>']]);
  });

  it('adds only routes that stay inside public/', async () => {
    const hexo = new Hexo(site.dir, { silent: true });
    const exitCode = process.exitCode;
    try {
      await hexo.init();
      await hexo.load();
      const routes = hexo.route.list();
      expect(routes).toEqual(expect.arrayContaining(['glossary/escape/index.html', 'glossary/javascript-alert-1/index.html']));
      const publicDir = resolve(site.dir, 'public');
      for (const path of routes) {
        expect(path, path).not.toMatch(/^\/|\\|\0/);
        expect(posix.normalize(path), path).toBe(path);
        expect(path.split('/'), path).not.toContain('..');
        expect(resolve(publicDir, path).startsWith(publicDir + sep), path).toBe(true);
        for (const segment of path.split('/')) expect(Buffer.byteLength(segment), path).toBeLessThanOrEqual(255);
      }
    } finally {
      await hexo.exit();
      // The plugin fails the command on exit; this process is the test runner, not hexo.
      process.exitCode = exitCode;
    }
  });
});

describe('hexo generate without hexo clean, after a note\'s front matter breaks', () => {
  let site: Site;
  const runs: Record<string, RunResult> = {};
  const note = 'source/_posts/first.md';
  const page = 'public/2024/01/02/first/index.html';
  let good: string;

  beforeAll(async () => {
    site = makeSite('basic');
    good = site.read(note);
    runs.first = await site.hexo('generate');
    site.write(note, good.replace('title: First note', 'title: First note: [broken'));
    runs.broken = await site.hexo('generate');
    runs.again = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  const message = 'source/_posts/first.md:2:18: front matter is not valid YAML: bad indentation of a mapping entry: the value contains ": ", which YAML reads as another key; put it in quotes (title: "First note: [broken"); Hexo leaves this file out of the site';

  it('had the note on the site before', () => {
    expect(runs.first!.code).toBe(0);
    expect(runs.first!.output).not.toMatch(/ERROR/);
  });

  it('leaves the note out, as the message says and as a clean build would, and exits with status 1', () => {
    expect(runs.broken!.code).toBe(1);
    expect(reportedProblems(runs.broken!.output)).toEqual([message]);
    // Hexo alone keeps what db.json holds from the last good version.
    expect(site.exists(page)).toBe(false);
    expect(site.read('public/index.html')).not.toContain('First note');
    expect(site.read('public/archives/index.html')).not.toContain('First note');
    expect(site.read('public/glossary/eks/index.html')).not.toContain('First note');
    expect(site.read('public/glossary/eks/index.html')).toContain('Third note');
  });

  it('says so again on the next build, still without the note', () => {
    expect(runs.again!.code).toBe(1);
    expect(reportedProblems(runs.again!.output)).toEqual([message]);
    expect(site.exists(page)).toBe(false);
  });

  it('puts the note back once its front matter is fixed', async () => {
    site.write(note, good);
    const fixed = await site.hexo('generate');
    expect(fixed.code).toBe(0);
    expect(fixed.output).not.toMatch(/ERROR/);
    expect(site.read(page)).toContain('<title>First note | Fixture</title>');
    expect(site.read('public/glossary/eks/index.html')).toContain('First note');
  });
});
