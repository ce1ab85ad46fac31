/**
 * The tree a browser builds from HTML, read with parse5, which follows the
 * HTML standard's tree building (a `<code>` that `</p>` closed is reopened
 * in the next paragraph, `<em>` ends an `<svg>`, links don't nest…): the
 * oracle for where the linker's anchors end up.
 */
import * as parse5 from 'parse5';

export type TreeNode = parse5.DefaultTreeAdapterMap['node'];

/**
 * What a page has before a note's HTML: text (after which a browser ignores
 * `<frameset>`), and the elements the theme puts a note in, which a stray
 * `</div>` in the note closes (the linker's `pageWrappers`, landscape's).
 */
export const pagePrefix = '<!DOCTYPE html><body><p>page</p><div><div><div><section><article><div><div>';

export interface Inserted {
  key: string;
  /** Its ancestors, outermost first: element names, or `[role=…]` for an element with a control's role. */
  ancestors: string[];
}

/**
 * Anchors of the form the linker inserts (exact attributes, in order), with
 * their ancestors, in the tree a browser builds from `html`, a note's HTML
 * inside a page's body.
 */
export function insertedAnchors(html: string): Inserted[] {
  const found: Inserted[] = [];
  const walk = (node: TreeNode, ancestors: string[]): void => {
    if (!('tagName' in node)) return;
    const { attrs } = node;
    const names = attrs.map((attribute) => attribute.name).join(' ');
    if (node.tagName === 'a' && attrs[0]?.value === 'glossary-link' && /^class href data-term( title)?( data-before-link)?$/.test(names)) {
      found.push({ key: attrs[2]!.value, ancestors });
    }
    // An element with a control's role is skipped as the control is.
    const role = attrs.find((attribute) => attribute.name === 'role')?.value.toLowerCase();
    const inside = [...ancestors, role === 'button' || role === 'tab' ? `[role=${role}]` : node.tagName];
    for (const child of node.childNodes) walk(child, inside);
    const content = templateContent(node);
    if (content) for (const child of content.childNodes) walk(child, inside);
  };
  const body = parse5.parse(pagePrefix + html).childNodes[1] as parse5.DefaultTreeAdapterMap['element'];
  for (const child of body.childNodes) walk(child, []);
  return found.map((anchor) => ({ ...anchor, ancestors: anchor.ancestors.filter((name) => name !== 'head' && name !== 'body') }));
}

/**
 * Keys of the glossary links `html` has of its own (`a` elements whose class
 * has `glossary-link`, with a `data-term`), as a browser reads them: not an
 * `<a …>` inside raw text such as an `<iframe>`'s.
 */
export function glossaryLinkKeys(html: string): Set<string> {
  const keys = new Set<string>();
  const walk = (node: TreeNode): void => {
    if (!('childNodes' in node)) return;
    if ('tagName' in node && node.tagName === 'a') {
      const attribute = (name: string) => node.attrs.find((each) => each.name === name)?.value;
      const key = attribute('data-term');
      if (key !== undefined && (attribute('class') ?? '').split(/\s+/).includes('glossary-link')) keys.add(key);
    }
    for (const child of node.childNodes) walk(child);
    const content = templateContent(node);
    if (content) walk(content);
  };
  walk(parse5.parse(pagePrefix + html));
  return keys;
}

/** An HTML `template`'s content; none for other elements, an SVG or MathML `template` included. */
function templateContent(node: TreeNode): parse5.DefaultTreeAdapterMap['documentFragment'] | undefined {
  return 'tagName' in node && node.tagName === 'template' ? (node as Partial<parse5.DefaultTreeAdapterMap['template']>).content : undefined;
}
