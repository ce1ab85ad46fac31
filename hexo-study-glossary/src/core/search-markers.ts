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
import { Parser } from 'htmlparser2';
import { escapeAttribute } from './escape.js';
import { attributesEdit, findOpenTag, findOpenTags, type OpenTag } from './open-tags.js';
import { applyEdits, type PageEdit } from './page-edits.js';

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
 * The edits that mark `html` for indexing under `title`. A page with
 * neither an `<article>` nor a `<main>` gets none (and so isn't indexed).
 */
export function searchableEdits(html: string, title: string | undefined): PageEdit[] {
  // Tokenizing every page whole to look for a marker cost more than the
  // rest of this function; the attribute's name must be in the text first.
  if (/data-pagefind-body/i.test(html) && findOpenTags(html, (tag) => 'data-pagefind-body' in tag.attributes, { limit: 1 }).length > 0) return [];
  // One name after the other: looking for a `<main>` the page doesn't have
  // tokenizes all of it, so only when there is no `<article>`.
  let body: OpenTag | undefined;
  for (const name of searchBodyElements) if ((body = findOpenTag(html, name))) break;
  if (!body) return [];
  const edits = [attributesEdit(html, body, { 'data-pagefind-body': '' })];
  const headEnd = html.indexOf('</head>');
  if (title && title.trim() !== '' && headEnd >= 0) {
    edits.push({ start: headEnd, end: headEnd, text: `<meta data-pagefind-meta="title[content]" content="${escapeAttribute(title.trim())}">` });
  }
  return edits;
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
 * The Pagefind metadata field that carries the title's words for search
 * (see searchWords): the `title` field itself is the result's heading, so
 * it keeps the title as written and gets no weight (search-client.ts).
 */
export const titleWordsMeta = 'titlewords';

/**
 * Metadata fields whose values Pagefind is given as searchWords, and the
 * field each then goes to.
 */
const spelledOutMeta: Readonly<Record<string, string>> = Object.freeze({
  title: titleWordsMeta,
  [termSearchMeta.term]: termSearchMeta.term,
  [termSearchMeta.aliases]: termSearchMeta.aliases,
  [termSearchMeta.reading]: termSearchMeta.reading,
});

/**
 * Metadata fields whose element's text is left out of the page's text
 * (`data-pagefind-ignore`; Pagefind still reads their metadata): the
 * reading. In the text, Pagefind cut it as it cuts words, unlike the
 * browser's query, so it matched by chance only, and excerpts started with
 * pieces of it (ーえす ElasticKubernetesService, Amazon EKS…).
 */
const metaOnly: readonly string[] = Object.freeze([termSearchMeta.reading]);

/**
 * `text` as metadata words that every word of a query naming a part of it
 * starts.
 *
 * Pagefind splits a metadata value at spaces only, and finds a query word
 * in it when the word is the start of one of those words. The browser cuts
 * a Japanese query into words with Intl.Segmenter, which cuts kana into
 * pieces of one or two characters ("あーるばっく" is あー|る|ば|っ|く), so a
 * reading, or a title such as 権限の棚卸しメモ, matched by its first piece
 * only, and the rest of the query failed. Each word here is repeated from
 * every character a query word can start at, whatever the segmenter cuts:
 * each letter outside the Latin script, and the start of each run of Latin
 * letters and digits (which the segmenter keeps whole). Punctuation starts
 * no word: Pagefind drops it from words and queries alike.
 */
export function searchWords(text: string): string {
  const words = new Set<string>();
  for (const word of text.split(/\s+/)) {
    const chars = Array.from(word);
    chars.forEach((char, i) => {
      if (!/[\p{L}\p{N}]/u.test(char)) return;
      if (latinLike(char) && i > 0 && latinLike(chars[i - 1] ?? '')) return;
      words.add(chars.slice(i).join(''));
    });
  }
  return [...words].join(' ');
}

function latinLike(char: string): boolean {
  return /[\p{Script=Latin}\p{N}]/u.test(char);
}

/**
 * `html` as handed to Pagefind; the page served is unchanged.
 *
 * - An anchor after the title (anchorAfterTitle).
 * - Definitions separated (separateDefinitions).
 * - The metadata of spelledOutMeta given as searchWords: a field read from
 *   an element's text or attribute (`reading`, `term[data-term]`) gets them
 *   as a literal value (`reading:あーるばっく ーるばっく …`); the title keeps
 *   its field and adds `titlewords`. The reading's text leaves the page's
 *   text (metaOnly).
 */
export function pageForIndex(html: string): string {
  return spellOutMeta(separateDefinitions(anchorAfterTitle(html)));
}

/** Class of the theme's title heading in the indexed article (landscape's). */
const searchTitleClass = 'article-title';

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
  const title = tagsMentioning(html, searchTitleClass).find((tag) => (tag.attributes['class'] ?? '').split(/\s+/).includes(searchTitleClass));
  if (!title) return html;
  const close = html.indexOf(`</${title.name}`, title.end);
  const end = close < 0 ? -1 : html.indexOf('>', close);
  if (end < 0) return html;
  const anchor = `<span id="${textAnchorId}" data-pagefind-title="${textAnchorId}"></span>`;
  return html.slice(0, end + 1) + anchor + html.slice(end + 1);
}

/**
 * The opening tags whose source contains `needle` (an attribute's name or
 * value), in document order. Only those tags are parsed: tokenizing every
 * page whole, twice, cost 3.5 ms a page, more than handing it to Pagefind.
 * A `needle` in text or in a comment is in no tag, and not taken.
 */
function tagsMentioning(html: string, needle: string): OpenTag[] {
  const tags: OpenTag[] = [];
  for (let at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + needle.length)) {
    const start = html.lastIndexOf('<', at);
    if (start < 0 || (tags.at(-1)?.end ?? 0) > start) continue;
    const tag = findOpenTags(html.slice(start, html.indexOf('>', at) + 1), () => true, { limit: 1 })[0];
    if (!tag || tag.start !== 0 || tag.end <= at - start) continue;
    tags.push({ ...tag, start, end: start + tag.end });
  }
  return tags;
}

/** The text inside the element that `tag` opens, entities decoded. */
function elementText(html: string, tag: OpenTag): string {
  let text = '';
  let depth = 0;
  let closed = false;
  const parser: Parser = new Parser(
    {
      onopentag() {
        if (!closed) depth += 1;
      },
      ontext(chunk) {
        if (!closed) text += chunk;
      },
      onclosetag() {
        if (!closed && --depth === 0) closed = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // A piece at a time, up to the element's end, not the rest of the page.
  for (let at = tag.start; at < html.length && !closed; at += 1024) parser.write(html.slice(at, at + 1024));
  return text;
}

/** An entry of `data-pagefind-meta`: a field name, and the attribute its value is read from, if any. */
const metaEntry = /^([^[\]]+)(?:\[([^\]]+)\])?$/;

function spellOutMeta(html: string): string {
  // The page is copied once, with every tag rewritten: rewriting it tag by tag copied it each time.
  const edits: PageEdit[] = [];
  for (const tag of tagsMentioning(html, 'data-pagefind-meta')) {
    const meta = tag.attributes['data-pagefind-meta'];
    // A literal value (`type:post`) is taken as written.
    if (meta === undefined || meta.includes(':')) continue;
    const entries = meta.split(',').map((entry) => entry.trim());
    const index = entries.findIndex((entry) => Object.hasOwn(spelledOutMeta, metaEntry.exec(entry)?.[1] ?? ''));
    const [, field = '', attribute] = metaEntry.exec(entries[index] ?? '') ?? [];
    const target = spelledOutMeta[field];
    if (target === undefined) continue;
    const value = attribute === undefined ? elementText(html, tag) : (tag.attributes[attribute.toLowerCase()] ?? '');
    const words = searchWords(value.trim());
    if (words === '') continue;
    // Pagefind takes a literal value for the last entry only.
    if (target === field) entries.splice(index, 1);
    entries.push(`${target}:${words}`);
    const attributes: Record<string, string> = { 'data-pagefind-meta': entries.join(', ') };
    if (attribute === undefined && metaOnly.includes(field)) attributes['data-pagefind-ignore'] = '';
    edits.push(attributesEdit(html, tag, attributes));
  }
  return applyEdits(html, edits);
}
