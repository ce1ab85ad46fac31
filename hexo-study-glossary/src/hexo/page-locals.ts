/**
 * What the plugin's `after_render:html` filters read of a page's template
 * locals (Hexo passes them as the filter's second argument): the page's
 * kind, which generators put in `layout`, its title, and the tag or
 * category a list page shows.
 */
export interface PageLocals {
  /**
   * `tag` and `category`: the name on a tag's or a category's page
   * (hexo-generator-tag, -category); `glossary_mentioned`: on a term page,
   * whether its date is that of a note that mentions the term (generators.ts).
   */
  page?: { layout?: unknown; title?: unknown; tag?: unknown; category?: unknown; glossary_mentioned?: unknown };
}
