/**
 * Glossary links inside other links, taken out again.
 *
 * `{% term %}` runs before Markdown, so in link text
 * (`[詳しくは {% term IAM %} の資料](https://…)`) its anchor ends up inside
 * the Markdown link: `<a href="…">詳しくは <a class="glossary-link" …>IAM</a>
 * の資料</a>`. Anchors can't nest: a browser closes the outer link where the
 * inner one starts, splitting the author's link in two. The author's link
 * wins; the glossary link inside it is unwrapped, its text kept as written.
 * Every other byte of the HTML stays as it was.
 */
import { Parser } from 'htmlparser2';

/** `html` without the glossary links (`a.glossary-link`) that sit inside another `a`; `html` itself when there are none. */
export function unnestGlossaryLinks(html: string): string {
  // Cheap test first: most notes have no glossary link of their own.
  if (!html.includes('glossary-link')) return html;
  /** Raw ranges to drop, as flat [start, end) pairs. */
  const drops: number[] = [];
  /** Open `a` elements: true for a nested glossary link being unwrapped. */
  const anchors: boolean[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'a') return;
        const nested = anchors.length > 0 && (attributes['class'] ?? '').split(/\s+/).includes('glossary-link');
        anchors.push(nested);
        if (nested) drops.push(parser.startIndex, parser.endIndex + 1);
      },
      onclosetag(name, implied) {
        if (name !== 'a') return;
        const nested = anchors.pop();
        // An `a` left open closes where its parent does: nothing to drop.
        if (nested && !implied) drops.push(parser.startIndex, parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (drops.length === 0) return html;
  let kept = '';
  let last = 0;
  for (let index = 0; index < drops.length; index += 2) {
    kept += html.slice(last, drops[index]);
    last = drops[index + 1]!;
  }
  return kept + html.slice(last);
}
