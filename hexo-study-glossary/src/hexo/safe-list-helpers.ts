/**
 * Hexo's list helpers write names into HTML as they are: `tagcloud` (the
 * landscape sidebar's tag cloud), `list_categories`, `list_posts`, and
 * `list_tags` in its non-list styles. Glossary terms become tags (auto
 * tags), so a term like `<script>…</script>` would land in every page's
 * sidebar as markup; a front matter tag, category or title would too.
 * Each helper is wrapped so that names are escaped, after the caller's own
 * `transform` if there is one (a transform that returns markup gets it
 * escaped: no caller here does that).
 *
 * `tagcloud` and `list_tags` called without a list of tags (the sidebar's)
 * also leave out tags the site shows no note of: Hexo keeps a draft's tags
 * after a `--draft` build, and its widgets then linked to tag pages that
 * were never written (see tag-counts.ts).
 */
import type Hexo from 'hexo';
import { escapeText } from '../core/escape.js';
import { tagCounts, type CountedTag } from './tag-counts.js';

/** Helpers that take `([items], options)` and honour `options.transform(name)`. */
const escapedHelpers: readonly string[] = ['tagcloud', 'list_categories', 'list_tags', 'list_posts'];

type Helper = (this: unknown, ...args: unknown[]) => unknown;

interface ListOptions {
  transform?: (name: string) => unknown;
  [option: string]: unknown;
}

/** Helpers that list the site's tags when given none. */
const tagsListed = new Set(['tagcloud', 'list_tags']);

interface TagQuery {
  length: number;
  toArray(): CountedTag[];
  filter(test: (tag: CountedTag) => boolean): TagQuery;
}

interface SiteLocals {
  tags?: TagQuery;
  posts?: { length: number; toArray(): { _id?: string }[] };
}

/** The site's tags that some shown note has; `undefined` when every note is shown (the usual case: nothing to leave out). */
function shownTags(hexo: Hexo, site: SiteLocals | undefined): TagQuery | undefined {
  const { tags, posts } = site ?? {};
  if (!tags || !posts || posts.length === hexo.model('Post').length) return undefined;
  const counts = tagCounts(hexo, tags.toArray(), posts.toArray());
  return tags.filter((tag) => counts.has(tag._id));
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
      if (!onlyOptions) return original.call(this, items, settings);
      const shown = tagsListed.has(name) ? shownTags(hexo, (this as { site?: SiteLocals }).site) : undefined;
      return shown ? original.call(this, shown, settings) : original.call(this, settings);
    });
  }
}
