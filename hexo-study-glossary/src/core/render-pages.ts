/**
 * HTML content of the glossary index, the term pages and the tag index,
 * built from plain data. The theme's `page` layout wraps it (title, date,
 * sidebar), so this is only what goes inside the article.
 *
 * Every string is escaped here; hrefs arrive already percent-encoded (the
 * adapter builds them) and are escaped as attribute values. The one
 * exception is a term's description, which arrives as HTML rendered from
 * the glossary's own Markdown, cleaned to what Markdown writes (safe-html.ts). The words around the data come in as
 * `labels`, in the site's language (see reader-labels.ts).
 */
import { escapeAttribute as attr, escapeText as text } from './escape.js';
import { glossaryLinkOpenTag } from './glossary-anchor.js';
import { otherGroup, type TermGroup } from './group-terms.js';
import type { PageLabels } from './reader-labels.js';
import { termSearchMeta } from './search-markers.js';

export interface PageLink {
  text: string;
  href: string;
}

/** A link to another term's page: a glossary link, with its key and summary as in a note. */
export interface TermLink extends PageLink {
  key: string;
  summary: string;
}

/** A term as the index lists it. */
export interface IndexTerm {
  key: string;
  title: string;
  summary: string;
  href: string;
  /** How many notes mention the term. */
  noteCount: number;
  /** Kana reading, for grouping (see group-terms). */
  reading?: string | undefined;
}

/** A note that mentions a term. */
export interface Backlink {
  title: string;
  href: string;
  /** `iso` goes into `datetime`, `text` is shown. */
  date: { iso: string; text: string } | undefined;
  /** Mentions of the term in the note. */
  count: number;
  /** Text around the first mention; `match` is highlighted. */
  snippet: { before: string; match: string; after: string } | undefined;
}

export interface TermPage {
  key: string;
  title: string;
  summary: string;
  reading: string | undefined;
  /** Rendered from the entry's Markdown; inserted as is. */
  descriptionHtml: string | undefined;
  aliases: readonly string[];
  parent: TermLink | undefined;
  children: readonly TermLink[];
  related: readonly TermLink[];
  links: readonly { title: string; url: string }[];
  /** Newest first. */
  backlinks: readonly Backlink[];
  /**
   * How many of the first backlinks show their date and snippet; the rest
   * show title and mention count only. Default: all of them.
   */
  snippets?: number | undefined;
  /**
   * Whether notes link the term wherever they mention it (the entry's
   * `link`). When not, only the notes that link it with `{% term %}` are
   * listed, and the page says so: "no note mentions this term" was untrue.
   * Default: `true`.
   */
  autoLinked?: boolean | undefined;
  /**
   * How many notes turn the term off (their `glossary_exclude` names it):
   * they are listed only where `{% term %}` links it, and the page says so.
   * Default: 0.
   */
  optedOut?: number | undefined;
  /** The term's tag page, when some note carries that tag. */
  tag: PageLink | undefined;
  indexHref: string;
}

export interface TagEntry {
  name: string;
  href: string;
  count: number;
}

/** The glossary index: a jump bar, then each group with its terms. */
export function renderGlossaryIndex(groups: readonly TermGroup<IndexTerm>[], labels: PageLabels): string {
  if (groups.length === 0) return `<div class="glossary-index"><p class="glossary-empty">${text(labels.empty)}</p></div>`;
  // Letters and kana rows read the same in every language; the last group's name doesn't.
  const label = (group: TermGroup<IndexTerm>): string => (group.id === otherGroup.id ? labels.otherTerms : group.label);
  const jump = groups.map((group) => `<a href="#${attr(groupAnchor(group.id))}">${text(label(group))}</a>`).join('');
  const sections = groups.map((group) => {
    const items = group.terms.map((term) => {
      // The index is in the order of the keys (or readings): an entry leads
      // with its key, so that `EKS` reads as such under E, not as `Amazon EKS`.
      const title = term.key === term.title ? '' : ` <span class="glossary-entry-title">${text(term.title)}</span>`;
      return (
        `<dt class="glossary-entry"><a class="glossary-entry-link" href="${attr(term.href)}">${text(term.key)}</a>${title}` +
        ` <span class="glossary-count">${text(labels.notes(term.noteCount))}</span></dt>` +
        `<dd class="glossary-summary">${text(term.summary)}</dd>`
      );
    });
    return (
      `<section class="glossary-group" id="${attr(groupAnchor(group.id))}">` +
      `<h2 class="glossary-group-title">${text(label(group))}</h2>` +
      `<dl class="glossary-entries">${items.join('')}</dl></section>`
    );
  });
  return `<div class="glossary-index"><nav class="glossary-jump" aria-label="${attr(labels.jumpBar)}">${jump}</nav>${sections.join('')}</div>`;
}

/** The HTML id of a group's section. */
export function groupAnchor(groupId: string): string {
  return `glossary-${groupId}`;
}

/** A term page: what it is, how it relates, and which notes discuss it. */
export function renderTermPage(page: TermPage, labels: PageLabels): string {
  const parts: string[] = [`<p class="glossary-term-summary">${text(page.summary)}</p>`];
  const facts: string[] = [];
  if (page.reading) facts.push(fact(labels.reading, text(page.reading), { searchMeta: termSearchMeta.reading }));
  // A note says a term's name more often than the term's page does, so by
  // text alone a note, or a term whose text is full of it, can rank above the
  // page of the name searched. Pagefind searches metadata too, and ranks a
  // page whose metadata matches higher: the key (below) and the aliases are
  // the page's own names, as the title is.
  if (page.aliases.length) facts.push(fact(labels.aliases, page.aliases.map((alias) => `<span class="glossary-alias">${text(alias)}</span>`).join(', '), { searchMeta: termSearchMeta.aliases }));
  if (page.parent) facts.push(fact(labels.parent, linkTo(page.parent)));
  if (page.children.length) facts.push(fact(labels.children, page.children.map(linkTo).join(', ')));
  if (page.related.length) facts.push(fact(labels.related, page.related.map(linkTo).join(', ')));
  if (facts.length) parts.push(`<dl class="glossary-term-facts">${facts.join('')}</dl>`);
  if (page.descriptionHtml) parts.push(`<div class="glossary-term-description">${page.descriptionHtml}</div>`);
  if (page.links.length) {
    const items = page.links.map((link) => `<li><a class="glossary-official-link" href="${attr(link.url)}" rel="noopener">${text(link.title)}</a></li>`);
    parts.push(section('glossary-term-links', labels.links, `<ul>${items.join('')}</ul>`));
  }
  // Site search indexes what a term page says of the term. The backlinks are
  // the notes' own words (each note is indexed itself), and on a common term
  // they can outweigh the rest of the page a hundredfold.
  parts.push(section('glossary-backlinks', labels.backlinks, backlinkList(page, labels) + tagLink(page, labels), { unindexed: true }));
  parts.push(`<p class="glossary-back" data-pagefind-ignore><a href="${attr(page.indexHref)}">${text(labels.allTerms)}</a></p>`);
  return `<div class="glossary-term" data-term="${attr(page.key)}" data-pagefind-meta="${termSearchMeta.term}[data-term]">${parts.join('')}</div>`;
}

/** The tag index: every tag with its note count, in the order given. */
export function renderTagIndex(tags: readonly TagEntry[], labels: PageLabels): string {
  if (tags.length === 0) return `<div class="tag-index"><p class="tag-index-empty">${text(labels.noTags)}</p></div>`;
  const items = tags.map(
    (tag) =>
      `<li class="tag-index-item"><a class="tag-index-link" href="${attr(tag.href)}">${text(tag.name)}</a>` +
      ` <span class="tag-index-count">${text(labels.notes(tag.count))}</span></li>`,
  );
  return `<div class="tag-index"><ul class="tag-index-list">${items.join('')}</ul></div>`;
}

const collator = new Intl.Collator('ja');

/** Most-used tags first, then by name. */
export function sortTags<T extends { name: string; count: number }>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function backlinkList(page: TermPage, labels: PageLabels): string {
  const explicitOnly =
    page.autoLinked === false ? `<p class="glossary-explicit-only">${text(labels.explicitOnly)}</p>`
    : page.optedOut ? `<p class="glossary-explicit-only">${text(labels.optedOut(page.optedOut))}</p>`
    : '';
  if (page.backlinks.length === 0) return explicitOnly || `<p class="glossary-no-backlinks">${text(labels.noBacklinks)}</p>`;
  // A term can have thousands of backlinks. Appending builds the list about
  // twice as fast as joining an array of items (measured on 1,900 items).
  // Past `snippets`, a note takes a line rather than a paragraph: 1,900 full
  // entries made an 860 KB page that dominated the build's time and memory.
  const full = page.snippets ?? Infinity;
  let list = '<ol class="glossary-backlink-list">';
  let index = 0;
  for (const note of page.backlinks) {
    if (index++ >= full) {
      list +=
        `<li class="glossary-backlink-brief"><a href="${attr(note.href)}">${text(note.title)}</a>` +
        ` <span class="glossary-count">${text(labels.mentions(note.count))}</span></li>`;
      continue;
    }
    const date = note.date ? ` <time class="glossary-backlink-date" datetime="${attr(note.date.iso)}">${text(note.date.text)}</time>` : '';
    const snippet = note.snippet
      ? `<p class="glossary-snippet">${text(note.snippet.before)}<mark>${text(note.snippet.match)}</mark>${text(note.snippet.after)}</p>`
      : '';
    list +=
      `<li class="glossary-backlink"><a class="glossary-backlink-title" href="${attr(note.href)}">${text(note.title)}</a>${date}` +
      ` <span class="glossary-count">${text(labels.mentions(note.count))}</span>${snippet}</li>`;
  }
  return `${explicitOnly}${list}</ol>`;
}

function tagLink(page: TermPage, labels: PageLabels): string {
  if (!page.tag) return '';
  return `<p class="glossary-tag-link"><a href="${attr(page.tag.href)}">${text(labels.tagPage(page.tag.text))}</a></p>`;
}

function fact(label: string, html: string, options: { searchMeta?: string } = {}): string {
  const meta = options.searchMeta ? ` data-pagefind-meta="${attr(options.searchMeta)}"` : '';
  // The labels (読み, 関連する用語…) are on every term page: indexed, a search
  // for 関連 or 表記 listed them all, and they filled the excerpts.
  return `<dt data-pagefind-ignore>${text(label)}</dt><dd${meta}>${html}</dd>`;
}

/**
 * A titled part of a term page. Its heading is left out of site search:
 * every term page has the same ones (公式リンク…), so they matched every
 * term page and filled excerpts. `unindexed`: the whole part is left out
 * of the site search's index (Pagefind).
 */
function section(className: string, heading: string, html: string, { unindexed = false } = {}): string {
  return `<section class="${className}"${unindexed ? ' data-pagefind-ignore' : ''}><h2 data-pagefind-ignore>${text(heading)}</h2>${html}</section>`;
}

/** A glossary link, as a note's: its summary shows on hover and focus there too. */
function linkTo(link: TermLink): string {
  return `${glossaryLinkOpenTag(link.key, link.href, link.summary)}${text(link.text)}</a>`;
}
