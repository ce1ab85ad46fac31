import { describe, expect, it } from 'vitest';
import { asciiWords, camelParts } from '../../hexo-study-glossary/src/core/ascii-words.js';
import { editDistance } from '../../hexo-study-glossary/src/core/edit-distance.js';
import { acronymOf, findMissingAcronyms } from '../../hexo-study-glossary/src/core/find-acronyms.js';
import { proseLines } from '../../hexo-study-glossary/src/core/markdown-prose.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import { allowedDistance, closestSpelling, createSpellChecker, type TermSpelling } from '../../hexo-study-glossary/src/core/near-misses.js';
import { createCaseChecker } from '../../hexo-study-glossary/src/core/case-misses.js';
import { quoteShort, shorten } from '../../hexo-study-glossary/src/core/shorten.js';

describe('proseLines', () => {
  it('keeps one line per line of the file, front matter blanked', () => {
    const lines = proseLines('---\ntitle: EKS\ntags: [IAM]\n---\nEKS body\n');
    expect(lines).toEqual(['', '', '', '', 'EKS body', '']);
  });

  it('blanks fenced code of either kind, at any indentation, and keeps columns elsewhere', () => {
    const lines = proseLines(['a HTTP', '```sh', 'HTTP', '```', '  ~~~~', '  HTTP', '  ~~~~', 'b HTTP'].join('\n'));
    expect(lines.map((line) => line.includes('HTTP'))).toEqual([true, false, false, false, false, false, false, true]);
    expect(lines[7]!.indexOf('HTTP')).toBe(2);
  });

  it('does not close a fence with a shorter or different marker', () => {
    const lines = proseLines(['````', '```', 'HTTP', '~~~~', '````', 'HTTP'].join('\n'));
    expect(lines.map((line) => line.includes('HTTP'))).toEqual([false, false, false, false, false, true]);
  });

  it('blanks inline code, URLs, link targets, tags and comments, but keeps link text', () => {
    const [line] = proseLines('`TLS` see https://example.com/ABC and [the EKS docs](https://x.test/XYZ) <kbd title="IAM">S3</kbd> <!-- ECS -->');
    expect(line).not.toMatch(/TLS|ABC|XYZ|IAM|ECS|kbd/);
    expect(line).toContain('the EKS docs]');
    expect(line).toContain('S3');
  });

  it('blanks comments and Nunjucks blocks that span lines', () => {
    const lines = proseLines(['a <!-- HTTP', 'HTTP', 'HTTP --> EKS', '{# HTTP', 'HTTP #}', '{% codeblock %}', 'HTTP', '{% endcodeblock %}', '{% raw %}HTTP{% endraw %} IAM'].join('\n'));
    expect(lines.map((line) => line.trim())).toEqual(['a', '', 'EKS', '', '', '', '', '', 'IAM']);
  });
});

describe('asciiWords', () => {
  it('splits camelCase and capital runs, keeping digits with what they follow', () => {
    expect(camelParts('livenessProve').map((part) => part.text)).toEqual(['liveness', 'Prove']);
    expect(camelParts('IAMRole').map((part) => part.text)).toEqual(['IAM', 'Role']);
    expect(camelParts('EC2').map((part) => part.text)).toEqual(['EC2']);
    expect(camelParts('k8s').map((part) => part.text)).toEqual(['k8s']);
    expect(camelParts('Readinessprove').map((part) => part.text)).toEqual(['Readinessprove']);
  });

  it('records how each word joins the one before it', () => {
    const words = asciiWords('Spot Instans、AWS-CLI and fooBar.baz');
    expect(words.map((word) => [word.text, word.joint])).toEqual([
      ['Spot', undefined],
      ['Instans', ' '],
      ['AWS', undefined],
      ['CLI', '-'],
      ['and', ' '],
      ['foo', ' '],
      ['Bar', ''],
      ['baz', undefined],
    ]);
    expect(words[1]).toMatchObject({ start: 5, end: 12 });
  });
});

describe('editDistance', () => {
  it.each([
    ['CloudCormation', 'CloudFormation', 1],
    ['spotinstans', 'spotinstance', 2],
    ['livenss', 'liveness', 1],
    ['prove', 'probe', 1],
    ['abcd', 'abdc', 1], // a swap of neighbours is one edit
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s ~ %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops at the cut-off and answers max + 1', () => {
    expect(editDistance('kubernetes', 'cloudwatch', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('allows 1 edit from 5 letters and 2 from 9', () => {
    expect([4, 5, 8, 9, 20].map(allowedDistance)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('findMissingAcronyms', () => {
  const terms = [
    { key: 'EC2', forms: ['EC2'], caseSensitive: true },
    { key: 'AWS Load Balancer Controller', forms: ['AWS Load Balancer Controller', 'AWS ALB Ingress Controller'], caseSensitive: true },
    { key: 'S3', forms: ['S3'], caseSensitive: true },
  ];
  const matcher = createMatcher(terms);
  const forms = new Set(terms.flatMap((term) => term.forms));
  const find = (...lines: string[]) => findMissingAcronyms([{ file: 'a.md', lines }], { matcher, isTermForm: (word) => forms.has(word), isCommonWord: (word) => ['the', 'software', 'is', 'provided'].includes(word) });

  it('reports acronyms the glossary lacks, with count and every place', () => {
    expect(find('HTTP と HTTPS', 'EC2 に HTTP', 'S3 は対象外')).toEqual([
      { acronym: 'HTTP', count: 2, locations: [{ file: 'a.md', line: 1, column: 1 }, { file: 'a.md', line: 2, column: 7 }] },
      { acronym: 'HTTPS', count: 1, locations: [{ file: 'a.md', line: 1, column: 8 }] },
    ]);
  });

  it('skips the parts of a name joined with _ (an environment variable), but not of one joined with -', () => {
    expect(find('環境変数 EKS_CLUSTER_NAME と KUBERNETES_SERVICE_HOST、my_API と API_、SR-IOV').map((item) => item.acronym)).toEqual(['API', 'IOV', 'SR']);
  });

  it('takes an acronym inside a term as covered', () => {
    expect(find('AWS ALB Ingress Controller を入れる')).toEqual([]);
  });

  it('reads acronyms out of camelCase and numbers, and skips plain capitals', () => {
    expect(acronymOf('HTTP503')).toEqual({ text: 'HTTP', offset: 0 });
    expect(acronymOf('10GB')).toEqual({ text: 'GB', offset: 2 });
    expect(acronymOf('L7')).toEqual({ text: 'L7', offset: 0 });
    expect(acronymOf('2024')).toBeUndefined();
    expect(acronymOf('A')).toBeUndefined();
    expect(find('HTTPServer と IAMPolicy、CoreOS と macOS、KubernetesRBAC、90%OFF で OK', 'THE SOFTWARE IS PROVIDED').map((item) => item.acronym)).toEqual([
      'HTTP',
      'IAM',
      'RBAC',
    ]);
  });
});

describe('createSpellChecker', () => {
  const spellings: TermSpelling[] = [
    { key: 'CloudFormation', form: 'CloudFormation' },
    { key: 'CloudFormation', form: 'AWS CloudFormation' },
    { key: 'スポットインスタンス', form: 'スポットインスタンス' },
    { key: 'スポットインスタンス', form: 'Spot Instance' },
    { key: 'Liveness Probe', form: 'Liveness Probe' },
    { key: 'Liveness Probe', form: 'livenessProbe' },
    { key: 'Readiness Probe', form: 'Readiness Probe' },
    { key: 'EKS', form: 'Amazon EKS' },
    { key: 'Fluentd', form: 'Fluentd' },
    { key: 'Pod', form: 'Pod' },
  ];
  const dictionary = new Set(['prove', 'proves', 'fluent', 'the', 'a']);
  const checker = createSpellChecker(spellings, { isCommonWord: (word) => dictionary.has(word) });
  const misses = (line: string) => checker.check('a.md', [line]).map((miss) => [miss.text, miss.suggestion]);

  it.each([
    ['実態はCloudCormationを利用', 'CloudCormation', 'CloudFormation'],
    ['Spot Instans', 'Spot Instans', 'Spot Instance'],
    ['Livenss Probe', 'Livenss Probe', 'Liveness Probe'],
    ['livenessProve を使う', 'livenessProve', 'livenessProbe'],
    ['Readinessprove を使う', 'Readinessprove', 'Readiness Probe'],
    ['# Liveness prove, Readiness prove', 'Liveness prove', 'Liveness Probe'],
    ['getCloudCormationStack()', 'CloudCormation', 'CloudFormation'],
  ])('finds %j', (line, text, suggestion) => {
    expect(misses(line)[0]).toEqual([text, suggestion]);
  });

  it('reports each misspelling of a line once, with its place', () => {
    expect(checker.check('n.md', ['', '# Liveness prove, Readiness prove'])).toEqual([
      { file: 'n.md', line: 2, column: 3, text: 'Liveness prove', suggestion: 'Liveness Probe', key: 'Liveness Probe', distance: 1 },
      { file: 'n.md', line: 2, column: 19, text: 'Readiness prove', suggestion: 'Readiness Probe', key: 'Readiness Probe', distance: 1 },
    ]);
  });

  it.each([
    'CloudFormation と AWS CloudFormation と cloudformation と Cloud Formation',
    'Spot Instances と spot-instance',
    'livenessProbe, liveness probe, Liveness Probes',
    'a CloudFormation stack', // a short word next to a term is not part of a misspelling
    'Amazon ECS is not Amazon EKS', // capitals must match exactly
    'we will prove it; the probe proves it', // common words
    'a fluent speaker and Fluentd',
    'Pods, Podman, PDF', // short words are never compared
    'スポットインスタンス価格',
  ])('leaves correct text alone: %j', (line) => {
    expect(misses(line)).toEqual([]);
  });
});

describe('closestSpelling', () => {
  const spellings = ['kubectl', 'Kubernetes', 'EKS', 'IAMロール', 'CloudFormation'];

  it('suggests the spelling within one edit of a short name, two of a long one', () => {
    expect(closestSpelling('kubctl', spellings)).toBe('kubectl');
    expect(closestSpelling('EKZ', spellings)).toBe('EKS');
    expect(closestSpelling('CloudFromatoin', spellings)).toBe('CloudFormation');
    expect(closestSpelling('IAMロー', spellings)).toBe('IAMロール');
  });

  it('compares ignoring case and width, so a name written in another case finds its term', () => {
    expect(closestSpelling('eks', spellings)).toBe('EKS');
    expect(closestSpelling('ＫＵＢＥＲＮＥＴＥＳ', spellings)).toBe('Kubernetes');
  });

  it('suggests nothing when no spelling is close enough, or the name is too short to guess', () => {
    expect(closestSpelling('Nope', spellings)).toBeUndefined();
    expect(closestSpelling('Kubectlxyz', spellings)).toBeUndefined();
    expect(closestSpelling('EK', spellings)).toBeUndefined();
    expect(closestSpelling('kubctl', [])).toBeUndefined();
  });

  it('prefers the closer spelling, then the earlier one', () => {
    expect(closestSpelling('abcde', ['abxyz', 'abcdx', 'abcdf'])).toBe('abcdx');
  });
});

describe('shorten', () => {
  it('keeps names up to 60 characters, and cuts longer ones to 57 and "..."', () => {
    expect(shorten('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shorten('x'.repeat(61))).toBe(`${'x'.repeat(57)}...`);
    expect(quoteShort('a"b')).toBe('"a\\"b"');
  });
});

describe('createCaseChecker', () => {
  const terms = [
    { key: 'Kubernetes', forms: ['Kubernetes'], caseSensitive: true },
    { key: 'JavaScript', forms: ['JavaScript'], caseSensitive: true },
    { key: 'CloudWatch', forms: ['CloudWatch', 'Amazon CloudWatch'], caseSensitive: true },
    { key: 'kubectl', forms: ['kubectl'], caseSensitive: true },
    { key: 'Service', forms: ['Service'], caseSensitive: true },
    { key: 'EKS', forms: ['EKS'], caseSensitive: true },
    { key: 'Docker', forms: ['Docker'], caseSensitive: false },
    { key: 'Terraform', forms: ['Terraform', 'terraform'], caseSensitive: true },
    { key: 'load balancer', forms: ['load balancer'], caseSensitive: true },
  ];
  const spellings = new Set(terms.flatMap((term) => term.forms));
  const checker = createCaseChecker(terms, {
    isTermSpelling: (text) => spellings.has(text) || text.toLowerCase() === 'docker',
    isCommonWord: (word) => word === 'service',
  });
  const misses = (line: string) => checker.check('a.md', [line]).map((miss) => [miss.text, miss.suggestion]);

  it('reports a case-sensitive term written in another case, with its spelling', () => {
    expect(misses('kubernetes と Javascript と amazon cloudwatch')).toEqual([
      ['kubernetes', 'Kubernetes'],
      ['Javascript', 'JavaScript'],
      ['amazon cloudwatch', 'Amazon CloudWatch'],
    ]);
    expect(misses('amazon  cloudwatch')).toEqual([['amazon  cloudwatch', 'Amazon CloudWatch']]);
    expect(checker.check('n.md', ['', 'なお Cloudwatch は'])).toEqual([
      { file: 'n.md', line: 2, column: 4, text: 'Cloudwatch', suggestion: 'CloudWatch', key: 'CloudWatch', distance: 0 },
    ]);
  });

  it.each([
    ['the terms as written', 'Kubernetes, JavaScript, Amazon CloudWatch, kubectl'],
    ['a term whose space is written as spaces or a tab, which the linker links', 'Amazon  CloudWatch と Amazon\tCloudWatch'],
    ['short spellings', 'eks と Eks'],
    ['another spelling of a term, or a term in any case', 'terraform と DOCKER と docker'],
    ['common words', 'a service of the cluster'],
    ['a lower-case term with a capital first letter, as a sentence starts', 'Kubectl を使う'],
    ['such a term with its space written as two spaces or a tab', 'Load  balancer を使う、Load\tbalancer も'],
    ['host names, paths and addresses', 'kubernetes.io, /javascript/, me@cloudwatch'],
    ['a word that only contains the term', 'kubernetesctl と MyJavascript'],
    ['names and identifiers', 'KUBERNETES_SERVICE_HOST, kubernetes-sigs, my-kubernetes-app, #kubernetes, cloudwatch-logs-bucket'],
    ['text in capitals only', 'KUBERNETES と JAVASCRIPT'],
    ['headings', '## kubernetes の基本'],
    ['link text', '[kubernetes docs]                  を読む'],
  ])('leaves alone %s', (_, line) => {
    expect(misses(line)).toEqual([]);
  });
});
