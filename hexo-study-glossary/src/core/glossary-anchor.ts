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
