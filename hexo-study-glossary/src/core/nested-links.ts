/**
 * Glossary links inside other links, taken out again.
 *
 * `{% term %}` runs before Markdown, so in link text
 * (`[詳しくは {% term IAM %} の資料](https://…)`) its anchor ends up inside
 * the Markdown link: `<a href="…">詳しくは <a class="glossary-link" …>IAM</a>
 * の資料</a>`. Anchors can't nest: a browser closes the outer link where the
 * inner one starts, splitting the author's link in two. The author's link
 * wins; the glossary link inside it is unwrapped, its text kept as written.
 * So it is in the other controls the linker never links in (`summary`,
 * `label`, `button`; see link-html.ts): `<summary>{% term EKS %}とは</summary>`
 * made a link inside the button that opens the details, which a click on
 * the term followed instead of opening it. Every other byte of the HTML
 * stays as it was.
 */
import { Parser } from 'htmlparser2';

/** Controls other than `a` that a glossary link must not sit in. */
const controls: ReadonlySet<string> = new Set(['summary', 'label', 'button']);

/**
 * `html` without the glossary links (`a.glossary-link`) that sit inside
 * another `a`, a `summary`, a `label` or a `button`; `html` itself when there are none.
 */
export function unnestGlossaryLinks(html: string): string {
  // Cheap test first: most notes have no glossary link of their own.
  if (!html.includes('glossary-link')) return html;
  /** Raw ranges to drop, as flat [start, end) pairs. */
  const drops: number[] = [];
  /** Open `a` elements: true for a nested glossary link being unwrapped. */
  const anchors: boolean[] = [];
  /** Open controls other than `a`. */
  let controlDepth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (controls.has(name)) controlDepth++;
        if (name !== 'a') return;
        const inside = anchors.length > 0 || controlDepth > 0;
        const nested = inside && (attributes['class'] ?? '').split(/\s+/).includes('glossary-link');
        anchors.push(nested);
        if (nested) drops.push(parser.startIndex, parser.endIndex + 1);
      },
      onclosetag(name, implied) {
        if (controls.has(name)) controlDepth--;
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
