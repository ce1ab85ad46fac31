import { describe, expect, it } from 'vitest';
import { headEdits, type HeadEdit } from '../../hexo-study-glossary/src/core/edit-head.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';
import { createHeadAssets } from '../../hexo-study-glossary/src/hexo/head-assets.js';
import { pathUrl } from '../../hexo-study-glossary/src/hexo/urls.js';

const editHead = (html: string, edit: HeadEdit): string => applyEdits(html, headEdits(html, edit));

const page = '<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body><p>x</p></body>\n</html>';

describe('editHead', () => {
  const none = { lang: undefined, markup: '' };

  it('adds the markup just before </head> and leaves every other byte alone', () => {
    const html = editHead(page, { ...none, markup: '<link rel="stylesheet" href="/a.css">' });
    expect(html).toBe(page.replace('</head>', '<link rel="stylesheet" href="/a.css"></head>'));
  });

  it('sets <html lang> in the same pass', () => {
    expect(editHead(page, { lang: 'ja', markup: 'X' })).toBe(page.replace('<html>', '<html lang="ja">').replace('</head>', 'X</head>'));
  });

  it('keeps a lang the theme wrote', () => {
    const own = page.replace('<html>', '<html lang="en">');
    expect(editHead(own, { lang: 'ja', markup: '' })).toBe(own);
  });

  it('uses the first </head> only', () => {
    const twice = `${page}<!-- </head> -->`;
    expect(editHead(twice, { ...none, markup: 'X' })).toBe(twice.replace('</head>', 'X</head>'));
  });

  it('finds an upper-case </HEAD>', () => {
    expect(editHead('<HEAD><TITLE>t</TITLE></HEAD >', { ...none, markup: 'X' })).toBe('<HEAD><TITLE>t</TITLE>X</HEAD >');
  });

  it('returns a fragment without </head> as it is, but for lang', () => {
    const fragment = '<p>no head here</p>';
    expect(editHead(fragment, { lang: 'ja', markup: 'X' })).toBe(fragment);
    expect(editHead('<html><p>x</p></html>', { lang: 'ja', markup: 'X' })).toBe('<html lang="ja"><p>x</p></html>');
  });

  it('returns the page itself when there is nothing to do', () => {
    expect(editHead(page, none)).toBe(page);
  });
});

describe('head assets', () => {
  it('gives every page the markup added for all pages, in the order added', () => {
    const assets = createHeadAssets();
    assets.add('<a>');
    assets.add('<b>');
    expect(assets.markup(undefined)).toBe('<a><b>');
    expect(assets.markup('post')).toBe('<a><b>');
  });

  it('gives markup added for some layouts to pages of those layouts only', () => {
    const assets = createHeadAssets();
    assets.add('<all>');
    assets.add('<glossary>', ['glossary', 'glossary-term']);
    assets.add('<search>', ['search']);
    expect(assets.markup('glossary-term')).toBe('<all><glossary>');
    expect(assets.markup('search')).toBe('<all><search>');
    expect(assets.markup('post')).toBe('<all>');
    expect(assets.markup(undefined)).toBe('<all>');
  });

  it('includes markup added after a page was already served', () => {
    const assets = createHeadAssets();
    assets.add('<a>');
    expect(assets.markup('post')).toBe('<a>');
    assets.add('<b>');
    expect(assets.markup('post')).toBe('<a><b>');
  });

  it("escapes the URLs it makes for attribute values, the site's root included", () => {
    const urls = { relative: false, url: (path: string) => pathUrl('/a"b&c<d>/', path) };
    const assets = createHeadAssets(urls);
    assets.add((url) => `<link rel="stylesheet" href="${url('css/reader.css')}">`);
    expect(assets.markup('post')).toBe('<link rel="stylesheet" href="/a&quot;b&amp;c&lt;d&gt;/css/reader.css">');
    const relative = createHeadAssets({ relative: true, url: (path: string, from?: string) => `../${from}"${path}` });
    relative.add((url) => `<script src="${url('js/x.js')}" defer></script>`);
    expect(relative.markup('post', 'p/index.html')).toBe('<script src="../p/index.html&quot;js/x.js" defer></script>');
  });
});
