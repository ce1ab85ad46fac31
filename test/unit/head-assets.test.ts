import { describe, expect, it } from 'vitest';
import { insertIntoHead } from '../../hexo-study-glossary/src/core/insert-into-head.js';
import { createHeadAssets } from '../../hexo-study-glossary/src/hexo/head-assets.js';

const page = '<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body><p>x</p></body>\n</html>';

describe('insertIntoHead', () => {
  it('adds the markup just before </head> and leaves every other byte alone', () => {
    const html = insertIntoHead(page, '<link rel="stylesheet" href="/a.css">');
    expect(html).toBe(page.replace('</head>', '<link rel="stylesheet" href="/a.css"></head>'));
  });

  it('uses the first </head> only', () => {
    const twice = `${page}<!-- </head> -->`;
    expect(insertIntoHead(twice, 'X')).toBe(twice.replace('</head>', 'X</head>'));
  });

  it('finds an upper-case </HEAD>', () => {
    expect(insertIntoHead('<HEAD><TITLE>t</TITLE></HEAD >', 'X')).toBe('<HEAD><TITLE>t</TITLE>X</HEAD >');
  });

  it('returns a fragment without </head> as it is', () => {
    const fragment = '<p>no head here</p>';
    expect(insertIntoHead(fragment, 'X')).toBe(fragment);
  });

  it('returns the page itself when there is nothing to add', () => {
    expect(insertIntoHead(page, '')).toBe(page);
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
});
