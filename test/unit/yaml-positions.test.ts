import { describe, expect, it } from 'vitest';
import { loadGlossary, formatProblem } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { frontMatterProblems } from '../../hexo-study-glossary/src/core/front-matter-problems.js';
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

describe('an unquoted value that contains ": "', () => {
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

  it('leaves other bad indentation as js-yaml says it', () => {
    expect(syntaxError('A:\n  summary: x\n   aliases: [a]\n').message).toBe('bad indentation of a mapping entry');
  });
});
