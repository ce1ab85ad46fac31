import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

/** stdout of a `--json --silent` run, parsed. */
function json(run: RunResult): Record<string, unknown> {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON:\n${run.output}`);
  }
}

describe('hexo terms on a note that links a link: false term with {% term %}', () => {
  let site: Site;
  let list: RunResult;

  beforeAll(async () => {
    site = makeSite('writing', {
      'source/_posts/tagged.md': '---\ntitle: Tagged\ndate: 2024-03-09 10:00:00\n---\nここでは {% term Secret %} をリンクする。\n',
    });
    list = await site.hexo('terms');
  });
  afterAll(() => site?.dispose());

  it('counts the tag as a mention, as the term page does', () => {
    expect(list.code, list.output).toBe(0);
    expect(list.stdout.split('\n')).toContain('    2         2  Secret  (link: false; counted in the Markdown)');
  });
});

describe('hexo terms on a clean fixture', () => {
  let site: Site;
  const runs: Record<string, RunResult> = {};

  beforeAll(async () => {
    site = makeSite('writing');
    runs.list = await site.hexo('terms');
    runs.listJson = await site.hexo('terms', '--json', '--silent');
    runs.check = await site.hexo('terms', 'check');
    runs.strictJson = await site.hexo('terms', 'check', '--strict', '--json', '--silent');
    runs.typo = await site.hexo('terms', 'check', '--strcit');
    runs.silentTypo = await site.hexo('terms', 'check', '--strcit', '--json', '--silent');
    runs.command = await site.hexo('terms', 'chek');
    runs.hexoOptions = await site.hexo('terms', '--config', '_config.yml', '--draft', '--silent');
  });

  it('refuses an option it does not know, naming the one meant, instead of ignoring it', () => {
    expect(runs.typo!.code).toBe(1);
    expect(runs.typo!.output).toContain('Unknown option --strcit (did you mean --strict?). hexo terms takes --json, --strict, --file.');
  });

  it('says what is wrong with the command line even with --silent, and names the subcommand meant', () => {
    expect(runs.silentTypo!.code).toBe(1);
    expect(runs.silentTypo!.stdout).toBe('');
    expect(runs.silentTypo!.stderr).toContain('Unknown option --strcit (did you mean --strict?)');
    expect(runs.command!.code).toBe(1);
    expect(runs.command!.output).toContain('Unknown arguments: terms chek (did you mean "check"?)');
  });

  it("takes Hexo's own options", () => {
    expect(runs.hexoOptions!.code).toBe(0);
    expect(runs.hexoOptions!.stdout).toContain('notes  mentions  term');
  });
  afterAll(() => site?.dispose());

  it('lists every term with its number of notes and mentions', () => {
    expect(runs.list!.code).toBe(0);
    const rows = runs.list!.stdout.split('\n');
    expect(rows).toContain('notes  mentions  term');
    expect(rows).toContain('    2         2  EKS');
    expect(rows).toContain('    1         2  Liveness Probe');
    expect(rows).toContain('    1         1  スポットインスタンス');
    expect(rows).toContain('    1         1  Secret  (link: false; counted in the Markdown)');
    expect(runs.list!.output).toMatch(/INFO {2}8 terms, 3 notes and pages/);
  });

  it('prints one JSON object with --json (and --silent)', () => {
    const terms = json(runs.listJson!).terms as { key: string; notes: number; mentions: number }[];
    expect(terms).toHaveLength(8);
    expect(terms.find((term) => term.key === 'Pod')).toMatchObject({ notes: 2, mentions: 2, linked: true, file: 'source/_glossary/kubernetes.yml', line: 1 });
  });

  it('finds nothing wrong in correct notes, code, links and an opted-out note', () => {
    expect(runs.check!.code).toBe(0);
    expect(runs.check!.stdout).not.toMatch(/Errors|still to write|no note mentions|Acronyms|misspellings/);
    expect(runs.check!.output).toMatch(/Glossary check: 8 terms, no problems/);
    expect(runs.strictJson!.code).toBe(0);
    expect(json(runs.strictJson!)).toEqual({ errors: [], todo: [], unused: [], acronyms: [], nearMisses: [], compounds: [], kanjiWords: [], summary: { errors: 0, warnings: 0 } });
  });

  describe('hexo terms new', () => {
    const results: Record<string, RunResult> = {};
    let glossaryBefore: string;
    let outsideAfter: { target: string; nothing: string[] };

    beforeAll(async () => {
      glossaryBefore = site.read('source/_glossary/aws.yml');
      // Links out of the glossary folder, as a pull request could add them: to a file, and to none.
      const outside = mkdtempSync(join(tmpdir(), 'glossary-outside-'));
      writeFileSync(join(outside, 'target.yml'), 'Outside:\n  summary: not ours\n');
      symlinkSync(join(outside, 'target.yml'), join(site.dir, 'source/_glossary/link.yml'));
      symlinkSync(join(outside, 'nothing.yml'), join(site.dir, 'source/_glossary/dangling.yml'));
      results.throughLink = await site.hexo('terms', 'new', 'Linked', '--file', 'link.yml');
      results.throughDangling = await site.hexo('terms', 'new', 'Dangling', '--file', 'dangling.yml');
      outsideAfter = { target: readFileSync(join(outside, 'target.yml'), 'utf8'), nothing: readdirNames(outside) };
      rmSync(join(site.dir, 'source/_glossary/link.yml'));
      rmSync(join(site.dir, 'source/_glossary/dangling.yml'));
      rmSync(outside, { recursive: true });
      results.longName = await site.hexo('terms', 'new', 'Long', '--file', `${'a'.repeat(300)}.yml`);
      results.existing = await site.hexo('terms', 'new', 'EKS');
      results.alias = await site.hexo('terms', 'new', 'amazon eks');
      results.badFile = await site.hexo('terms', 'new', 'Nginx', '--file', '../x.yml');
      results.missing = await site.hexo('terms', 'new');
      results.added = await site.hexo('terms', 'new', 'Spot Fleet', '--file', 'kubernetes.yml');
      results.defaultFile = await site.hexo('terms', 'new', 'Nginx');
      results.newFile = await site.hexo('terms', 'new', 'Terraform', '--file', 'iac.yml', '--json', '--silent');
      results.again = await site.hexo('terms', 'new', 'spot fleet');
      results.check = await site.hexo('terms', 'check');
      results.strict = await site.hexo('terms', 'check', '--strict');
      results.generate = await site.hexo('generate');
    });

    it('builds with the stubs, and says each is published as it is', () => {
      expect(results.generate!.code).toBe(0);
      expect(results.generate!.output).toMatch(/source\/_glossary\/kubernetes\.yml:\d+: "Spot Fleet" is still a stub \(its summary starts with TODO\), and is published as it is/);
    });

    it('refuses a term or alias the glossary already has, and writes nothing', () => {
      expect(results.existing!.code).toBe(1);
      expect(results.existing!.output).toContain('"EKS" is already in the glossary: the term "EKS" (source/_glossary/aws.yml:1)');
      expect(results.alias!.code).toBe(1);
      expect(results.alias!.output).toContain('"amazon eks" is already in the glossary: an alias of "EKS"');
      expect(results.again!.code).toBe(1);
      expect(results.again!.output).toContain('the term "Spot Fleet" (source/_glossary/kubernetes.yml:');
      expect(site.read('source/_glossary/aws.yml').startsWith(glossaryBefore)).toBe(true);
    });

    it('refuses to write through a link that leads out of the glossary folder, to a file or to none', () => {
      expect(results.throughLink!.code).toBe(1);
      expect(results.throughLink!.output).toMatch(/Cannot add "Linked" to source\/_glossary\/link\.yml: it leads to \S*target\.yml, outside source\/_glossary\/ \(a symbolic link\)/);
      expect(results.throughDangling!.code).toBe(1);
      expect(results.throughDangling!.output).toMatch(/Cannot add "Dangling" to source\/_glossary\/dangling\.yml: it leads to \S*nothing\.yml/);
      expect(outsideAfter).toEqual({ target: 'Outside:\n  summary: not ours\n', nothing: ['target.yml'] });
    });

    it('says why it cannot write a file, with no stack trace', () => {
      expect(results.longName!.code).toBe(1);
      expect(results.longName!.output).toMatch(/Cannot add "Long" to source\/_glossary\/a{300}\.yml: ENAMETOOLONG/);
      expect(results.longName!.output).not.toMatch(/FATAL|\n\s+at /);
    });

    it('refuses a file outside the glossary folder, and a missing name', () => {
      expect(results.badFile!.code).toBe(1);
      expect(results.badFile!.output).toContain('--file must name a .yml file in source/_glossary/');
      expect(results.missing!.code).toBe(1);
      expect(results.missing!.output).toContain('Usage: hexo terms new <name>');
    });

    it('appends a stub to the chosen file, the first file by default, or a new file', () => {
      expect(results.added!.code).toBe(0);
      expect(results.added!.stdout).toMatch(/^source\/_glossary\/kubernetes\.yml:\d+: added "Spot Fleet"$/m);
      expect(site.read('source/_glossary/kubernetes.yml')).toMatch(/\n\nSpot Fleet:\n {2}summary: TODO [^\n]*\n {2}# title: /);
      expect(results.defaultFile!.code).toBe(0);
      expect(site.read('source/_glossary/aws.yml').startsWith(glossaryBefore)).toBe(true);
      expect(site.read('source/_glossary/aws.yml').slice(glossaryBefore.length)).toMatch(/^\nNginx:\n {2}summary: TODO/);
      expect(json(results.newFile!)).toEqual({ file: 'source/_glossary/iac.yml', line: 1, key: 'Terraform', created: true });
      expect(site.read('source/_glossary/iac.yml')).toMatch(/^Terraform:\n {2}summary: TODO/);
    });

    it('leaves a valid glossary whose stubs `terms check` reports until written', () => {
      expect(results.check!.code).toBe(0);
      expect(results.check!.stdout).toContain('Entries still to write (3)');
      expect(results.check!.stdout).toMatch(/source\/_glossary\/kubernetes\.yml:\d+: "Spot Fleet": the summary is still TODO/);
      expect(results.check!.stdout).not.toContain('Errors');
      expect(results.check!.stdout).not.toContain('no note mentions'); // stubs are listed once
      expect(results.strict!.code).toBe(1);
    });
  });

  it('rejects an unknown subcommand', async () => {
    const run = await site.hexo('terms', 'frobnicate');
    expect(run.code).toBe(1);
    expect(run.output).toContain('Unknown arguments: terms frobnicate');
  });
});

describe('hexo terms check on a fixture with problems', () => {
  let site: Site;
  let check: RunResult;
  let checkJson: RunResult;

  beforeAll(async () => {
    site = makeSite('writing', {
      'source/_glossary/more.yml': ['Unmentioned:', '  summary: どのノートにも出てこない用語。', 'Broken:', '  summary: [1, 2]', 'SNS:', '  title: Amazon SNS', 'ログ:', '  summary: 記録。', ''].join('\n'),
      'source/_posts/typos.md': [
        '---',
        'title: つづりの揺れ',
        'date: 2024-04-05 10:00:00',
        '---',
        'スタックは CloudCormation で作る。', // line 5
        '',
        'Spot Instans は安いが XYZ の都合で止まる。XYZ は略語。SNS で通知する。', // line 7
        '```',
        'Livenss Probe in code is fine',
        '```',
        '# Livenss Probe', // line 11
        '',
        'ログを見る。アプリログも見る。', // line 13
        '',
      ].join('\n'),
    });
    check = await site.hexo('terms', 'check');
    checkJson = await site.hexo('terms', 'check', '--json', '--silent');
  });
  afterAll(() => site?.dispose());

  it('exits 1 on a glossary error, reported as the loader reports it', () => {
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^Errors \(2\)\n {2}source\/_glossary\/more\.yml:4:\d+: Broken: "summary" must be a string/m);
    expect(check.stdout).toMatch(/^ {2}source\/_glossary\/more\.yml:5:1: SNS: "summary" is required/m);
    expect(check.output).toMatch(/Glossary check: 2 errors, \d+ warnings/);
  });

  it('reports unused terms, missing acronyms and misspellings at their lines', () => {
    expect(check.stdout).toContain('Terms no note mentions (1)\n  source/_glossary/more.yml:1: "Unmentioned"');
    expect(check.stdout).toContain('Acronyms missing from the glossary (1)\n  XYZ: 2× in source/_posts/typos.md:7');
    expect(check.stdout).toContain(
      [
        'Possible misspellings (3)',
        '  source/_posts/typos.md:5: "CloudCormation" → did you mean "CloudFormation"?',
        '  source/_posts/typos.md:7: "Spot Instans" → did you mean "Spot Instance" (スポットインスタンス)?',
        '  source/_posts/typos.md:11: "Livenss Probe" → did you mean "Liveness Probe"?',
      ].join('\n'),
    );
  });

  it('lists katakana words that end in a short term the linker leaves unlinked, as information, not warnings', () => {
    expect(check.stdout).toContain('Katakana words that end in a term and are not linked (add one that is a compound as an alias to link it) (1)\n  アプリログ → ログ: 1× in source/_posts/typos.md:13');
    expect(json(checkJson).compounds).toEqual([{ word: 'アプリログ', key: 'ログ', count: 1, locations: [{ file: 'source/_posts/typos.md', line: 13, column: 7 }] }]);
  });

  it('gives machines the same in JSON', () => {
    expect(checkJson.code).toBe(1);
    const report = json(checkJson);
    expect(report.summary).toEqual({ errors: 2, warnings: 5 });
    expect(report.acronyms).toEqual([
      {
        acronym: 'XYZ',
        count: 2,
        locations: [
          { file: 'source/_posts/typos.md', line: 7, column: 19 },
          { file: 'source/_posts/typos.md', line: 7, column: 31 },
        ],
      },
    ]);
    expect((report.nearMisses as { line: number }[]).map((miss) => miss.line)).toEqual([5, 7, 11]);
  });
});

describe('hexo terms check on the real AWS note', () => {
  let site: Site;
  let check: RunResult;
  let strict: RunResult;

  beforeAll(async () => {
    site = makeSite('repo');
    check = await site.hexo('terms', 'check');
    strict = await site.hexo('terms', 'check', '--strict', '--json', '--silent');
  });
  afterAll(() => site?.dispose());

  it('reports the misspellings at their lines, and no others', () => {
    const note = 'source/_posts/aws-study-day2.md';
    const section = /Possible misspellings \((\d+)\)\n((?: {2}.*\n?)*)/.exec(check.stdout);
    expect(section, check.output).not.toBeNull();
    expect(section![2]!.trimEnd().split('\n')).toEqual([
      `  ${note}:132: "CloudCormation" → did you mean "CloudFormation"?`,
      `  ${note}:140: "Spot Instans" → did you mean "Spot Instance" (スポットインスタンス)?`,
      `  ${note}:168: "Liveness prove" → did you mean "Liveness Probe"?`,
      `  ${note}:168: "Readiness prove" → did you mean "Readiness Probe"?`,
      `  ${note}:169: "Livenss Probe" → did you mean "Liveness Probe"?`,
      `  ${note}:176: "livenessProve" → did you mean "livenessProbe" (Liveness Probe)?`,
      `  ${note}:177: "Readinessprove" → did you mean "Readiness Probe"?`,
    ]);
  });

  it('reports acronyms the glossary lacks with where they are, and no errors', () => {
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('Errors');
    expect(check.stdout).toContain('  HTTP: 3× in source/_posts/aws-study-day2.md:95, 112');
    expect(check.stdout).not.toMatch(/^ {2}(EC2|S3|EKS|IAM|VPC|AZ|OK|OFF):/m);
  });

  it('fails with --strict, for CI', () => {
    expect(strict.code).toBe(1);
    expect((json(strict).summary as { errors: number }).errors).toBe(0);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe('hexo terms with the plugin turned off', () => {
  it('fails, saying the glossary is off, rather than passing as a command Hexo does not know', async () => {
    const site = makeSite('writing');
    try {
      site.write('_config.yml', site.read('_config.yml').replace(/^glossary:$/m, 'glossary:\n  enable: false'));
      const run = await site.hexo('terms', 'check', '--strict');
      expect(run.code).toBe(1);
      expect(run.output).toContain('hexo terms: the glossary is turned off (glossary.enable: false in _config.yml)');
    } finally {
      site.dispose();
    }
  });
});
