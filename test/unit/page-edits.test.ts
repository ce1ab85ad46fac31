import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Hexo from 'hexo';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, editsOverlap, type PageEdit } from '../../hexo-study-glossary/src/core/page-edits.js';
import { createHeadAssets } from '../../hexo-study-glossary/src/hexo/head-assets.js';
import { registerPageEdits } from '../../hexo-study-glossary/src/hexo/page-edits.js';
import { registerReaderTheme } from '../../hexo-study-glossary/src/hexo/reader-theme.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

describe('applyEdits', () => {
  it('replaces, removes and inserts, in the order of their positions whatever the order given', () => {
    const html = '<html><head></head><body><a id="x">y</a></body></html>';
    const edits: PageEdit[] = [
      { start: html.indexOf('</head>'), end: html.indexOf('</head>'), text: '<link>' },
      { start: html.indexOf('x'), end: html.indexOf('x') + 1, text: 'z' },
      { start: 0, end: '<html>'.length, text: '<html lang="ja">' },
    ];
    expect(applyEdits(html, edits)).toBe('<html lang="ja"><head><link></head><body><a id="z">y</a></body></html>');
  });

  it('makes insertions at one point in the order given', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }, { start: 1, end: 2, text: 'B' }])).toBe('a12B');
  });

  it('leaves out an edit that starts inside an edit before it, writing nothing twice', () => {
    expect(applyEdits('<a>bcd</a>', [{ start: 0, end: 6, text: 'X' }, { start: 3, end: 3, text: 'Y' }])).toBe('X</a>');
  });

  it('gives back the page itself when there is nothing to edit', () => {
    const html = '<p>x</p>';
    expect(applyEdits(html, [])).toBe(html);
  });

  it('makes non-overlapping edits as making them one at a time, from the last, would', () => {
    // Edits between sorted cut points of the page: none overlaps the next.
    const edited = fc.string({ maxLength: 40 }).chain((html) =>
      fc.array(fc.tuple(fc.nat({ max: html.length }), fc.nat({ max: html.length }), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((pieces) => {
        const points = pieces.flatMap(([a, b]) => [a, b]).sort((a, b) => a - b);
        return { html, edits: pieces.map(([, , text], index): PageEdit => ({ start: points[2 * index]!, end: points[2 * index + 1]!, text })) };
      }),
    );
    fc.assert(
      fc.property(edited, ({ html, edits }) => {
        expect(editsOverlap(edits)).toBe(false);
        let oneByOne = html;
        for (const edit of [...edits].reverse()) oneByOne = oneByOne.slice(0, edit.start) + edit.text + oneByOne.slice(edit.end);
        expect(applyEdits(html, edits)).toBe(oneByOne);
      }),
      { numRuns: runs },
    );
  });
});

describe('editsOverlap', () => {
  it.each([
    ['two replacements of the same characters', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }], true],
    ['an insertion inside a replacement', [{ start: 0, end: 3, text: '' }, { start: 1, end: 1, text: 'x' }], true],
    ['an insertion at the start of a replacement given after it', [{ start: 1, end: 3, text: '' }, { start: 1, end: 1, text: 'x' }], true],
    ['an insertion at the start of a replacement given before it', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 3, text: '' }], false],
    ['an insertion at the end of a replacement', [{ start: 0, end: 3, text: '' }, { start: 3, end: 3, text: 'x' }], false],
    ['two insertions at one point', [{ start: 2, end: 2, text: 'a' }, { start: 2, end: 2, text: 'b' }], false],
    ['replacements side by side', [{ start: 3, end: 5, text: '' }, { start: 0, end: 3, text: '' }], false],
  ])('%s', (_name, edits, overlap) => {
    expect(editsOverlap(edits)).toBe(overlap);
  });
});

describe('registerPageEdits', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  // A real Hexo, whose filter list runs the page filters as a build does
  // (`after_render:html` is stored as `_after_html_render`, which is what
  // Hexo's route rendering runs).
  const site = (): Hexo => {
    const dir = mkdtempSync(join(tmpdir(), 'page-edits-'));
    dirs.push(dir);
    return new Hexo(dir, { silent: true });
  };
  // The plugin's page filter alone (priority 20): Hexo's own, which a
  // started Hexo has too, keep state across pages in module variables.
  const render = async (hexo: Hexo, html: string): Promise<string> => {
    const filters = (hexo.extend.filter.list('_after_html_render') as ((html: string, locals: unknown) => unknown)[]).filter((fn) => (fn as { priority?: number }).priority === 20);
    expect(filters).toHaveLength(1);
    return (await filters[0]!.call(hexo, html, { page: { layout: 'post' } })) as string;
  };
  const find = (text: string, replacement: string) => (html: string): PageEdit[] => {
    const at = html.indexOf(text);
    return at === -1 ? [] : [{ start: at, end: at + text.length, text: replacement }];
  };

  it('makes every editor\'s edits, each found on the page as rendered', async () => {
    const hexo = site();
    const editors = registerPageEdits(hexo);
    const seen: string[] = [];
    editors.add((html, locals) => (seen.push(`${String(locals?.page?.layout)}:${html}`), find('a', 'A')(html)));
    editors.add((html) => (seen.push(html), find('b', 'B')(html)));
    expect(await render(hexo, 'a b')).toBe('A B');
    expect(seen).toEqual(['post:a b', 'a b']);
  });

  it('makes insertions at one point in the order the editors were added', async () => {
    const hexo = site();
    const editors = registerPageEdits(hexo);
    editors.add((html) => [{ start: html.indexOf('</head>'), end: html.indexOf('</head>'), text: '<link>' }]);
    editors.add((html) => [{ start: html.indexOf('</head>'), end: html.indexOf('</head>'), text: '<meta>' }]);
    expect(await render(hexo, '<head></head>')).toBe('<head><link><meta></head>');
  });

  it('makes edits of the same characters one editor after the other, each on the page the one before left', async () => {
    const hexo = site();
    const editors = registerPageEdits(hexo);
    editors.add(find('<b>x</b>', '<i>x</i>'));
    editors.add(find('<i>', '<em>'));
    editors.add(find('x', 'y'));
    expect(await render(hexo, '<b>x</b>')).toBe('<em>y</i>');
  });

  it('makes the theme\'s changes that meet one after the other: a stylesheet link whose URL holds </head>', async () => {
    const hexo = site();
    await hexo.init();
    hexo.config.language = 'ja';
    registerReaderTheme(hexo, createHeadAssets(), registerPageEdits(hexo));
    const page = '<!DOCTYPE html>\n<html>\n<head><title>t</title>\n<link rel="stylesheet" href="https://cdn.example.com/x.css?v=</head>">\n</head>\n<body><section id="main"><p>x</p></section></body>\n</html>';
    const edited = await render(hexo, page);
    // As the separate filters made it: the link removed, then the head's
    // assets put before the `</head>` left.
    expect(edited).toBe(
      '<!DOCTYPE html>\n<html lang="ja">\n<head><title>t</title>\n' +
        '<link rel="stylesheet" href="/css/reader.css"><script src="/js/scroll-regions.js" defer></script><script src="/js/theme-controls.js" defer></script>' +
        '</head>\n<body><section id="main"><p>x</p></section></body>\n</html>',
    );
  });

  it('gives back the page itself when no editor edits it', async () => {
    const hexo = site();
    registerPageEdits(hexo).add(() => []);
    const html = '<p>unchanged</p>';
    expect(await render(hexo, html)).toBe(html);
  });
});
