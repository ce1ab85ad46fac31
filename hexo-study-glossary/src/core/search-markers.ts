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
import { findOpenTag, findOpenTags, setAttributes, type OpenTag } from './open-tags.js';

/**
 * What Pagefind leaves out of the indexed element, besides the `<nav>` and
 * `<footer>` it leaves out of its own accord (landscape's newer/older
 * links, share link and tags): landscape's date and category line, which
 * put "2020-07-03" at the start of every result's excerpt.
 */
export const searchIgnoredSelectors: readonly string[] = Object.freeze(['.article-meta']);

/**
 * The names of the Pagefind metadata a term page gives: its key, aliases
 * and reading, which Pagefind searches and ranks as the page's own names
 * (see render-pages.ts). They are for ranking only: Pagefind UI would list
 * them under each result, in English ("Aliases: …"), and the search page
 * leaves them out (search-client.ts).
 */
export const termSearchMeta = Object.freeze({ term: 'term', aliases: 'aliases', reading: 'reading' });

/** The element whose content is indexed: the theme's first `<article>`, else `<main>`. */
export const searchBodyElements: readonly string[] = Object.freeze(['article', 'main']);

/**
 * `html` marked for indexing under `title`. A page with neither an
 * `<article>` nor a `<main>` comes back unchanged (and so isn't indexed).
 */
export function markSearchable(html: string, title: string | undefined): string {
  // Tokenizing every page whole to look for a marker cost more than the
  // rest of this function; the attribute's name must be in the text first.
  if (/data-pagefind-body/i.test(html) && findOpenTags(html, (tag) => 'data-pagefind-body' in tag.attributes, 1).length > 0) return html;
  // One name after the other: looking for a `<main>` the page doesn't have
  // tokenizes all of it, so only when there is no `<article>`.
  let body: OpenTag | undefined;
  for (const name of searchBodyElements) if ((body = findOpenTag(html, name))) break;
  if (!body) return html;
  const marker = { 'data-pagefind-body': '' };
  const headEnd = html.indexOf('</head>');
  if (!title || title.trim() === '' || headEnd < 0) return setAttributes(html, body, marker);
  const meta = `<meta data-pagefind-meta="title[content]" content="${escapeAttribute(title.trim())}">`;
  if (headEnd > body.start) {
    const marked = setAttributes(html, body, marker);
    const end = marked.indexOf('</head>');
    return `${marked.slice(0, end)}${meta}${marked.slice(end)}`;
  }
  // Both edits from slices of the page as given: searching the edited page
  // for </head> would copy it whole first.
  const rest = html.slice(headEnd);
  return html.slice(0, headEnd) + meta + setAttributes(rest, { ...body, start: body.start - headEnd, end: body.end - headEnd }, marker);
}

/**
 * `html` as handed to Pagefind: a space before each `</dt>` and `</dd>`.
 *
 * Pagefind separates the text of paragraphs, headings, list items and
 * table cells, but runs a definition list's together: `<dt>Wombat</dt>
 * <dd>Gamma</dd>` was indexed as the one word "WombatGamma", which a search
 * for "Gamma" found only as a part of it, ranked low, with the run-on text
 * as the excerpt. On a term page that is the reading, the aliases and the
 * related terms, on a note any `<dl>` it has. The page served keeps its
 * markup; a space inside a closing tag's element changes no text a reader
 * sees, nor what `<pre>` shows (where a tag is `&lt;/dd&gt;`).
 */
export function separateDefinitions(html: string): string {
  return html.replace(/<\/d[dt]\s*>/gi, ' $&');
}

/**
 * `html` as handed to Pagefind; the page served is unchanged.
 *
 * - An anchor after the title (anchorAfterTitle).
 * - Definitions separated (separateDefinitions).
 */
export function pageForIndex(html: string): string {
  return separateDefinitions(anchorAfterTitle(html));
}

/** Class of the theme's title heading in the indexed article (landscape's). */
export const searchTitleClass = 'article-title';

/** Id of the anchor that starts a page's text, after its title (see anchorAfterTitle). */
export const textAnchorId = 'pagefind-text';

/**
 * `html` with an anchor for Pagefind after the theme's title heading.
 *
 * The title is indexed with the page's text, where it ranks the page as a
 * heading does (an `<h1>` weighs 7 words); but Pagefind takes the excerpt
 * from where the query's words weigh most, so nearly every excerpt started
 * with the title, which the result already shows as its heading. With an
 * anchor after it, Pagefind gives the title its own section (the page's
 * first "sub result") and the text after it its own, with an excerpt from
 * the text alone; the search page shows that one (search-client.ts).
 */
export function anchorAfterTitle(html: string): string {
  const title = findOpenTags(html, (tag) => (tag.attributes['class'] ?? '').split(/\s+/).includes(searchTitleClass), 1)[0];
  if (!title) return html;
  const close = html.indexOf(`</${title.name}`, title.end);
  const end = close < 0 ? -1 : html.indexOf('>', close);
  if (end < 0) return html;
  const anchor = `<span id="${textAnchorId}" data-pagefind-title="${textAnchorId}"></span>`;
  return html.slice(0, end + 1) + anchor + html.slice(end + 1);
}
