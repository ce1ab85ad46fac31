import { describe, expect, it } from 'vitest';
import { formatProblem, loadGlossary, type GlossaryFile } from '../../hexo-study-glossary/src/core/load-glossary.js';

function load(...files: [string, string][]) {
  return loadGlossary(files.map(([path, content]): GlossaryFile => ({ path, content })));
}

function problemsOf(content: string, path = 'g.yml'): string[] {
  return load([path, content]).problems.map(formatProblem);
}

describe('loadGlossary', () => {
  it('reads a full entry with every field settled', () => {
    const { glossary, problems } = load([
      'aws.yml',
      [
        'EKS:',
        '  title: Amazon EKS',
        '  summary: Kubernetes のマネージドサービス。',
        '  description: |',
        '    **Markdown** の説明',
        '  aliases: [Amazon EKS, ElasticKubernetesService]',
        '  reading: いーけーえす',
        '  related: [IAM]',
        '  links:',
        '    - { title: ユーザーガイド, url: https://docs.aws.amazon.com/eks/ }',
        '  case_sensitive: false',
        '  link: true',
        'IAM:',
        '  summary: 認証と認可のサービス。',
        '  slug: iam-service',
        '',
      ].join('\n'),
    ]);
    expect(problems).toEqual([]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['EKS', 'IAM']);
    const eks = glossary.byKey.get('EKS');
    expect(eks).toMatchObject({
      key: 'EKS',
      title: 'Amazon EKS',
      summary: 'Kubernetes のマネージドサービス。',
      description: '**Markdown** の説明',
      aliases: ['Amazon EKS', 'ElasticKubernetesService'],
      reading: 'いーけーえす',
      parent: undefined,
      related: ['IAM'],
      links: [{ title: 'ユーザーガイド', url: 'https://docs.aws.amazon.com/eks/' }],
      caseSensitive: false,
      link: true,
      slug: 'eks',
      position: { file: 'aws.yml', line: 1, column: 1 },
    });
    expect(glossary.byKey.get('IAM')).toMatchObject({ title: 'IAM', caseSensitive: true, link: true, slug: 'iam-service', aliases: [], links: [] });
  });

  it('accepts an empty file and files in any order, sorted by name', () => {
    const { glossary, problems } = load(['b.yml', 'B:\n  summary: b\n'], ['a.yml', ''], ['c.yml', 'A:\n  summary: a\n']);
    expect(problems).toEqual([]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['B', 'A']);
  });

  it('gives the same signature for the same files and another for any change', () => {
    const one = load(['a.yml', 'A:\n  summary: a\n']).glossary.signature;
    expect(load(['a.yml', 'A:\n  summary: a\n']).glossary.signature).toBe(one);
    expect(load(['a.yml', 'A:\n  summary: b\n']).glossary.signature).not.toBe(one);
    expect(load(['b.yml', 'A:\n  summary: a\n']).glossary.signature).not.toBe(one);
  });

  it('reports a YAML syntax error with its line and column, an unclosed bracket where it opens', () => {
    expect(problemsOf('A:\n  summary: a\n  aliases: [x\n')).toEqual(['g.yml:3:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed']);
  });

  it('reports an unclosed quote where it opens, though lines follow it', () => {
    expect(problemsOf('A:\n  summary: "unclosed quote\n  reading: きゅー\nB:\n  summary: b\n')).toEqual([
      'g.yml:2:12: YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed',
    ]);
    // An apostrophe inside plain text opens nothing.
    expect(problemsOf("A:\n  summary: Let's go\n  aliases: [x\n")).toEqual(['g.yml:3:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed']);
  });

  it('knows the terms of broken entries whose keys hold # or :, and tells the entries that name them why they are gone', () => {
    const content = ['"C#":', '  summary: [oops', 'AWS::S3::Bucket:', '  summary: "oops', 'B:', '  summary: b', '  related: ["C#", "AWS::S3::Bucket"]', ''].join('\n');
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content: content.replace('"C#":', 'C#:') }]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['B']);
    expect(problems.map(formatProblem)).toEqual([
      'g.yml:2:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed',
      'g.yml:4:12: YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed',
      'g.yml:7:13: B: "related" names "C#", which is left out: its entry (g.yml:1) is not valid YAML',
      'g.yml:7:19: B: "related" names "AWS::S3::Bucket", which is left out: its entry (g.yml:3) is not valid YAML',
    ]);
  });

  it('takes no quote or bracket of a block scalar for one that opens', () => {
    const content = ['A:', '  summary: a', '  description: |', '    "quoted start and [bracket', "    it's text", '  aliases: [x', 'B:', '  summary: b', ''].join('\n');
    expect(problemsOf(content)).toEqual(['g.yml:6:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed']);
  });

  it('reports a term given twice in a file whose entries share anchors, keeping every other entry', () => {
    const content = ['Base:', '  summary: base', '  links: &lk', '    - title: docs', '      url: https://example.com/d', 'Dup:', '  summary: first', '  links: *lk', 'Other:', '  summary: other', '  links: *lk', 'Dup:', '  summary: second', ''].join('\n');
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content }]);
    expect(glossary.entries.map((entry) => [entry.key, entry.summary, entry.links.length])).toEqual([
      ['Base', 'base', 1],
      ['Dup', 'first', 1],
      ['Other', 'other', 1],
    ]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:12:1: term "Dup" is already defined at g.yml:6:1']);
  });

  it('reads an entry with the anchors as they were defined before the entries it takes them from', () => {
    const content = [
      'A:', '  summary: a', '  links: &docs', '    - { title: a, url: "https://example.com/a" }',
      'B:', '  summary: b', '  links: *docs', '  aliases: &names [bee]',
      'C:', '  summary: c', '  links: &docs', '    - { title: c, url: "https://example.com/c" }',
      'D:', '  summary: d', '  aliases: *names',
      'E:', '  summary: "broken', '',
    ].join('\n');
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content }]);
    expect(glossary.entries.map((entry) => [entry.key, entry.links.map((link) => link.url), entry.aliases])).toEqual([
      ['A', ['https://example.com/a'], []],
      ['B', ['https://example.com/a'], ['bee']],
      ['C', ['https://example.com/c'], []],
      // D reads B's alias through the anchor, and B, first in file order, keeps it.
      ['D', [], []],
    ]);
    expect(problems.map(formatProblem)).toContainEqual(expect.stringContaining('D: "bee" is already used by term "B" at g.yml:8:20'));
    expect(problems.map(formatProblem)).toContain('g.yml:17:12: YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed');
    expect(problems.map(formatProblem).filter((problem) => problem.includes('unidentified alias'))).toEqual([]);
  });

  it('takes no &name in a comment or a block scalar for an anchor', () => {
    const content = ['A:', '  summary: &s one', '# old:', '#   summary: &s two', 'D:', '  description: |', '    &s in text', '  summary: d', 'C:', '  summary: *s', 'E:', '  summary: "broken', ''].join('\n');
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content }]);
    expect(glossary.entries.map((entry) => [entry.key, entry.summary])).toEqual([
      ['A', 'one'],
      ['D', 'd'],
      ['C', 'one'],
    ]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:12:12: YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed']);
  });

  it('takes a %YAML directive for no entry', () => {
    expect(problemsOf('%YAML 1.2\n---\nA:\n  summary: a\nB:\n  summary: [x\n')).toEqual([
      'g.yml:6:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed',
    ]);
  });

  it('keeps an entry that uses an anchor of another when a third one is broken', () => {
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content: 'A:\n  summary: &s shared\nB:\n  summary: *s\nC:\n  summary: [oops\n' }]);
    expect(glossary.entries.map((entry) => [entry.key, entry.summary])).toEqual([
      ['A', 'shared'],
      ['B', 'shared'],
    ]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:6:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed']);
  });

  it('reports a term defined twice in one file as a term defined twice, keeping the first', () => {
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content: 'A:\n  summary: a\nB:\n  summary: b\nA:\n  summary: again\n' }]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:5:1: term "A" is already defined at g.yml:1:1']);
    expect(glossary.entries.map((entry) => [entry.key, entry.summary])).toEqual([
      ['A', 'a'],
      ['B', 'b'],
    ]);
  });

  it('reports two spellings that differ only in typographic quotes, which the matcher takes for one', () => {
    expect(problemsOf('"Let\'s Encrypt":\n  summary: a\nB:\n  summary: b\n  aliases: ["Let’s Encrypt"]\n')).toEqual([
      'g.yml:5:13: B: "Let’s Encrypt" is already used by term "Let\'s Encrypt" at g.yml:1:1',
    ]);
  });

  it('rejects invisible characters in terms and aliases, and shows them escaped', () => {
    expect(problemsOf('"EKS\u200b":\n  summary: a\nB:\n  summary: b\n  aliases: ["RTL\u202eTerm"]\n')).toEqual([
      'g.yml:1:1: term "EKS\\u200b" must not contain invisible characters (U+200B)',
      'g.yml:5:13: B: alias "RTL\\u202eTerm" must not contain invisible characters (U+202E)',
    ]);
  });

  it('reports an empty value at the end of its key, not at the next line', () => {
    expect(problemsOf('A:\n  summary:\n  title: x\nB:\n  summary:\n\nC:\n  summary: c\n')).toEqual([
      'g.yml:2:11: A: "summary" must not be empty',
      'g.yml:5:11: B: "summary" must not be empty',
    ]);
  });

  it('reports a value a "#" cut short, which YAML read as a comment, with the quoting that keeps it', () => {
    const source = 'GitHub:\n  summary: Issue #12 で議論された\n  aliases: [gh]\nEKS:\n  summary: 手順 #1\n  aliases:\n    - EKS手順 #2\n';
    expect(problemsOf(source)).toEqual([
      'g.yml:2:12: GitHub: "Issue #12 で議論された" reads as "Issue": YAML takes a "#" after a space, and the rest of the line, for a comment; if it is part of the text, put the whole value in quotes ("Issue #12 で議論された")',
      'g.yml:5:12: EKS: "手順 #1" reads as "手順": YAML takes a "#" after a space, and the rest of the line, for a comment; if it is part of the text, put the whole value in quotes ("手順 #1")',
      'g.yml:7:7: EKS: "EKS手順 #2" reads as "EKS手順": YAML takes a "#" after a space, and the rest of the line, for a comment; if it is part of the text, put the whole value in quotes ("EKS手順 #2")',
    ]);
  });

  it('takes "# text" after a value for the comment it is, and a quoted or attached "#" for text', () => {
    const source = 'A:\n  summary: 説明  # 要確認\nB:\n  summary: "手順 #1"\nC:\n  summary: C# の説明\nD:\n  summary: >\n    手順 #1\nE:\n  summary: e #\n';
    expect(problemsOf(source)).toEqual([]);
    expect(load(['g.yml', source]).glossary.byKey.get('D')?.summary).toBe('手順 #1');
  });

  it('names the key given twice inside an entry', () => {
    expect(problemsOf('A:\n  summary: a\n  summary: b\nB:\n  summary: c\n')).toEqual(['g.yml:3:3: YAML: duplicated mapping key "summary"']);
  });

  it('loses only the entries a YAML error is in, and reports each of them', () => {
    const content = ['A:', '  summary: "unclosed', 'B:', '  summary: fine', '  related: [A, C]', 'C:', '  summary: [oops', 'D:', '  summary: fine too', ''].join('\n');
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content }]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['B', 'D']);
    // B loses its related terms A and C: it is told why, not that they are unknown.
    expect(problems.map(formatProblem)).toEqual([
      'g.yml:2:12: YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed',
      'g.yml:5:13: B: "related" names "A", which is left out: its entry (g.yml:1) is not valid YAML',
      'g.yml:5:16: B: "related" names "C", which is left out: its entry (g.yml:6) is not valid YAML',
      'g.yml:7:12: YAML: unexpected end of the stream within a flow collection: it opens here and is never closed',
    ]);
  });

  it('reports a term YAML reads as a number, a boolean, null or a date, with the quoting that keeps it', () => {
    const content = ['1.0:', '  summary: a', '0x1F:', '  summary: b', '~:', '  summary: c', 'True:', '  summary: d', '2024-01-01:', '  summary: e', '"3.10":', '  summary: f', '1:', '  summary: g', ''].join('\n');
    const { glossary, problems, broken } = load(['g.yml', content]);
    expect(problems.map(formatProblem)).toEqual([
      'g.yml:1:1: term "1.0" reads as the number 1: put it in quotes ("1.0":)',
      'g.yml:3:1: term "0x1F" reads as the number 31: put it in quotes ("0x1F":)',
      'g.yml:5:1: term "~" reads as null: put it in quotes ("~":)',
      'g.yml:7:1: term "True" reads as the boolean true: put it in quotes ("True":)',
      'g.yml:9:1: term "2024-01-01" reads as a date: put it in quotes ("2024-01-01":)',
    ]);
    // A key written as it reads is the term it says; none of the misread ones links "1" or "null".
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['3.10', '1']);
    expect([...broken.keys()]).toEqual(['1.0', '0x1F', '~', 'True', '2024-01-01']);
  });

  it('tells an entry that names a term left out for a problem of its own why it is left out, not that it is unknown', () => {
    const content = ['Istio:', '  reading: いすてぃお', '  aliases: [イスティオ]', 'Mesh:', '  summary: [a list]', 'Envoy:', '  summary: プロキシ', '  related: [Istio, Mesh, Linkerd]', ''].join('\n');
    const { glossary, problems, broken } = load(['g.yml', content]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['Envoy']);
    expect(problems.map(formatProblem)).toEqual([
      'g.yml:1:1: Istio: "summary" is required',
      'g.yml:5:12: Mesh: "summary" must be a string, got a list',
      'g.yml:8:13: Envoy: "related" names "Istio", which is left out: its entry (g.yml:1) is not a valid entry',
      'g.yml:8:20: Envoy: "related" names "Mesh", which is left out: its entry (g.yml:4) is not a valid entry',
      'g.yml:8:26: Envoy: "related" names "Linkerd", which is not a term in the glossary',
    ]);
    expect(broken.get('Istio')).toEqual({ position: { file: 'g.yml', line: 1, column: 1 }, why: 'is not a valid entry' });
    expect(broken.get('Mesh')?.why).toBe('is not a valid entry');
    // A note may name it by its alias.
    expect(broken.get('イスティオ')).toEqual(broken.get('Istio'));
  });

  it("leaves out a term that takes another term's slug, and says why, to the entries that name it too", () => {
    const { broken, problems } = load(['g.yml', 'VLAN:\n  summary: a\nvlan:\n  summary: b\nTrunk:\n  summary: c\n  parent: vlan\n']);
    expect(broken.get('vlan')).toEqual({ position: { file: 'g.yml', line: 3, column: 1 }, why: "has another term's slug" });
    expect(problems.map(formatProblem)).toContainEqual('g.yml:7:11: Trunk: "parent" names "vlan", which is left out: its entry (g.yml:3) has another term\'s slug');
  });

  it('reports a stray line between entries at its line, keeping the entries around it', () => {
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content: '# terms\nA:\n  summary: a\njust a line\nB:\n  summary: b\n' }]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:4:1: YAML: expected a term and its entry ("term:"), got "just a line"']);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['A', 'B']);
  });

  it('rejects !!js/function and other unsafe tags', () => {
    expect(problemsOf('A:\n  summary: !!js/function "function () { return 1 }"\n')).toEqual([
      expect.stringMatching(/^g\.yml:2:\d+: YAML: unknown tag !<tag:yaml\.org,2002:js\/function>/),
    ]);
    expect(problemsOf('A:\n  summary: !!js/undefined ""\n')[0]).toMatch(/unknown tag/);
  });

  it('requires a summary', () => {
    expect(problemsOf('A:\n  title: only a title\n')).toEqual(['g.yml:1:1: A: "summary" is required']);
  });

  it('rejects an empty summary', () => {
    expect(problemsOf('A:\n  summary: "  "\n')).toEqual(['g.yml:2:12: A: "summary" must not be empty']);
    expect(problemsOf('A:\n  summary:\n')).toEqual([expect.stringMatching(/^g\.yml:\d+:\d+: A: "summary" must not be empty$/)]);
  });

  it('rejects values of the wrong type, naming the type', () => {
    expect(problemsOf('A:\n  summary: 42\n')).toEqual(['g.yml:2:12: A: "summary" must be a string, got the number 42']);
    expect(problemsOf('A:\n  summary: s\n  aliases: x\n')).toEqual(['g.yml:3:12: A: "aliases" must be a list, got the string "x"']);
    expect(problemsOf('A:\n  summary: s\n  case_sensitive: "no"\n')).toEqual(['g.yml:3:19: A: "case_sensitive" must be true or false, got the string "no"']);
    expect(problemsOf('A:\n  summary: s\n  link: 1\n')).toEqual(['g.yml:3:9: A: "link" must be true or false, got the number 1']);
    expect(problemsOf('A:\n  summary: s\n  title: 2020-01-01\n')).toEqual(['g.yml:3:10: A: "title" must be a string, got a date']);
    expect(problemsOf('A:\n  summary: s\n  related: [B, 3]\nB:\n  summary: b\n')).toEqual([
      'g.yml:3:16: A: "related" item 2 must be a non-empty string, got the number 3',
    ]);
  });

  it('rejects an entry that is not a mapping', () => {
    expect(problemsOf('A: just text\n')).toEqual(['g.yml:1:4: A: the entry must be a mapping with at least a "summary"']);
  });

  it('rejects a file that is not a mapping', () => {
    expect(problemsOf('- A\n- B\n')).toEqual(['g.yml:1:1: a glossary file must map terms to entries (a YAML mapping at the top level)']);
  });

  it('rejects unknown keys, listing the allowed ones', () => {
    const [problem] = problemsOf('A:\n  summary: s\n  summery: t\n');
    expect(problem).toMatch(/^g\.yml:3:3: A: unknown key "summery" \(allowed: title, summary, description, aliases/);
  });

  it('rejects a parent or related term that is not in the glossary', () => {
    expect(problemsOf('A:\n  summary: s\n  parent: Z\n  related: [B, Y]\nB:\n  summary: b\n')).toEqual([
      'g.yml:3:11: A: "parent" names "Z", which is not a term in the glossary',
      'g.yml:4:16: A: "related" names "Y", which is not a term in the glossary',
    ]);
  });

  it('names the term meant by a misspelt parent or related term, or by an alias written for its key', () => {
    const source = 'Kubernetes:\n  summary: k\n  aliases: [k8s]\nPod:\n  summary: p\n  parent: Kubernets\n  related: [k8s]\n';
    expect(problemsOf(source)).toEqual([
      'g.yml:6:11: Pod: "parent" names "Kubernets", which is not a term in the glossary; did you mean "Kubernetes"?',
      'g.yml:7:13: Pod: "related" names "k8s", an alias of "Kubernetes": name the term by its key',
    ]);
  });

  it('rejects a parent that names the entry itself or forms a cycle', () => {
    expect(problemsOf('A:\n  summary: s\n  parent: A\n')).toEqual(['g.yml:3:11: A: "parent" names the entry itself']);
    expect(problemsOf('A:\n  summary: s\n  parent: B\nB:\n  summary: b\n  parent: A\n')).toEqual(['g.yml:1:1: A: "parent" forms a cycle (A -> B -> A)']);
  });

  it('breaks a parent cycle at the entry it is reported at, so no term is both parent and child of another', () => {
    const { glossary } = load(['g.yml', 'A:\n  summary: a\n  parent: B\nB:\n  summary: b\n  parent: C\nC:\n  summary: c\n  parent: A\nD:\n  summary: d\n  parent: A\n']);
    expect(glossary.entries.map((entry) => [entry.key, entry.parent])).toEqual([
      ['A', undefined],
      ['B', 'C'],
      ['C', 'A'],
      ['D', 'A'],
    ]);
  });

  it('drops a parent or related term that names the entry itself, keeping the others', () => {
    const { glossary, problems } = load(['g.yml', 'A:\n  summary: a\n  parent: A\n  related: [B, A]\nB:\n  summary: b\n']);
    expect(problems.map(formatProblem)).toEqual(['g.yml:3:11: A: "parent" names the entry itself', 'g.yml:4:16: A: "related" names the entry itself']);
    expect(glossary.byKey.get('A')?.parent).toBeUndefined();
    expect(glossary.byKey.get('A')?.related).toEqual(['B']);
  });

  it('rejects the same term defined twice across files, naming the first place', () => {
    const problems = load(['a.yml', 'EKS:\n  summary: a\n'], ['b.yml', 'X:\n  summary: x\nEKS:\n  summary: b\n']).problems.map(formatProblem);
    expect(problems).toEqual(['b.yml:3:1: term "EKS" is already defined at a.yml:1:1']);
  });

  it('rejects an alias that is another term or another alias', () => {
    const problems = load(
      ['a.yml', 'EKS:\n  summary: a\n  aliases: [Amazon EKS]\n'],
      ['b.yml', 'X:\n  summary: x\n  aliases: [EKS, Y, Amazon EKS]\n'],
    ).problems.map(formatProblem);
    expect(problems).toEqual([
      'b.yml:3:13: X: "EKS" is already used by term "EKS" at a.yml:1:1',
      'b.yml:3:21: X: "Amazon EKS" is already used by term "EKS" at a.yml:3:13',
    ]);
  });

  it('treats spellings that differ only in case as the same when a term ignores case', () => {
    expect(problemsOf('kubectl:\n  summary: k\n  case_sensitive: false\nKubectl:\n  summary: K\n')).toEqual([
      'g.yml:4:1: Kubectl: "Kubectl" is already used by term "kubectl" at g.yml:1:1',
      'g.yml:4:1: terms "kubectl" (g.yml:1:1) and "Kubectl" both have the slug "kubectl"; give one of them a "slug:"',
    ]);
    expect(problemsOf('Pod:\n  summary: p\nPOD:\n  summary: q\n  slug: pod-upper\n')).toEqual([]);
  });

  it('rejects an alias that repeats its own term', () => {
    expect(problemsOf('A:\n  summary: s\n  aliases: [A]\n')).toEqual(['g.yml:3:13: A: alias "A" repeats "A" of the same entry']);
  });

  it('drops a repeated alias of an entry, keeping the first', () => {
    const { glossary, problems } = load(['g.yml', 'A:\n  summary: s\n  aliases: [A, B, C, B]\n']);
    expect(problems.map(formatProblem)).toEqual(['g.yml:3:13: A: alias "A" repeats "A" of the same entry', 'g.yml:3:22: A: alias "B" repeats "B" of the same entry']);
    expect(glossary.byKey.get('A')?.aliases).toEqual(['B', 'C']);
  });

  it('accepts only http and https links', () => {
    expect(
      problemsOf(
        [
          'A:',
          '  summary: s',
          '  links:',
          '    - { title: ok, url: https://example.com/a }',
          '    - { title: bad, url: "javascript:alert(1)" }',
          '    - { title: ftp, url: ftp://example.com/ }',
          '    - { title: x, url: https://example.com/, extra: 1 }',
          '    - just a string',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'g.yml:5:26: A: "links" item 2 "url" must be an http(s) URL, got "javascript:alert(1)"',
      'g.yml:6:26: A: "links" item 3 "url" must be an http(s) URL, got "ftp://example.com/"',
      'g.yml:7:46: A: "links" item 4 has unknown key "extra" (allowed: title, url)',
      'g.yml:8:7: A: "links" item 5 must be a mapping { title, url }, got the string "just a string"',
    ]);
  });

  it('rejects a reading that is not kana', () => {
    expect(problemsOf('A:\n  summary: s\n  reading: eks\n')).toEqual(['g.yml:3:12: A: "reading" must be written in kana, got "eks"']);
  });

  it('rejects terms that are too long, empty or padded', () => {
    const long = 'x'.repeat(300);
    expect(problemsOf(`${long}:\n  summary: s\n`)).toEqual([`g.yml:1:1: term "${'x'.repeat(57)}..." is longer than 100 characters`]);
    expect(problemsOf('A:\n  summary: s\n  aliases: [""]\n')).toEqual(['g.yml:3:13: A: "aliases" item 1 must be a non-empty string, got the string ""']);
    expect(problemsOf('" A":\n  summary: s\n')).toEqual(['g.yml:1:1: term " A" must not start or end with spaces']);
  });

  it('rejects an explicit slug that is not in slug form', () => {
    expect(problemsOf('A:\n  summary: s\n  slug: ../etc\n')).toEqual(['g.yml:3:9: A: "slug" must be lowercase letters, digits and single hyphens, got "../etc"']);
  });

  it('rejects two terms with the same slug, naming both', () => {
    expect(problemsOf('Node.js:\n  summary: a\nnode-js:\n  summary: b\n')).toEqual([
      'g.yml:3:1: terms "Node.js" (g.yml:1:1) and "node-js" both have the slug "node-js"; give one of them a "slug:"',
    ]);
  });

  it('keeps only the first in file order of two terms with the same slug, since the page is its', () => {
    const { glossary } = load(['a.yml', 'EKS:\n  summary: e\n'], ['b.yml', 'eks:\n  summary: lower\n  case_sensitive: false\nECR:\n  summary: r\n']);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['EKS', 'ECR']);
    expect([...glossary.byKey.keys()]).toEqual(['EKS', 'ECR']);
  });

  it('keeps usable entries when others have problems', () => {
    const { glossary, problems } = load(['a.yml', 'A:\n  summary: s\n  related: [Nope]\nB:\n  title: no summary\n'], ['b.yml', 'C: [broken\n']);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['A']);
    expect(problems).toHaveLength(3);
  });

  it('ignores a byte order mark and CRLF line ends', () => {
    const { glossary, problems } = load(['a.yml', '\uFEFFA:\r\n  summary: s\r\n  aliases: [B]\r\n']);
    expect(problems).toEqual([]);
    expect(glossary.byKey.get('A')?.aliases).toEqual(['B']);
  });
});

/**
 * One spelling, two entries: the matcher links it to one of them only, so
 * which one must not depend on how the files happen to be named.
 */
describe('loadGlossary with a spelling that two entries give', () => {
  /** The same two files, first with the alias's file sorting first, then with the term's. */
  const orders: [order: string, termFile: string, aliasFile: string][] = [
    ["the alias's file sorts first", 'z-term.yml', 'a-alias.yml'],
    ["the term's file sorts first", 'a-term.yml', 'z-alias.yml'],
  ];

  // Each alias is the key of the other entry as the matcher compares them.
  const sameName = [
    { name: 'as written', term: 'IAM:\n  summary: i\n', alias: 'IAM', aliasKeys: '' },
    { name: 'in full-width letters (NFKC)', term: 'IAM:\n  summary: i\n', alias: 'ＩＡＭ', aliasKeys: '' },
    { name: 'with typographic quotes', term: '"Let\'s Encrypt":\n  summary: l\n', alias: 'Let’s Encrypt', aliasKeys: '' },
    { name: 'in another case, by an entry that ignores case', term: 'IAM:\n  summary: i\n', alias: 'iam', aliasKeys: '  case_sensitive: false\n' },
    { name: 'in another case, of a term that ignores case', term: 'IAM:\n  summary: i\n  case_sensitive: false\n', alias: 'Iam', aliasKeys: '' },
    { name: 'folded as the matcher folds (ß is ss)', term: 'Straße:\n  summary: s\n  case_sensitive: false\n', alias: 'STRASSE', aliasKeys: '' },
  ];

  for (const { name, term, alias, aliasKeys } of sameName) {
    it.each(orders)(`keeps a term's own name against another entry's alias ${name}, when %s`, (_, termFile, aliasFile) => {
      const termKey = term.slice(0, term.indexOf(':\n')).replace(/^"|"$/g, '');
      const { glossary, problems } = load([termFile, term], [aliasFile, `Terraform:\n  summary: t\n  aliases: [TF, "${alias}"]\n${aliasKeys}`]);
      expect(problems.map(formatProblem)).toEqual([`${aliasFile}:3:17: Terraform: ${JSON.stringify(alias)} is already used by term ${JSON.stringify(termKey)} at ${termFile}:1:1`]);
      expect(glossary.entries.map((entry) => entry.key).sort()).toEqual([termKey, 'Terraform'].sort());
      expect(glossary.byKey.get('Terraform')?.aliases).toEqual(['TF']);
      expect(glossary.byKey.get(termKey)?.aliases).toEqual([]);
    });
  }

  it.each(orders)('keeps an alias that differs from a term only in case when both are case-sensitive, when %s', (_, termFile, aliasFile) => {
    const { glossary, problems } = load([termFile, 'Pod:\n  summary: p\n'], [aliasFile, 'Other:\n  summary: o\n  aliases: [POD]\n']);
    expect(problems).toEqual([]);
    expect(glossary.byKey.get('Other')?.aliases).toEqual(['POD']);
  });

  it.each(orders)('reports a term defined twice at the second file, keeping the first, when %s', (_, termFile, aliasFile) => {
    const [first, second] = [termFile, aliasFile].sort();
    const { glossary, problems } = load([termFile, 'IAM:\n  summary: from term file\n'], [aliasFile, 'IAM:\n  summary: from alias file\n']);
    expect(problems.map(formatProblem)).toEqual([`${second}:1:1: term "IAM" is already defined at ${first}:1:1`]);
    expect(glossary.byKey.get('IAM')?.position.file).toBe(first);
  });

  it('keeps both of two terms the matcher takes for one, reporting the second in file order', () => {
    const { glossary, problems } = load(['a.yml', 'EKS:\n  summary: e\n'], ['b.yml', 'ＥＫＳ:\n  summary: f\n  slug: eks-wide\n']);
    expect(problems.map(formatProblem)).toEqual(['b.yml:1:1: ＥＫＳ: "ＥＫＳ" is already used by term "EKS" at a.yml:1:1']);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['EKS', 'ＥＫＳ']);
  });

  it('gives an alias of two entries to the first in file order, dropping it from the other', () => {
    const { glossary, problems } = load(['a.yml', 'EKS:\n  summary: e\n  aliases: [K8s]\n'], ['b.yml', 'Kubernetes:\n  summary: k\n  aliases: [k8s, Kube]\n  case_sensitive: false\n']);
    expect(problems.map(formatProblem)).toEqual(['b.yml:3:13: Kubernetes: "k8s" is already used by term "EKS" at a.yml:3:13']);
    expect(glossary.byKey.get('EKS')?.aliases).toEqual(['K8s']);
    expect(glossary.byKey.get('Kubernetes')?.aliases).toEqual(['Kube']);
  });

  it('drops an alias that is a term, though an alias of another entry came before it', () => {
    const { glossary, problems } = load(['a.yml', 'X:\n  summary: x\n  aliases: [IAM]\nY:\n  summary: y\n  aliases: [IAM]\n'], ['b.yml', 'IAM:\n  summary: i\n']);
    expect(problems.map(formatProblem)).toEqual([
      'a.yml:3:13: X: "IAM" is already used by term "IAM" at b.yml:1:1',
      'a.yml:6:13: Y: "IAM" is already used by term "IAM" at b.yml:1:1',
    ]);
    expect(glossary.entries.map((entry) => [entry.key, entry.aliases])).toEqual([
      ['X', []],
      ['Y', []],
      ['IAM', []],
    ]);
  });
});
