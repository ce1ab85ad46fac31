/**
 * hexo-renderer-marked's `mangle` (on by default) writes each character of
 * a `mailto:` address as a decimal or a hex entity, picked at random: every
 * build wrote a note with an address (`user@example.com` in its text) anew,
 * and with it the pages listing the note and the feed. The entities are
 * written again here, each picked from the character and its place: the
 * address is as hidden from harvesters as before, and the same each build.
 */

/** A `mailto:` whose address is all character references, as `mangle` writes it. */
const mangled = /mailto:((?:&#x?[0-9a-fA-F]+;)+)/g;
const reference = /&#(x?)([0-9a-fA-F]+);/g;

export function stableMailto(html: string): string {
  if (!html.includes('mailto:&#')) return html;
  return html.replace(mangled, (_, references: string) => {
    let index = 0;
    const written = references.replace(reference, (__, hex: string, digits: string) => {
      const code = Number.parseInt(digits, hex ? 16 : 10);
      return (code + index++) % 3 === 0 ? `&#x${code.toString(16)};` : `&#${code};`;
    });
    return `mailto:${written}`;
  });
}
