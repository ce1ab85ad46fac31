import { describe, expect, it } from 'vitest';
import { siteMenu, siteRelative } from '../../hexo-study-glossary/src/hexo/site-menu.js';

describe('siteMenu', () => {
  it('returns the menu of the site theme options, in order', () => {
    const menu = siteMenu({ menu: { ホーム: '/', 用語集: '/glossary/', タグ: '/tags/' }, rss: false });
    expect(Object.entries(menu ?? {})).toEqual([
      ['ホーム', '/'],
      ['用語集', '/glossary/'],
      ['タグ', '/tags/'],
    ]);
  });

  it('leaves out entries without a URL', () => {
    expect(siteMenu({ menu: { Home: '/', Archives: null, Empty: '' } })).toEqual({ Home: '/' });
  });

  it('returns a copy, so the theme config never shares the site config object', () => {
    const config = { menu: { Home: '/' } };
    expect(siteMenu(config)).not.toBe(config.menu);
  });

  it('returns undefined when the site sets no menu', () => {
    expect(siteMenu(undefined)).toBeUndefined();
    expect(siteMenu({})).toBeUndefined();
    expect(siteMenu({ menu: null })).toBeUndefined();
  });

  it('returns undefined for a menu that is not {label: url}, leaving the theme to deal with it', () => {
    expect(siteMenu({ menu: ['/', '/archives'] })).toBeUndefined();
    expect(siteMenu({ menu: { Home: { url: '/' } } })).toBeUndefined();
    expect(siteMenu({ menu: { Home: 1 } })).toBeUndefined();
  });
});

describe('siteRelative', () => {
  it.each([
    ['/', ''],
    ['/archives', 'archives'],
    ['/glossary/', 'glossary/'],
    ['atom.xml', 'atom.xml'],
    ['//cdn.example.com/x.png', '//cdn.example.com/x.png'],
    ['https://example.com/', 'https://example.com/'],
  ])('gives %j as %j', (url, expected) => {
    expect(siteRelative(url)).toBe(expected);
  });
});
