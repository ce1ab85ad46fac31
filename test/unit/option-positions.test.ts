import { describe, expect, it } from 'vitest';
import { normalizeOptions } from '../../hexo-study-glossary/src/core/options.js';
import { placeOptionProblems } from '../../hexo-study-glossary/src/core/option-positions.js';
import { load } from 'js-yaml';

/** The problems `normalizeOptions` finds in `config`, placed in it. */
function placed(config: string): string[] {
  const { problems } = normalizeOptions((load(config) as { glossary?: unknown }).glossary);
  return placeOptionProblems(problems, config);
}

describe('placeOptionProblems', () => {
  it('names the line and column of a bad value', () => {
    expect(placed('title: Site\nglossary:\n  enable: true\n  link: firts\n')).toEqual(['_config.yml:4:9: "glossary.link" must be "first" or "all", got "firts"']);
  });

  it('names the key of an unknown option', () => {
    expect(placed('glossary:\n  linkk: all\n')).toEqual(['_config.yml:2:3: unknown option "glossary.linkk"; did you mean "link"?']);
    expect(placed('glossary:\n  auto_tags: { min_mention: 2 }\n')).toEqual(['_config.yml:2:16: unknown option "glossary.auto_tags.min_mention"; did you mean "min_mentions"?']);
  });

  it('names a nested option, and a flow mapping', () => {
    expect(placed('glossary:\n  auto_tags:\n    min_mentions: 0\n')).toEqual(['_config.yml:3:19: "glossary.auto_tags.min_mentions" must be a whole number of at least 1']);
    expect(placed('glossary: { snippets: -1 }\n')).toEqual(['_config.yml:1:23: "glossary.snippets" must be a whole number of at least 0, or "all", got -1']);
  });

  it('names "glossary" itself when it is not a mapping', () => {
    expect(placed('title: Site\nglossary: yes\n')).toEqual(['_config.yml:2:11: "glossary" must be a mapping of options; the defaults are used']);
  });

  it('leaves a message as it is when the file does not have what it names', () => {
    const message = '_config.yml: "glossary.link" must be "first" or "all", got "every"';
    expect(placeOptionProblems([message], 'title: Site\n')).toEqual([message]);
    expect(placeOptionProblems([message], 'glossary: [broken\n')).toEqual([message]);
    expect(placeOptionProblems(['something else'], 'glossary:\n  link: every\n')).toEqual(['something else']);
  });
});
