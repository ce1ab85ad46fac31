import { describe, expect, it } from 'vitest';
import { defaultOptions, normalizeOptions, pathClash } from '../../hexo-study-glossary/src/core/options.js';

describe('normalizeOptions', () => {
  it('gives the documented defaults when the section is missing', () => {
    expect(normalizeOptions(undefined).options).toEqual({
      enable: true,
      dir: '_glossary',
      path: 'glossary',
      link: 'first',
      autoTags: { minMentions: 1 },
      skip: undefined,
      search: true,
      snippets: 50,
    });
    expect(normalizeOptions(null)).toEqual(normalizeOptions({}));
    expect(normalizeOptions({}).problems).toEqual([]);
  });

  it.each([
    [{ enable: false }, { enable: false }],
    [{ link: 'all' }, { link: 'all' }],
    [{ path: '/terms/' }, { path: 'terms' }],
    [{ dir: '_words' }, { dir: '_words' }],
    [{ dir: '_notes/_terms/' }, { dir: '_notes/_terms' }],
    [{ dir: 'notes/_glossary' }, { dir: 'notes/_glossary' }],
    [{ dir: '.glossary' }, { dir: '.glossary' }],
    [{ dir: 'notes/.terms' }, { dir: 'notes/.terms' }],
    [{ auto_tags: false }, { autoTags: false }],
    [{ auto_tags: true }, { autoTags: { minMentions: 1 } }],
    [{ auto_tags: { min_mentions: 3 } }, { autoTags: { minMentions: 3 } }],
    [{ skip: ['CODE', 'blockquote'] }, { skip: ['code', 'blockquote'] }],
    [{ search: false }, { search: false }],
    [{ snippets: 0 }, { snippets: 0 }],
    [{ snippets: 200 }, { snippets: 200 }],
    [{ snippets: 'all' }, { snippets: Infinity }],
  ])('reads %j', (config, expected) => {
    expect(normalizeOptions(config)).toEqual({ options: expect.objectContaining(expected), problems: [] });
  });

  it('does not change the user config object', () => {
    const config = { path: '/terms/', auto_tags: { min_mentions: 2 } };
    normalizeOptions(config);
    expect(config).toEqual({ path: '/terms/', auto_tags: { min_mentions: 2 } });
  });

  it('never hands out the defaults object itself', () => {
    const { options } = normalizeOptions({});
    expect(options).not.toBe(defaultOptions);
    expect(options.autoTags).not.toBe(defaultOptions.autoTags);
  });

  it.each([
    ['a list', [], '"glossary" must be a mapping of options'],
    ['an unknown option', { linkk: 'all' }, 'unknown option "glossary.linkk"'],
    ['a bad link mode', { link: 'some' }, '"glossary.link" must be "first" or "all", got "some"'],
    ['a path outside the site', { path: '../x' }, '"glossary.path" must be a relative folder'],
    ['a non-boolean enable', { enable: 'yes' }, '"glossary.enable" must be true or false'],
    ['a bad threshold', { auto_tags: { min_mentions: 0 } }, 'min_mentions" must be a whole number of at least 1'],
    ['a misspelt threshold', { auto_tags: { min_mention: 2 } }, 'unknown option "glossary.auto_tags.min_mention"; did you mean "min_mentions"?'],
    ['an unknown key beside the threshold', { auto_tags: { min_mentions: 2, foo: 1 } }, 'unknown option "glossary.auto_tags.foo"'],
    ['a bad skip list', { skip: 'code' }, '"glossary.skip" must be a list of element names'],
    ['a folder Hexo publishes', { dir: 'termsdata' }, '"glossary.dir" must be a folder whose name (or a parent\'s) starts with "_" or "." (like "_glossary"), which Hexo does not publish; got "termsdata"'],
    ['the notes folder', { dir: '_posts' }, '"glossary.dir" "_posts" is where Hexo reads notes'],
    ['a folder in the drafts', { dir: '_drafts/terms' }, '"glossary.dir" "_drafts/terms" is where Hexo reads notes'],
    ['a negative snippet count', { snippets: -1 }, '"glossary.snippets" must be a whole number of at least 0, or "all", got -1'],
    ['a fractional snippet count', { snippets: 2.5 }, '"glossary.snippets" must be a whole number'],
    ['a snippet count in words', { snippets: 'many' }, '"glossary.snippets" must be a whole number of at least 0, or "all", got "many"'],
  ])('rejects %s, naming the option', (_, config, message) => {
    const { problems } = normalizeOptions(config);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('gives a bad option its default and keeps the others as written', () => {
    const { options, problems } = normalizeOptions({ link: 'every', search: false, snippets: 'many', path: 'terms' });
    expect(options).toMatchObject({ link: 'first', search: false, snippets: 50, path: 'terms' });
    expect(problems).toEqual([
      '_config.yml: "glossary.link" must be "first" or "all", got "every"',
      '_config.yml: "glossary.snippets" must be a whole number of at least 0, or "all", got "many"',
    ]);
  });

  it('keeps the plugin off when another option is bad or unknown', () => {
    const { options, problems } = normalizeOptions({ enable: false, link: 'some', linkk: 'all' });
    expect(options.enable).toBe(false);
    expect(problems).toHaveLength(2);
  });
});

describe('pathClash', () => {
  const taken = { tag_dir: 'tags', category_dir: 'categories', archive_dir: '/archives/', 'the search page': 'search/', "Pagefind's index": undefined };

  it('names the setting whose folder the glossary path would share', () => {
    expect(pathClash('tags', taken)).toBe('tag_dir');
    expect(pathClash('tags/terms', taken)).toBe('tag_dir');
    expect(pathClash('archives', taken)).toBe('archive_dir');
    expect(pathClash('search', taken)).toBe('the search page');
  });

  it('compares folders ignoring case, and each of a list of paths', () => {
    expect(pathClash('Tags', taken)).toBe('tag_dir');
    expect(pathClash('rss2.xml', { 'the feed': ['atom.xml', 'rss2.xml'] })).toBe('the feed');
  });

  it('finds a clash either way round: the glossary inside another folder, or another inside the glossary', () => {
    expect(pathClash('notes', { tag_dir: 'notes/tags' })).toBe('tag_dir');
    expect(pathClash('atom.xml', { 'the feed': 'atom.xml' })).toBe('the feed');
  });

  it('finds no clash for a folder of its own, or one that only starts like another', () => {
    expect(pathClash('glossary', taken)).toBeUndefined();
    expect(pathClash('docs/terms', taken)).toBeUndefined();
    expect(pathClash('tagsx', taken)).toBeUndefined();
    expect(pathClash('pagefind', taken)).toBeUndefined();
    expect(pathClash('notes/glossary', { tag_dir: 'notes/tags' })).toBeUndefined();
  });
});
