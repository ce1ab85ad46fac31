/**
 * The ids warehouse gives notes and pages, found in a page's HTML by hand
 * (`storedIdEdits`), as the regular expression that says what one is
 * would find them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedIdEdits } from '../../hexo-study-glossary/src/core/stored-ids.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';

const replaceStoredIds = (html: string, replace: (id: string) => string | undefined): string => applyEdits(html, storedIdEdits(html, replace));

const runs = Number(process.env.FC_RUNS ?? 1000);

/** What an id is: `cuid` and 21 of `[\w-]`, not inside a longer word. */
const storedId = /(?<![\w-])cuid[\w-]{21}(?![\w-])/g;

const id = 'cuidAbC_-0123456789xyzQR';
const upper = (found: string) => found.toUpperCase();

describe('replaceStoredIds', () => {
  it.each([
    ['an id in an attribute', `<a data-id="${id}1">`, `<a data-id="${(id + '1').toUpperCase()}">`],
    ['ids at the start and the end', `${id}1 ${id}2`, `${(id + '1').toUpperCase()} ${(id + '2').toUpperCase()}`],
    ['every id of a page', `${id}1,${id}2`, `${(id + '1').toUpperCase()},${(id + '2').toUpperCase()}`],
    ['an id next to non-ASCII text', `ノート${id}1です`, `ノート${(id + '1').toUpperCase()}です`],
  ])('writes %s', (_, html, expected) => {
    expect(replaceStoredIds(html, upper)).toBe(expected);
  });

  it.each([
    ['an id inside a longer word', `x${id}1`],
    ['an id followed by a word character', `${id}12`],
    ['an id after a hyphen', `-${id}1`],
    ['an id followed by a hyphen', `${id}1-`],
    ['an id one character short', `${id} `],
    ['an id cut short by the end of the page', id],
    ['an id with a character outside [\\w-]', `cuidAbC_-0123.56789xyzQR1`],
    ['an id with a character outside [\\w-] right after cuid', ` cuid.bC_-0123456789xyzQR1 `],
    ['an id with a character outside [\\w-] last', ` cuidAbC_-0123456789xyzQR. `],
    ['a page without one', '<p>cuid と cuidx</p>'],
  ])('leaves %s', (_, html) => {
    expect(replaceStoredIds(html, upper)).toBe(html);
  });

  it('leaves an id run into a longer word, and finds the next one after a near miss', () => {
    // `cuidcuid…`: the first `cuid` is followed by 25 id characters, too
    // many, and the second follows a `d`.
    expect(replaceStoredIds(` cuid${id}1 `, upper)).toBe(` cuid${id}1 `);
    expect(replaceStoredIds(` cu${id}1.`, upper)).toBe(` cu${id}1.`);
    expect(replaceStoredIds(`.${id.slice(0, 10)}.${id}1.`, upper)).toBe(`.${id.slice(0, 10)}.${(id + '1').toUpperCase()}.`);
  });

  it('keeps an id that replace leaves undefined, and returns the page itself when nothing changes', () => {
    const html = `<a data-id="${id}1">`;
    expect(replaceStoredIds(html, () => undefined)).toBe(html);
    expect(replaceStoredIds(html, (found) => found)).toBe(html);
  });

  it('finds what the regular expression finds, in any text', () => {
    // Runs of id characters near an id's length after `cuid` (or part of
    // it), now and then with another character among them, between other
    // text: ids, near misses and their boundaries.
    const idChar = fc.oneof({ arbitrary: fc.constantFrom('a', 'Z', '0', '_', '-'), weight: 60 }, { arbitrary: fc.constantFrom('.', 'ノ'), weight: 1 });
    const candidate = fc
      .tuple(fc.constantFrom('cuid', 'cui', 'uid', 'cuidcuid'), fc.string({ unit: idChar, minLength: 19, maxLength: 23 }))
      .map(([head, tail]) => head + tail);
    const other = fc.constantFrom('', ' ', '.', '"', 'ノ', '\u{1F600}', 'x', '-', 'cuid');
    const html = fc.array(fc.oneof(candidate, other), { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(html, (html) => {
        const seen: string[] = [];
        const got = replaceStoredIds(html, (found) => (seen.push(found), `[${found.length}]`));
        const expected = html.replace(storedId, (found) => `[${found.length}]`);
        expect(got).toBe(expected);
        expect(seen).toEqual(html.match(storedId) ?? []);
      }),
      { numRuns: runs },
    );
  });
});
