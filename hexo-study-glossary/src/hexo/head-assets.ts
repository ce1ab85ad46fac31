/**
 * The stylesheets and scripts the plugin adds to pages, at the end of
 * `<head>`. Scripts are `defer`red: they run after the page is parsed, in
 * the order added.
 *
 * Each part of the plugin adds its markup while it registers; the page
 * filter of reader-theme.ts writes it, in the same pass as its other edits
 * of `<head>`. One collection is made per `register(hexo)` call.
 *
 * Markup that links a file of the site is made from the file's site path
 * by the site's `PageUrls`: root-absolute, the same for every page of a
 * layout (joined once per layout), or, with `relative_link`, relative to
 * each page (made for it).
 */
import { escapeAttribute } from '../core/escape.js';
import { pathUrl, type PageUrls } from './urls.js';

/**
 * Markup, or what makes it from `url`: the URL of a decoded site path
 * (`css/reader.css`) in the page, escaped for an attribute value (the
 * site's `root` is the user's, written as is).
 */
export type AssetMarkup = string | ((url: (path: string) => string) => string);

export interface HeadAssets {
  /** Add `markup` to every page, or only to pages whose `layout` is one of `layouts`. */
  add(markup: AssetMarkup, layouts?: readonly string[]): void;
  /** Everything added for a page of this `layout` at the route `from` (Hexo's `locals.path`), in the order added. */
  markup(layout: string | undefined, from?: string): string;
}

/** Root-absolute URLs from the site root `/`. */
const rootUrls: PageUrls = { relative: false, url: (path) => pathUrl('/', path) };

export function createHeadAssets(urls: PageUrls = rootUrls): HeadAssets {
  const entries: { markup: AssetMarkup; layouts: readonly string[] | undefined }[] = [];
  // Pages of one layout get the same markup: join it once per layout.
  const joined = new Map<string | undefined, string>();
  const join = (layout: string | undefined, url: (path: string) => string): string => {
    const attributeUrl = (path: string): string => escapeAttribute(url(path));
    return entries
      .filter((entry) => !entry.layouts || (layout !== undefined && entry.layouts.includes(layout)))
      .map((entry) => (typeof entry.markup === 'string' ? entry.markup : entry.markup(attributeUrl)))
      .join('');
  };
  const rootUrl = (path: string): string => urls.url(path);
  return {
    add(markup, layouts) {
      entries.push({ markup, layouts });
      joined.clear();
    },
    markup(layout, from) {
      if (urls.relative && from !== undefined) return join(layout, (path) => urls.url(path, from));
      let markup = joined.get(layout);
      if (markup === undefined) {
        markup = join(layout, rootUrl);
        joined.set(layout, markup);
      }
      return markup;
    },
  };
}
