/**
 * HTML of the search box in the theme's header, of its search icon, and
 * of the search page.
 *
 * Both are plain forms that send `q` to the search page, so they work
 * without scripts up to the point where Pagefind (which runs in the
 * browser) takes over. Every inserted value is escaped.
 */
import { escapeAttribute, escapeText } from './escape.js';
import { attributesEdit, findOpenTags, type OpenTag } from './open-tags.js';
import type { PageEdit } from './page-edits.js';
import type { ReaderLabels } from './reader-labels.js';

/** A magnifying glass drawn in the text colour; hidden from screen readers, the button has a name. */
export const searchIcon =
  '<svg aria-hidden="true" focusable="false" width="13" height="13" viewBox="0 0 16 16">' +
  '<circle cx="6.5" cy="6.5" r="5" fill="none" stroke="currentColor" stroke-width="2"/>' +
  '<path d="M10.2 10.2 15 15" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

export interface SearchFormOptions {
  /** URL of the search page (already a URL; escaped here). */
  action: string;
  /** Class of the form; the field and button get `-input` and `-submit` after it. Default: `'search-form'`. */
  className?: string | undefined;
  /** Placeholder of the field. Default: `labels.search`. */
  placeholder?: string | undefined;
}

/**
 * The header's search box. It keeps the markup of Hexo's `search_form`
 * helper (classes `search-form`, `-input`, `-submit`), so the theme's
 * styles and script still apply, but it searches this site. The helper's
 * `button` option (an icon-font glyph in landscape) gives way to an SVG.
 */
export function renderSearchForm(options: SearchFormOptions, labels: ReaderLabels): string {
  const className = options.className || 'search-form';
  const placeholder = options.placeholder ?? labels.search;
  return (
    `<form action="${escapeAttribute(options.action)}" method="get" accept-charset="UTF-8" class="${escapeAttribute(className)}" role="search">` +
    `<input type="search" name="q" class="${escapeAttribute(className)}-input" placeholder="${escapeAttribute(placeholder)}" aria-label="${escapeAttribute(labels.searchField)}">` +
    `<button type="submit" class="${escapeAttribute(className)}-submit" aria-label="${escapeAttribute(labels.search)}">${searchIcon}</button>` +
    '</form>'
  );
}

export interface SearchPageOptions {
  /** URL of the search page itself, where the form sends `q`. */
  action: string;
  /**
   * URL of the folder Pagefind's bundle is served from (`/pagefind/`), or
   * `undefined` to let Pagefind's UI find it from the URL of its own
   * script (`pagefind-ui.js`). Pagefind takes a relative one
   * (`../pagefind/`) as relative to the site's root: with URLs relative to
   * the page, it is left out.
   */
  bundle: string | undefined;
  /** Links offered instead when scripts are off. */
  alternatives: readonly { text: string; href: string }[];
}

/**
 * Content of the search page: a form that works without scripts (it
 * reloads the page with `?q=`), a container for Pagefind's UI, and a note
 * for readers without scripts. The page script hides the form once
 * Pagefind's own box is in place.
 */
export function renderSearchPage(options: SearchPageOptions, labels: ReaderLabels): string {
  const links = options.alternatives
    .map((link) => `<a href="${escapeAttribute(link.href)}">${escapeText(link.text)}</a>`)
    .join(' / ');
  return [
    '<div class="reader-search" data-pagefind-ignore="all">',
    // Before the form, which can't search without scripts: read first.
    `<noscript><p>${escapeText(labels.needsScript)}${links ? ` ${links}` : ''}</p></noscript>`,
    `<form class="reader-search-form" action="${escapeAttribute(options.action)}" method="get" role="search">`,
    `<label for="reader-search-q">${escapeText(labels.searchField)}</label> `,
    '<input id="reader-search-q" type="search" name="q"> ',
    `<button type="submit">${escapeText(labels.search)}</button>`,
    '</form>',
    `<div id="reader-search-results" class="reader-search-results"${options.bundle === undefined ? '' : ` data-bundle="${escapeAttribute(options.bundle)}"`} data-label="${escapeAttribute(labels.searchField)}" data-unavailable="${escapeAttribute(labels.unavailable)}"></div>`,
    '</div>',
  ].join('\n');
}

/**
 * Landscape's header search icon is an `<a>` without `href`: not a link,
 * so keyboards skip it and it does nothing without scripts. This gives it
 * the search page's URL (the search script keeps the theme's in-place
 * box for mouse and keyboard alike).
 */
export function searchIconLink(html: string, href: string): PageEdit | undefined {
  const icon = headerSearchIcon(html);
  return icon && attributesEdit(html, icon, { href });
}

/** Class of landscape's header search icon. */
const iconClass = 'nav-search-btn';
/** The icon's element: only these tags' attributes are read. */
const anchorTag: ReadonlySet<string> = new Set(['a']);

/**
 * The header's search icon, while it has no `href`. The page is tokenized
 * only when the class's name is in it, and only up to the tag that names
 * it: a page without the icon (another theme, a layout without landscape's
 * header) was tokenized whole, about 0.4 ms a page (1.2 s over a build of
 * 2,000 notes), to learn that it has none.
 */
function headerSearchIcon(html: string): OpenTag | undefined {
  for (let at = html.indexOf(iconClass); at !== -1; at = html.indexOf(iconClass, at + iconClass.length)) {
    // The tag ends at the next `>` (landscape's attribute values have none);
    // an occurrence in text, a comment or a script is no tag, and the next
    // one is tried.
    const end = html.indexOf('>', at);
    if (end === -1) return undefined;
    const icon = findOpenTags(html.slice(0, end + 1), isBareSearchIcon, { names: anchorTag, limit: 1 })[0];
    if (icon) return icon;
  }
  return undefined;
}

function isBareSearchIcon(tag: Pick<OpenTag, 'name' | 'attributes'>): boolean {
  return tag.name === 'a' && !('href' in tag.attributes) && (tag.attributes['class'] ?? '').split(/\s+/).includes(iconClass);
}
