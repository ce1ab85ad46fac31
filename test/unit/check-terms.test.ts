import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import words from 'an-array-of-english-words';
import { checkTerms, termUsage, warningCount, type NoteInput } from '../../hexo-study-glossary/src/core/check-terms.js';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { appendStub, existingSpelling, termStub } from '../../hexo-study-glossary/src/core/term-stub.js';
import { formatCheck, formatUsage } from '../../hexo-study-glossary/src/core/terms-report.js';
import { repoRoot } from '../helpers/site.js';

const glossaryYaml = [
  'EKS:',
  '  summary: Kubernetes のマネージドサービス。',
  '  aliases: [Amazon EKS]',
  'CloudFormation:',
  '  summary: テンプレートで AWS リソースを作る。',
  'Secret:',
  '  summary: リンクしない用語。',
  '  link: false',
  'Unused:',
  '  summary: どのノートにも出てこない。',
  'Stub:',
  '  summary: TODO 書く',
].join('\n');
const { glossary } = loadGlossary([{ path: 'source/_glossary/g.yml', content: glossaryYaml }]);

const notes: NoteInput[] = [
  {
    file: 'source/_posts/a.md',
    markdown: ['---', 'title: A', '---', 'Amazon EKS と CloudCormation。HTTP を使う。', 'Secret と Secret。', '```', 'XYZ CloudCormation', '```'].join('\n'),
    mentions: { EKS: 1 },
  },
  { file: 'source/_posts/b.md', markdown: 'EKS だけ。', mentions: { EKS: 2 } },
  { file: 'source/_posts/c.md', markdown: 'CloudCormation ABC', mentions: {}, optedOut: true },
];

describe('termUsage', () => {
  it('counts notes and mentions per term, from rendering or (link: false) from the Markdown', () => {
    const usage = termUsage(glossary, notes);
    expect(usage.map(({ key, notes, mentions, linked }) => ({ key, notes, mentions, linked }))).toEqual([
      { key: 'EKS', notes: 2, mentions: 3, linked: true },
      { key: 'CloudFormation', notes: 0, mentions: 0, linked: true },
      { key: 'Secret', notes: 1, mentions: 2, linked: false },
      { key: 'Unused', notes: 0, mentions: 0, linked: true },
      { key: 'Stub', notes: 0, mentions: 0, linked: true },
    ]);
    expect(usage[0]).toMatchObject({ file: 'source/_glossary/g.yml', line: 1 });
  });

  it('counts a {% term %} link to a term a note does not link by itself, as well as its mentions in the Markdown', () => {
    const tagged: NoteInput[] = [
      // Rendering counted the tag's link; the Markdown's prose leaves the tag out.
      { file: 'source/_posts/d.md', markdown: 'Secret の話。{% term Secret %} も。', mentions: { Secret: 1 } },
      { file: 'source/_posts/e.md', markdown: '{% term Secret %} だけ。', mentions: { Secret: 1 } },
      { file: 'source/_posts/f.md', markdown: 'EKS と {% term EKS %}。', mentions: { EKS: 1 }, excluded: ['EKS'] },
    ];
    const usage = termUsage(glossary, tagged);
    expect(usage.find((term) => term.key === 'Secret')).toMatchObject({ notes: 2, mentions: 3 });
    expect(usage.find((term) => term.key === 'EKS')).toMatchObject({ notes: 1, mentions: 2 });
    expect(checkTerms(glossary, tagged).unused.map((term) => term.key)).not.toContain('Secret');
  });

  it('counts a glossary: false note, in its Markdown and where {% term %} links a term, as a note that excludes every term', () => {
    const off: NoteInput[] = [
      // Rendering linked nothing but the tag; every mention in the Markdown counts.
      { file: 'source/_posts/g.md', markdown: ['---', 'glossary: false', '---', 'Unused と Unused。{% term EKS %} だけ。'].join('\n'), mentions: { EKS: 1 }, optedOut: true },
      { file: 'source/_posts/h.md', markdown: 'EKS の話。', mentions: { EKS: 1 } },
    ];
    const usage = termUsage(glossary, off);
    expect(usage.find((term) => term.key === 'EKS')).toMatchObject({ notes: 2, mentions: 2 });
    expect(usage.find((term) => term.key === 'Unused')).toMatchObject({ notes: 1, mentions: 2 });
    expect(checkTerms(glossary, off).unused.map((term) => term.key)).toEqual(['CloudFormation', 'Secret']);
  });

  it('prints counts first so Japanese terms do not break the columns', () => {
    const text = formatUsage(termUsage(glossary, notes));
    expect(text.split('\n').slice(0, 3)).toEqual(['notes  mentions  term', '    2         3  EKS', '    1         2  Secret  (link: false; counted in the Markdown)']);
  });
});

describe('checkTerms', () => {
  const report = checkTerms(glossary, notes, { errors: ['source/_glossary/x.yml:1:1: broken'] });

  it('passes the errors through', () => {
    expect(report.errors).toEqual(['source/_glossary/x.yml:1:1: broken']);
  });

  it("does not take the term of an entry left out for its own mistake for a missing acronym", () => {
    const told = checkTerms(glossary, notes, { isBrokenTerm: (name) => name === 'HTTP' });
    expect(told.acronyms).toEqual([]);
    expect(report.acronyms.map((item) => item.acronym)).toEqual(['HTTP']);
  });

  it('lists stubs still TODO, and unused terms apart from them', () => {
    expect(report.todo).toEqual([{ key: 'Stub', file: 'source/_glossary/g.yml', line: 11 }]);
    expect(report.unused.map((term) => term.key)).toEqual(['CloudFormation', 'Unused']);
  });

  it('finds acronyms and misspellings in prose only, and skips notes that opted out', () => {
    expect(report.acronyms).toEqual([{ acronym: 'HTTP', count: 1, locations: [{ file: 'source/_posts/a.md', line: 4, column: 29 }] }]);
    expect(report.nearMisses).toEqual([
      { file: 'source/_posts/a.md', line: 4, column: 14, text: 'CloudCormation', suggestion: 'CloudFormation', key: 'CloudFormation', distance: 1 },
    ]);
    expect(warningCount(report)).toBe(5);
  });

  it('reports a case-sensitive term written in another case among the misspellings', () => {
    const cased = checkTerms(glossary, [{ file: 'source/_posts/d.md', markdown: 'あとで cloudformation を使う。', mentions: {} }]);
    expect(cased.nearMisses).toEqual([
      { file: 'source/_posts/d.md', line: 1, column: 5, text: 'cloudformation', suggestion: 'CloudFormation', key: 'CloudFormation', distance: 0 },
    ]);
  });

  it('formats a grouped report', () => {
    expect(formatCheck(report)).toBe(
      [
        'Errors (1)',
        '  source/_glossary/x.yml:1:1: broken',
        '',
        'Entries still to write (1)',
        '  source/_glossary/g.yml:11: "Stub": the summary is still TODO',
        '',
        'Terms no note mentions (2)',
        '  source/_glossary/g.yml:4: "CloudFormation"',
        '  source/_glossary/g.yml:9: "Unused"',
        '',
        'Acronyms missing from the glossary (1)',
        '  HTTP: 1× in source/_posts/a.md:4',
        '',
        'Possible misspellings (1)',
        '  source/_posts/a.md:4: "CloudCormation" → did you mean "CloudFormation"?',
        '',
      ].join('\n'),
    );
    expect(formatCheck({ errors: [], todo: [], unused: [], acronyms: [], nearMisses: [], compounds: [], kanjiWords: [] })).toBe('');
  });
});

describe('katakana words that end in a short term', () => {
  const katakana = loadGlossary([
    {
      path: 'source/_glossary/k.yml',
      content: ['ログ:', '  summary: 記録。', '  aliases: [エラーログ]', 'ノード:', '  summary: 計算機。', 'サーバー:', '  summary: 提供する側。', 'キュー:', '  summary: 待ち行列。', '  link: false', 'サブネット:', '  summary: 分けた網。'].join('\n'),
    },
  ]).glossary;
  const note = (file: string, markdown: string, excluded?: string[]): NoteInput => ({ file, markdown, mentions: {}, ...(excluded ? { excluded } : {}) });
  const report = checkTerms(katakana, [
    note('source/_posts/a.md', ['ブログとワーカーノード。', 'ワーカーノードをもう一つ。', 'アクセスログとサーバーログとエラーログ。', '`コードのブログ`', 'ジョブキューとマスクサブネット。'].join('\n')),
    note('source/_posts/b.md', 'ワーカーノードとスノードーム。'),
    note('source/_posts/d.md', 'ｴﾗｰﾉｰﾄﾞとワーカーノート\u3099。'),
    note('source/_posts/c.md', 'カタログ。', ['ログ']),
  ]);

  it('lists them with the term and every place, where the linker leaves them unlinked', () => {
    expect(report.compounds).toEqual([
      { word: 'ブログ', key: 'ログ', count: 1, locations: [{ file: 'source/_posts/a.md', line: 1, column: 1 }] },
      {
        word: 'ワーカーノード',
        key: 'ノード',
        count: 3,
        locations: [
          { file: 'source/_posts/a.md', line: 1, column: 5 },
          { file: 'source/_posts/a.md', line: 2, column: 1 },
          { file: 'source/_posts/b.md', line: 1, column: 1 },
        ],
      },
      { word: 'ｴﾗｰﾉｰﾄﾞ', key: 'ノード', count: 1, locations: [{ file: 'source/_posts/d.md', line: 1, column: 1 }] },
      { word: 'ワーカーノート\u3099', key: 'ノード', count: 1, locations: [{ file: 'source/_posts/d.md', line: 1, column: 9 }] },
    ]);
  });

  it('leaves out words the linker links (after four kana, after a term, an alias), terms it never links, terms a note excludes, and code', () => {
    const words = report.compounds.map((compound) => compound.word);
    for (const linked of ['アクセスログ', 'サーバーログ', 'エラーログ', 'ジョブキュー', 'マスクサブネット', 'カタログ', 'コードのブログ']) expect(words).not.toContain(linked);
  });

  it('does not count them as warnings, and prints them last', () => {
    expect(warningCount(report)).toBe(warningCount({ ...report, compounds: [] }));
    expect(formatCheck(report)).toContain(
      [
        'Katakana words that end in a term and are not linked (add one that is a compound as an alias to link it) (4)',
        '  ブログ → ログ: 1× in source/_posts/a.md:1',
        '  ワーカーノード → ノード: 3× in source/_posts/a.md:1, 2; source/_posts/b.md:1',
        '  ｴﾗｰﾉｰﾄﾞ → ノード: 1× in source/_posts/d.md:1',
        '  ワーカーノート\u3099 → ノード: 1× in source/_posts/d.md:1',
        '',
      ].join('\n'),
    );
  });
});

describe('words of kanji that hold a term', () => {
  const kanji = loadGlossary([
    {
      path: 'source/_glossary/k.yml',
      content: ['認可:', '  summary: 許すこと。', '同期:', '  summary: 待つこと。', '自動:', '  summary: ひとりでに。', '負荷分散:', '  summary: 振り分け。', '監査:', '  summary: 調べること。', '  link: false', '暗号:', '  summary: 符号。'].join('\n'),
    },
  ]).glossary;
  const note = (file: string, markdown: string, excluded?: string[]): NoteInput => ({ file, markdown, mentions: {}, ...(excluded ? { excluded } : {}) });
  const report = checkTerms(kanji, [
    note('source/_posts/a.md', ['設定を確認可能にする。', '非同期処理と同期処理。', '自動化と自動化と暗号化。', '`確認可能なコード`', '負荷分散装置と監査人。'].join('\n')),
    note('source/_posts/b.md', '確認可能。自動化。', ['自動']),
  ]);

  it('lists each with the term and every place, where the linker leaves the term unlinked', () => {
    expect(report.kanjiWords).toEqual([
      {
        word: '確認可能',
        key: '認可',
        count: 2,
        locations: [
          { file: 'source/_posts/a.md', line: 1, column: 4 },
          { file: 'source/_posts/b.md', line: 1, column: 1 },
        ],
      },
      { word: '非同期', key: '同期', count: 1, locations: [{ file: 'source/_posts/a.md', line: 2, column: 1 }] },
      {
        word: '自動化',
        key: '自動',
        count: 2,
        locations: [
          { file: 'source/_posts/a.md', line: 3, column: 1 },
          { file: 'source/_posts/a.md', line: 3, column: 5 },
        ],
      },
    ]);
  });

  it('leaves out terms the linker links there, terms it never links, terms a note excludes, and code', () => {
    const words = report.kanjiWords.map((word) => `${word.word} ${word.key}`);
    for (const linked of ['同期処理 同期', '暗号化 暗号', '負荷分散装置 負荷分散', '監査人 監査', '確認可能なコード 認可']) expect(words).not.toContain(linked);
    expect(report.kanjiWords.find((word) => word.key === '自動')?.locations.map((place) => place.file)).toEqual(['source/_posts/a.md', 'source/_posts/a.md']);
  });

  it('does not count them as warnings, and prints them after the katakana words', () => {
    expect(warningCount(report)).toBe(warningCount({ ...report, kanjiWords: [] }));
    expect(formatCheck(report)).toContain(
      [
        'Kanji words that hold a term and are not linked (add one that names the term as an alias to link it) (3)',
        '  確認可能 → 認可: 2× in source/_posts/a.md:1; source/_posts/b.md:1',
        '  非同期 → 同期: 1× in source/_posts/a.md:2',
        '  自動化 → 自動: 2× in source/_posts/a.md:3',
        '',
      ].join('\n'),
    );
  });
});

describe('the real AWS note against the real glossary', () => {
  const dir = join(repoRoot, 'source', '_glossary');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => ({ path: `source/_glossary/${name}`, content: readFileSync(join(dir, name), 'utf8') }));
  const real = loadGlossary(files).glossary;
  const note: NoteInput = {
    file: 'source/_posts/aws-study-day2.md',
    markdown: readFileSync(join(repoRoot, 'source', '_posts', 'aws-study-day2.md'), 'utf8'),
    mentions: {},
  };
  const dictionary = new Set(words as string[]);
  const report = checkTerms(real, [note], { isCommonWord: (word) => dictionary.has(word) });

  it('reports exactly the misspellings, each at its line, with a suggestion', () => {
    expect(report.nearMisses.map((miss) => `${miss.line}: ${miss.text} → ${miss.suggestion} (${miss.key})`)).toEqual([
      '132: CloudCormation → CloudFormation (CloudFormation)',
      '140: Spot Instans → Spot Instance (スポットインスタンス)',
      '168: Liveness prove → Liveness Probe (Liveness Probe)',
      '168: Readiness prove → Readiness Probe (Readiness Probe)',
      '169: Livenss Probe → Liveness Probe (Liveness Probe)',
      '176: livenessProve → livenessProbe (Liveness Probe)',
      '177: Readinessprove → Readiness Probe (Readiness Probe)',
    ]);
  });

  it('reports acronyms the glossary lacks, and none it has', () => {
    const acronyms = new Map(report.acronyms.map((item) => [item.acronym, item]));
    expect(acronyms.get('HTTP')).toMatchObject({ count: 3 });
    expect(acronyms.get('HTTP')!.locations.map((place) => place.line)).toEqual([95, 95, 112]);
    for (const known of ['EKS', 'EC2', 'S3', 'IAM', 'VPC', 'AZ', 'ELB', 'ALB', 'CNI', 'GKE', 'ECR']) expect(acronyms.has(known)).toBe(false);
    expect(acronyms.has('OFF')).toBe(false);
    expect(acronyms.has('OK')).toBe(false);
  });
});

describe('term stubs', () => {
  it('writes a valid entry whose summary is TODO, with the other fields as comments', () => {
    const stub = termStub('Spot Fleet');
    expect(stub).toMatch(/^\nSpot Fleet:\n {2}summary: TODO /);
    expect(stub).toContain('  # aliases: [');
    const loaded = loadGlossary([{ path: 'g.yml', content: appendStub(glossaryYaml, 'Spot Fleet') }]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.glossary.byKey.get('Spot Fleet')).toMatchObject({ summary: expect.stringMatching(/^TODO/), aliases: [] });
  });

  it('quotes names YAML would misread', () => {
    for (const name of ['a: b', '- x', 'true', '123', '#tag', "it's"]) {
      const loaded = loadGlossary([{ path: 'g.yml', content: appendStub('', name) }]);
      expect(loaded.problems).toEqual([]);
      expect([...loaded.glossary.byKey.keys()]).toEqual([name]);
    }
  });

  it("writes the stub in the file's line ends, CRLF included", () => {
    const crlf = 'EKS:\r\n  summary: a\r\n';
    const appended = appendStub(crlf, 'Spot Fleet');
    expect(appended.startsWith(crlf)).toBe(true);
    expect(appended.replace(/\r\n/g, '')).not.toContain('\n');
    expect(appendStub('EKS:\r\n  summary: a', 'X')).toMatch(/^EKS:\r\n {2}summary: a\r\n\r\nX:\r\n/);
    expect(loadGlossary([{ path: 'g.yml', content: appended }]).glossary.byKey.get('Spot Fleet')).toBeDefined();
  });

  it('adds the line break a file may lack', () => {
    expect(appendStub('A:\n  summary: x', 'B')).toMatch(/^A:\n {2}summary: x\n\nB:\n/);
  });

  it('finds a name the glossary already spells, ignoring case and width', () => {
    expect(existingSpelling(glossary, 'EKS')).toMatchObject({ entry: { key: 'EKS' }, alias: false });
    expect(existingSpelling(glossary, 'ｅｋｓ')).toMatchObject({ entry: { key: 'EKS' }, alias: false });
    expect(existingSpelling(glossary, 'amazon eks')).toMatchObject({ entry: { key: 'EKS' }, alias: true });
    expect(existingSpelling(glossary, 'Spot Fleet')).toBeUndefined();
  });
});
