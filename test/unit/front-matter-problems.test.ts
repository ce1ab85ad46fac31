import { describe, expect, it } from 'vitest';
import { commaSeparated, dateProblem, frontMatterLine, frontMatterProblems } from '../../hexo-study-glossary/src/hexo/front-matter-problems.js';

/** `line:column: message` of each problem, for compact expectations. */
function problems(content: string): string[] {
  return frontMatterProblems(content).map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
}

describe('commaSeparated', () => {
  it('splits a list written as one string at commas, Japanese ones too', () => {
    expect(commaSeparated('EKS, IAM')).toEqual(['EKS', 'IAM']);
    expect(commaSeparated('EKS、IAM，VPC ,')).toEqual(['EKS', 'IAM', 'VPC']);
    expect(commaSeparated('EKS')).toEqual(['EKS']);
  });

  // The timeout guards against time growing with the square of the input (tens of seconds here); it measures nothing.
  it('reads a name with 100,000 spaces and no comma as one name', { timeout: 5_000 }, () => {
    expect(commaSeparated(`a${' '.repeat(100_000)}b`)).toEqual([`a${' '.repeat(100_000)}b`]);
  });
});

describe('frontMatterProblems on long lines', () => {
  // The timeout guards against time growing with the square of the input (tens of seconds here); it measures nothing.
  it('reads a date followed by 200,000 spaces as the date, as Hexo does', { timeout: 5_000 }, () => {
    expect(problems(`---\ndate: 2024-03-01${' '.repeat(200_000)}\n---\nbody\n`)).toEqual([]);
  });

  it('reads a date followed by spaces and a comment as the date', () => {
    expect(problems('---\ndate: 2024-03-01   # the day\n---\nbody\n')).toEqual([]);
  });
});

describe('frontMatterProblems', () => {
  it.each([
    ['a note with ordinary front matter', '---\ntitle: ok\ndate: 2024-01-02 10:00:00\ntags: [a, b]\n---\nbody\n'],
    ['a note without front matter', '# Title\n\nbody\n'],
    ['a note with a thematic break and no front matter', 'Intro text.\n---\nmore text\n'],
    ['a note with a colon before a thematic break', 'Note: this is prose\n---\nmore\n'],
    ['separator-last front matter', 'title: ok\ndate: 2024-01-02\n---\nbody\n'],
    ['JSON front matter', ';;;\n"title": "ok",\n"date": "2024-01-02"\n;;;\nbody\n'],
    ['broken JSON in a note that does not start with ;;;', 'text\n;;;\nmore\n'],
    ['an empty date', '---\ntitle: ok\ndate:\n---\nbody\n'],
    ['a date with a time zone', '---\ndate: 2024-01-02T10:00:00+09:00\n---\n'],
    ['a date Hexo reads from words', '---\ndate: Jan 2 2024\n---\n'],
    ['a quoted date', '---\ndate: "2024-02-29 23:59:59"\n---\n'],
  ])('finds nothing wrong with %s', (_, content) => {
    expect(problems(content)).toEqual([]);
  });

  it('accepts a byte order mark, CRLF line ends and tab indentation, as Hexo does', () => {
    const content = '\uFEFF---\r\ntitle: CRLF\r\ntags:\r\n\t- one\r\n\t- two\r\ndate: 2024-03-01\r\n---\r\nbody\r\n';
    expect(problems(content)).toEqual([]);
  });

  it('reports malformed YAML at its line in the file, not in the YAML block', () => {
    // js-yaml reads `date:` as more of the open list: the error is on line 4 of the file, 3 of the YAML.
    expect(problems('---\ntitle: ok\ntags: [a, b\ndate: 2024-01-02\n---\nbody\n')).toEqual([
      '4:1: front matter is not valid YAML: missed comma between flow collection entries; Hexo leaves this file out of the site',
    ]);
    // js-yaml says the end of the YAML block, the closing `---`; the quote opens on line 2.
    expect(problems('---\ntitle: "unclosed\n---\nbody\n')).toEqual([
      '2:8: front matter is not valid YAML: unexpected end of the stream within a double quoted scalar: it opens here and is never closed; Hexo leaves this file out of the site',
    ]);
    expect(problems('---\ntitle: "壊れた: タイトル\ndate: 2024-01-02\ntags: [a]\n---\nbody\n')[0]).toMatch(/^2:8: .*: it opens here and is never closed;/);
  });

  it('counts lines from the first line in separator-last front matter', () => {
    expect(problems('title: ok\ntitle: again\n---\nbody\n')).toEqual([
      '2:1: front matter is not valid YAML: duplicated mapping key "title"; Hexo leaves this file out of the site',
    ]);
  });

  it('counts the same with a byte order mark and CRLF line ends', () => {
    expect(problems('\uFEFF---\r\ntitle: ok\r\nx: [1\r\n---\r\n')).toEqual(problems('---\ntitle: ok\nx: [1\n---\n'));
    expect(problems('\uFEFF---\r\ntitle: ok\r\nx: [1\r\n---\r\n')[0]).toMatch(/^3:4: /);
  });

  it('gives columns in the file when Hexo turned leading tabs into spaces', () => {
    // js-yaml sees `  - a: b: c` and `    z: @bad`; the columns are those of the tabbed lines.
    expect(problems('---\nlist:\n\t- a: b: c\n---\n')).toEqual([
      '3:8: front matter is not valid YAML: bad indentation of a mapping entry: the value contains ": ", which YAML reads as another key; put it in quotes (- a: "b: c"); Hexo leaves this file out of the site',
    ]);
    expect(problems('---\nx:\n\t\ty: 1\n\t\tz: @bad\n---\n')[0]).toMatch(/^4:6: /);
    expect(problems('---\ntitle: ok\ndate:\n\t2024-02-30\n---\n')).toEqual([
      '4:2: "date" is not a real date: 2024-02-30; write it like 2024-01-02 or 2024-01-02 10:00:00',
    ]);
  });

  it('rejects !!js tags like any unknown tag', () => {
    expect(problems('---\ntitle: x\nrun: !!js/function "function () {}"\n---\n')).toEqual([
      // js-yaml marks the end of the tagged value.
      '3:36: front matter is not valid YAML: unknown tag !<tag:yaml.org,2002:js/function>; Hexo leaves this file out of the site',
    ]);
    expect(problems('---\nre: !!js/regexp /a/\n---\n')[0]).toMatch(/^2:\d+: front matter is not valid YAML: unknown tag !<tag:yaml\.org,2002:js\/regexp>/);
  });

  it('reports front matter that is a list, with either separator style', () => {
    expect(problems('---\n- a\n- b\n---\nbody\n')).toEqual([
      '2:1: front matter must be a mapping of "key: value" lines, got a list; Hexo leaves this file out of the site',
    ]);
    expect(problems('- item\n- item\n---\nbody\n')).toEqual([
      '1:1: front matter must be a mapping of "key: value" lines, got a list; Hexo leaves this file out of the site',
    ]);
  });

  it('reports a scalar or comment-only block after a leading ---, which Hexo shows as text', () => {
    expect(problems('---\njust a sentence\n---\nbody\n')).toEqual([
      '2:1: front matter must be a mapping of "key: value" lines, got the string "just a sentence"; Hexo would show it as text',
    ]);
    expect(problems('---\n42\n---\n')).toEqual(['2:1: front matter must be a mapping of "key: value" lines, got the number 42; Hexo would show it as text']);
    expect(problems('---\n# only a comment\n---\n')).toEqual([
      '2:1: front matter must be a mapping of "key: value" lines, got nothing (only comments); Hexo would show it as text',
    ]);
  });

  it('reports JSON front matter that does not parse, at its position when V8 gives one', () => {
    expect(problems(';;;\n"title": "x" "y": 1\n;;;\nbody\n')).toEqual([
      `2:14: front matter after ";;;" is not valid JSON: Expected ',' or '}' after property value in JSON at position 14; Hexo would show it as text`,
    ]);
    expect(problems(';;;\n"title": "x",\n"bad"\n;;;\nbody\n')).toEqual([
      `2:1: front matter after ";;;" is not valid JSON: Unexpected token '}'; Hexo would show it as text`,
    ]);
  });

  it('reports a date Hexo cannot read, at the value', () => {
    expect(problems('---\ntitle: x\ndate: not a date\n---\n')).toEqual([
      '3:7: "date" is not a date Hexo can read: "not a date"; write it like 2024-01-02 or 2024-01-02 10:00:00',
    ]);
    expect(problems('---\nupdated: yesterday\n---\n')).toEqual([
      '2:10: "updated" is not a date Hexo can read: "yesterday"; write it like 2024-01-02 or 2024-01-02 10:00:00',
    ]);
  });

  it('reports days, months and times that do not exist, which Hexo would roll over', () => {
    expect(problems('---\ndate: 2024-02-30\n---\n')).toEqual(['2:7: "date" is not a real date: 2024-02-30; write it like 2024-01-02 or 2024-01-02 10:00:00']);
    expect(problems('---\ndate: 2024-13-01 10:00:00 # comment\n---\n')).toEqual([
      '2:7: "date" is not a real date: 2024-13-01 10:00:00; write it like 2024-01-02 or 2024-01-02 10:00:00',
    ]);
    expect(problems('---\ndate: "2023/02/29"\n---\n')).toEqual(['2:7: "date" is not a real date: "2023/02/29"; write it like 2024-01-02 or 2024-01-02 10:00:00']);
    expect(problems('---\ndate: 2024-01-02 24:30:00\n---\n')).toHaveLength(1);
  });

  it('reports a date of the wrong type', () => {
    expect(problems('---\ndate: 20240102\n---\n')).toEqual(['2:7: "date" must be a date, got the number 20240102; write it like 2024-01-02 or 2024-01-02 10:00:00']);
    expect(problems('---\ndate: [2024]\n---\n')).toEqual(['2:7: "date" must be a date, got a list; write it like 2024-01-02 or 2024-01-02 10:00:00']);
  });

  it('reports a bad date in JSON front matter on the line that names it', () => {
    expect(problems(';;;\n"title": "x",\n"date": "soon"\n;;;\n')).toEqual([
      '3:1: "date" is not a date Hexo can read: "soon"; write it like 2024-01-02 or 2024-01-02 10:00:00',
    ]);
  });
});

describe('dateProblem', () => {
  it.each([
    [new Date('2024-01-02'), '2024-01-02', undefined],
    [new Date('2024-03-01'), '2024-02-30', 'is not a real date'],
    ['2024-02-29', undefined, undefined],
    ['2023-02-29', undefined, 'is not a real date'],
    ['garbage', undefined, 'is not a date Hexo can read'],
    [true, undefined, 'must be a date, got the boolean true'],
    [null, undefined, undefined],
    ['', undefined, undefined],
  ])('judges %j (written %j)', (value, raw, expected) => {
    const message = dateProblem('date', value, raw);
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(expected);
  });
});

describe("the plugin's front matter switches", () => {
  it.each([
    ['glossary: false', 'glossary: false'],
    ['glossary: true', 'glossary: true'],
    ['an empty glossary', 'glossary:'],
    ['a list of terms to exclude', 'glossary_exclude: [EKS, "IAM ロール"]'],
    ['one term to exclude', 'glossary_exclude: EKS'],
  ])('accepts %s', (_name, line) => {
    expect(problems(`---\ntitle: ok\n${line}\n---\nbody\n`)).toEqual([]);
  });

  it.each([
    ['glossary: no', 'glossary: no', '3:11: "glossary" must be true or false, got the string "no"; the note is linked as if it were true'],
    ['glossary: "false"', 'glossary: "false"', '3:11: "glossary" must be true or false, got the string "false"; the note is linked as if it were true'],
    ['glossary: 0', 'glossary: 0', '3:11: "glossary" must be true or false, got the number 0; the note is linked as if it were true'],
    ['glossary_exclude as a mapping', 'glossary_exclude: {EKS: 1}', '3:19: "glossary_exclude" must be a list of terms, got a mapping'],
    ['glossary_exclude with a number', 'glossary_exclude: [EKS, 5]', '3:19: "glossary_exclude" must be a list of terms, got a list with other things than names'],
  ])('reports %s at its value', (_name, line, message) => {
    expect(problems(`---\ntitle: ok\n${line}\n---\nbody\n`)).toEqual([message]);
  });
});

describe('front matter that is never closed', () => {
  it('is reported at its opening line', () => {
    expect(problems('---\ntitle: broken\ndate: 2021-03-03\n\nbody\n')).toEqual([
      '1:1: front matter opened by "---" is never closed (no "---" line after it); Hexo shows the whole file as text, with no title or date',
    ]);
    expect(problems(';;;\n"title": "x"\n')[0]).toMatch(/^1:1: front matter opened by ";;;" is never closed/);
  });

  it('is not confused with empty front matter, a note that starts with text, or one that starts with a thematic break', () => {
    expect(problems('---\n---\nbody\n')).toEqual([]);
    expect(problems('Intro\n\n---\n')).toEqual([]);
    expect(problems('---\n\nA note that opens with a rule.\n')).toEqual([]);
    expect(problems('---\nA note that opens with a rule: and a colon.\n')).toEqual([]);
    expect(problems('---\nNote: this note has no front matter.\n')).toEqual([]);
    expect(problems('---\n\nまとめ\nlink: https://example.com/\nprose\n')).toEqual([]);
  });

  it('is found by two key: value lines, or a key Hexo reads after a long comment', () => {
    expect(problems('---\ncover: a.png\ntoc: true\n\nbody\n')[0]).toMatch(/^1:1: front matter opened by "---" is never closed/);
    expect(problems(`---\n${'# comment\n'.repeat(31)}title: t\n`)[0]).toMatch(/^1:1: front matter opened by "---" is never closed/);
  });

  it('reports spaces after the opening ---, which make Hexo read no front matter', () => {
    expect(problems('--- \ntitle: w4\n---\nbody\n')).toEqual(['1:4: spaces after "---" on the first line: Hexo then reads no front matter, and shows it as text']);
  });

  it('is found when front matter keys follow a heading, a blank line or quotes', () => {
    for (const note of ['---\n# 勉強会メモ\ntitle: t\ndate: 2024-01-02\n', '---\n\ntitle: t\n', "---\n'title': t\n"]) {
      expect(problems(note)[0], note).toMatch(/^1:1: front matter opened by "---" is never closed/);
    }
  });
});

describe('frontMatterLine', () => {
  const note = '\uFEFF---\r\ntitle: t\r\nglossary_exclude:\r\n  - EKS\r\n  - Nope\r\n---\r\nbody\r\n';

  it('gives the line of a key, or of one item of its list, in the file', () => {
    expect(frontMatterLine(note, 'glossary_exclude')).toBe(3);
    expect(frontMatterLine(note, 'glossary_exclude', 1)).toBe(5);
    expect(frontMatterLine('title: t\nglossary_exclude: [A, B]\n---\nbody', 'glossary_exclude', 1)).toBe(2);
  });

  it('gives no line for a missing key or front matter that does not parse', () => {
    expect(frontMatterLine(note, 'tags')).toBeUndefined();
    expect(frontMatterLine('---\ntitle: [\n---\n', 'title')).toBeUndefined();
    expect(frontMatterLine('no front matter', 'title')).toBeUndefined();
  });
});

describe('front matter values Hexo would turn into something else', () => {
  it.each([
    ['tags as a mapping', 'tags: {x: 1}', '3:7: "tags" must be a name or a list of names, got a mapping'],
    ['a tag that is a mapping', 'tags: [a, {b: 1}]', '3:7: "tags" must be a name or a list of names, got an item that is a mapping'],
    ['categories as a mapping', 'categories: {a: b}', '3:13: "categories" must be a name or a list of names, got a mapping'],
    ['a control character in the title', 'title2: x\ntitle: "ctrl\\x01 t"', '4:8: "title" contains the control character U+0001, which the Atom feed (XML) cannot carry'],
  ])('reports %s', (_name, line, message) => {
    expect(problems(`---\ndate: 2024-01-02\n${line}\n---\nbody\n`)).toEqual([message]);
  });

  it('says the last version Hexo read stays on the site when Hexo still holds one', () => {
    const kept = (content: string) => frontMatterProblems(content, { earlierVersionKept: true }).map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
    expect(kept('---\ntitle: ok\ntags: [a, b\ndate: 2024-01-02\n---\nbody\n')).toEqual([
      '4:1: front matter is not valid YAML: missed comma between flow collection entries; Hexo keeps the last version it could read on the site until this is fixed',
    ]);
    expect(kept('---\n- a\n- b\n---\nbody\n')).toEqual([
      '2:1: front matter must be a mapping of "key: value" lines, got a list; Hexo keeps the last version it could read on the site until this is fixed',
    ]);
    // Problems Hexo reads past say nothing of versions.
    expect(kept('---\ndate: sometime\n---\n')).toEqual(problems('---\ndate: sometime\n---\n'));
  });

  it('leaves the tags of a page alone: Hexo reads none', () => {
    expect(frontMatterProblems('---\ntitle: About\ntags: {x: 1}\n---\n', { post: false })).toEqual([]);
  });

  it.each([
    ['a tag list with numbers', 'tags: [5, EKS]'],
    ['category hierarchies', 'categories: [[AWS, EKS], 勉強会]'],
    ['a title with a tab', 'title: "a\\tb"'],
  ])('accepts %s', (_name, line) => {
    expect(problems(`---\ndate: 2024-01-02\n${line}\n---\nbody\n`)).toEqual([]);
  });
});
