/**
 * Hexo's list helpers write names into HTML as they are: `tagcloud` (the
 * landscape sidebar's tag cloud), `list_categories`, `list_posts`, and
 * `list_tags` in its non-list styles. Glossary terms become tags (auto
 * tags), so a term like `<script>…</script>` would land in every page's
 * sidebar as markup; a front matter tag, category or title would too.
 * Each helper is wrapped so that names are escaped, after the caller's own
 * `transform` if there is one (a transform that returns markup gets it
 * escaped: no caller here does that).
 */
import type Hexo from 'hexo';
import { escapeText } from '../core/escape.js';

/** Helpers that take `([items], options)` and honour `options.transform(name)`. */
export const escapedHelpers: readonly string[] = ['tagcloud', 'list_categories', 'list_tags', 'list_posts'];

type Helper = (this: unknown, ...args: unknown[]) => unknown;

interface ListOptions {
  transform?: (name: string) => unknown;
  [option: string]: unknown;
}

export function registerSafeListHelpers(hexo: Hexo): void {
  for (const name of escapedHelpers) {
    const original = hexo.extend.helper.get(name) as Helper | undefined;
    if (!original) continue;
    hexo.extend.helper.register(name, function (this: unknown, items?: unknown, options?: unknown) {
      // Hexo's own argument shuffle: `helper(options)` or `helper(items, options)`.
      const onlyOptions = !options && (!items || !Object.prototype.hasOwnProperty.call(items, 'length'));
      const given = ((onlyOptions ? items : options) ?? {}) as ListOptions;
      const transform = given.transform;
      const settings: ListOptions = {
        ...given,
        transform: (text: string) => escapeText(String(transform ? transform(text) : text)),
      };
      return onlyOptions ? original.call(this, settings) : original.call(this, items, settings);
    });
  }
}
