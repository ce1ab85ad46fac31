/**
 * Marks what Pagefind should index on a page.
 *
 * Once any page of a site has `data-pagefind-body`, Pagefind indexes only
 * such pages, and only inside that element: the note or glossary entry,
 * not the header, menus and sidebars that repeat on every page. The result
 * title would otherwise be the first `<h1>` on the page, which in
 * landscape is the site's name, so the page's own title goes into a
 * `<meta data-pagefind-meta>` in the head.
 */
import { escapeAttribute } from './escape.js';
import { findOpenTag, findOpenTags, setAttributes } from './open-tags.js';

/** The element whose content is indexed: the theme's first `<article>`, else `<main>`. */
export const searchBodyElements: readonly string[] = Object.freeze(['article', 'main']);

/**
 * `html` marked for indexing under `title`. A page with neither an
 * `<article>` nor a `<main>` comes back unchanged (and so isn't indexed).
 */
export function markSearchable(html: string, title: string | undefined): string {
  if (findOpenTags(html, (tag) => 'data-pagefind-body' in tag.attributes, 1).length > 0) return html;
  const body = searchBodyElements.map((name) => findOpenTag(html, name)).find((tag) => tag !== undefined);
  if (!body) return html;
  let marked = setAttributes(html, body, { 'data-pagefind-body': '' });
  const headEnd = marked.indexOf('</head>');
  if (title && title.trim() !== '' && headEnd >= 0) {
    const meta = `<meta data-pagefind-meta="title[content]" content="${escapeAttribute(title.trim())}">`;
    marked = `${marked.slice(0, headEnd)}${meta}${marked.slice(headEnd)}`;
  }
  return marked;
}
