/**
 * What the plugin's `after_render:html` filters read of a page's template
 * locals (Hexo passes them as the filter's second argument): the page's
 * kind, which generators put in `layout`, and its title.
 */
export interface PageLocals {
  page?: { layout?: unknown; title?: unknown };
}
