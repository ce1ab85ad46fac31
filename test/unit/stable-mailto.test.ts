import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { stableMailto } from '../../hexo-study-glossary/src/core/stable-mailto.js';

/** hexo-renderer-marked's `mangleEmail`, with the coin flips given. */
function mangle(address: string, flips: boolean[]): string {
  return [...address].map((char, index) => `&#${flips[index % flips.length] ? `x${char.charCodeAt(0).toString(16)}` : char.charCodeAt(0)};`).join('');
}

describe('stableMailto', () => {
  it('writes every mangling of an address the same way, still as entities of the same address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.array(fc.boolean(), { minLength: 1 }), fc.array(fc.boolean(), { minLength: 1 }), (address, one, other) => {
        const first = stableMailto(`<p><a href="mailto:${mangle(address, one)}">${address}</a></p>`);
        const second = stableMailto(`<p><a href="mailto:${mangle(address, other)}">${address}</a></p>`);
        expect(first).toBe(second);
        const href = /href="mailto:([^"]*)"/.exec(first)![1]!;
        expect(href).toMatch(/^(?:&#x?[0-9a-f]+;)+$/);
        expect(decodeHTML(href)).toBe(address);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves HTML without a mangled address alone', () => {
    const html = '<p><a href="mailto:user@example.com">user@example.com</a> &#38; <code>mailto:&amp;</code></p>';
    expect(stableMailto(html)).toBe(html);
  });
});
