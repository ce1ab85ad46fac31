/** The markup of a glossary link, in one place. */
import { escapeAttribute } from './escape.js';

/**
 * The opening tag of a glossary link (the contract: class, href, data-term,
 * then title when there is a summary), every value escaped. The `{% term %}`
 * tag writes its links with it too.
 */
export function glossaryLinkOpenTag(key: string, href: string, title: string | undefined): string {
  return (
    `<a class="glossary-link" href="${escapeAttribute(href)}" data-term="${escapeAttribute(key)}"` +
    (title ? ` title="${escapeAttribute(title)}"` : '') +
    '>'
  );
}

/**
 * The attribute a link gets when another link starts right where it ends
 * (`Kubernetesコントロールプレーン`, two terms with no space between, as
 * Japanese writes them): the stylesheet sets it apart from the next, whose
 * underline otherwise ran on from it as if the two were one link.
 */
export const beforeLinkAttribute = 'data-before-link';

/** `openTag` (any start tag) with `beforeLinkAttribute` last. */
export function withBeforeLink(openTag: string): string {
  return `${openTag.slice(0, -1)} ${beforeLinkAttribute}>`;
}

/**
 * The opening tag of a link to each term, from its URL and summary; made
 * once per term (a note links dozens of terms, a site thousands of times).
 */
export function glossaryLinkOpenTags(link: {
  href: (key: string) => string;
  title?: ((key: string) => string | undefined) | undefined;
}): (key: string) => string {
  const tags = new Map<string, string>();
  return (key) => {
    let tag = tags.get(key);
    if (tag === undefined) tags.set(key, (tag = glossaryLinkOpenTag(key, link.href(key), link.title?.(key))));
    return tag;
  };
}

/**
 * `html` with each glossary link whose href starts with the URL `from`
 * starting with `to` instead (`/glossary/eks/` → `../../glossary/eks/`);
 * `html` itself when it has none. It finds the markup `glossaryLinkOpenTag`
 * writes (class, then href), as the linker and the `{% term %}` tag write
 * every glossary link (a note's own HTML that spells one the same way is
 * one too). Escaped text and attribute values can't look like it.
 */
export function rebaseGlossaryLinks(html: string, from: string, to: string): string {
  const prefix = glossaryLinkStart(from);
  if (from === to || !html.includes(prefix)) return html;
  return html.replaceAll(prefix, glossaryLinkStart(to));
}

/** How a glossary link whose href starts with the URL `href` starts (see `glossaryLinkOpenTag`). */
export function glossaryLinkStart(href: string): string {
  return `<a class="glossary-link" href="${escapeAttribute(href)}`;
}
