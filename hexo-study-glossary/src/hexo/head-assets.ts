/**
 * The stylesheets and scripts the plugin adds to pages, at the end of
 * `<head>`. Scripts are `defer`red: they run after the page is parsed, in
 * the order added.
 *
 * Each part of the plugin adds its markup while it registers; the page
 * filter of reader-theme.ts writes it, in the same pass as its other edits
 * of `<head>`. One collection is made per `register(hexo)` call.
 */

export interface HeadAssets {
  /** Add `markup` to every page, or only to pages whose `layout` is one of `layouts`. */
  add(markup: string, layouts?: readonly string[]): void;
  /** Everything added for a page of this `layout`, in the order added. */
  markup(layout: string | undefined): string;
}

export function createHeadAssets(): HeadAssets {
  const entries: { markup: string; layouts: readonly string[] | undefined }[] = [];
  // Pages of one layout get the same markup: join it once per layout.
  const joined = new Map<string | undefined, string>();
  return {
    add(markup, layouts) {
      entries.push({ markup, layouts });
      joined.clear();
    },
    markup(layout) {
      let markup = joined.get(layout);
      if (markup === undefined) {
        markup = entries
          .filter((entry) => !entry.layouts || (layout !== undefined && entry.layouts.includes(layout)))
          .map((entry) => entry.markup)
          .join('');
        joined.set(layout, markup);
      }
      return markup;
    },
  };
}
