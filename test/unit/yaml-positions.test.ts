import { describe, expect, it } from 'vitest';
import { loadGlossary, formatProblem } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { frontMatterProblems } from '../../hexo-study-glossary/src/hexo/front-matter-problems.js';
import { parseYaml, YamlSyntaxError } from '../../hexo-study-glossary/src/core/yaml-positions.js';

function syntaxError(source: string): YamlSyntaxError {
  try {
    parseYaml(source, 'test.yml');
  } catch (error) {
    if (error instanceof YamlSyntaxError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('a value YAML does not read as text', () => {
  it('says to quote the value, not only that a mapping entry is badly indented', () => {
    const error = syntaxError('EKS:\n  summary: 例: マネージドな Kubernetes\n');
    expect(error.message).toBe(
      'bad indentation of a mapping entry: the value contains ": ", which YAML reads as another key; put it in quotes (summary: "例: マネージドな Kubernetes")',
    );
    expect([error.line, error.column]).toEqual([2, 13]);
  });

  it('is reported at its glossary entry, whose neighbours still load', () => {
    const { glossary, problems } = loadGlossary([{ path: 'g.yml', content: 'A:\n  summary: see: https://example.com/\nB:\n  summary: ok\n' }]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['B']);
    expect(problems.map(formatProblem)).toEqual([
      'g.yml:2:15: YAML: bad indentation of a mapping entry: the value contains ": ", which YAML reads as another key; put it in quotes (summary: "see: https://example.com/")',
    ]);
  });

  it('gets the same hint in front matter', () => {
    const problems = frontMatterProblems('---\ntitle: t\ndescription: 例: EKS\n---\nbody\n');
    expect(problems.map((problem) => problem.message).join('\n')).toContain('put it in quotes (description: "例: EKS")');
  });

  it('says where a quoted value ends too early, and quotes it with the other kind', () => {
    expect(syntaxError("A:\n  summary: 'It's ok'\n").message).toBe(
      'bad indentation of a mapping entry: the value\'s quotes end before the line does; quote all of it with the other kind of quotes (summary: "It\'s ok")',
    );
    expect(syntaxError('A:\n  summary: "He said "hi""\n').message).toContain('(summary: \'He said "hi"\')');
  });

  it('says that Markdown bold or code at the start of a value is YAML syntax, not "unidentified alias" alone', () => {
    expect(syntaxError('A:\n  summary: **EKS** はサービス\n').message).toBe(
      'unidentified alias "*EKS**": a value that starts with * is YAML syntax, not text; put it in quotes (summary: "**EKS** はサービス")',
    );
    expect(syntaxError('A:\n  summary: `kubectl` のこと\n').message).toContain('a value that starts with ` is YAML syntax, not text; put it in quotes (summary: "`kubectl` のこと")');
  });

  it('says a value that starts with [ is a list that must end the line', () => {
    expect(syntaxError('A:\n  summary: [注] 説明\n').message).toBe(
      'bad indentation of a mapping entry: a value that starts with [ is a YAML list, which must end the line; if it is text, put it in quotes (summary: "[注] 説明")',
    );
  });

  it('leaves other bad indentation as js-yaml says it', () => {
    expect(syntaxError('A:\n  summary: x\n   aliases: [a]\n').message).toBe('bad indentation of a mapping entry');
  });
});

describe('an entry written without a space after a key\'s colon', () => {
  it('says the space is missing, where YAML read the entry as text', () => {
    const { problems } = loadGlossary([{ path: 'g.yml', content: 'A:\n  summary:説明\n  aliases:[a]\n' }]);
    expect(problems.map(formatProblem)).toEqual(['g.yml:2:3: A: the entry must be a mapping with at least a "summary"; "summary:" needs a space after the colon']);
  });
});

describe('a line indented with a tab', () => {
  it.each([
    ['at the start of the file', '\tEKS:\n  summary: x\n', 'end of the stream or a document separator is expected'],
    ['after spaces', 'EKS:\n  \tsummary: x\n', 'bad indentation of a mapping entry'],
  ])('says so %s, where js-yaml does not', (_, source, reason) => {
    expect(syntaxError(source).message).toBe(`${reason}: the line is indented with a tab, which YAML does not allow; indent with spaces`);
  });

  it('adds nothing where js-yaml says it', () => {
    expect(syntaxError('EKS:\n\tsummary: x\n').message).toBe('tab characters must not be used in indentation');
  });

  it('adds nothing for a tab inside a line', () => {
    expect(syntaxError('EKS:\n  summary: x\n   aliases:\t[a]\n').message).toBe('bad indentation of a mapping entry');
  });
});

describe('a glossary file of two YAML documents', () => {
  it.each([
    ['that starts with a marker', '---\nA1: {summary: a}\n---\nB1: {summary: b}\n', 3],
    ['that does not', 'A1:\n  summary: a\n# next\n---\nB1:\n  summary: b\n', 4],
  ])('is reported at the marker that starts the second, %s, keeping the entries of both', (_, content, line) => {
    const { glossary, problems } = loadGlossary([{ path: 'multi.yml', content }]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['A1', 'B1']);
    expect(problems.map(formatProblem)).toEqual([
      `multi.yml:${line}:1: YAML: expected a single document in the stream, but found more: one file holds one YAML document; remove the "---" here, or split the file`,
    ]);
  });

  it('is one document when it only ends with a marker', () => {
    expect(loadGlossary([{ path: 'one.yml', content: '---\nA1:\n  summary: a\n...\n' }]).problems).toEqual([]);
  });
});

describe('values nested deeper than js-yaml can read', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('is a syntax error at the deepest bracket, not a crash', () => {
    const error = syntaxError(`Deep:\n  summary: d\n  related: ${deep(20_000)}\n`);
    expect(error.message).toMatch(/^values nested too deeply for YAML to be read \(.*\); flatten this value$/);
    expect([error.line, error.column]).toEqual([3, 20_011]);
  });

  it('costs only its entry of a glossary file, which is named at its line', () => {
    const { glossary, problems } = loadGlossary([{ path: 'deep.yml', content: `Deep:\n  summary: d\n  related: ${deep(20_000)}\nEKS:\n  summary: Managed Kubernetes.\n` }]);
    expect(glossary.entries.map((entry) => entry.key)).toEqual(['EKS']);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^deep\.yml:3:\d+: .*nested too deeply/)]);
  });

  it('is a front matter problem at its line, not a crash', () => {
    const problems = frontMatterProblems(`---\ntitle: t\nextra: ${deep(20_000)}\n---\nbody\n`);
    expect(problems).toEqual([{ line: 3, column: expect.any(Number), message: expect.stringMatching(/^front matter is not valid YAML: values nested too deeply/) }]);
  });
});
