/**
 * The site's notes, pages, tags and categories, as every generator and
 * template gets them (`locals.posts`, `site.tags`…), in an order that
 * depends on the sources alone.
 *
 * Hexo lists them in the order it created them, and a clean build creates
 * each one when the read of a note finishes: that order changes from build
 * to build. Generators sort notes by date, keeping that order among notes
 * of the same date (index, archive, tag and category pages, the recent
 * posts widget, the feed), and hexo-generator-sitemap lists tags and
 * categories in it: two builds of the same sources differed, and every
 * deploy of `public/` churned. Here the lists are sorted by what names each
 * one (a note's or page's source file, a tag's name, a category's names
 * from the top); what Hexo stores is left as it is.
 */
import type Hexo from 'hexo';
import { compareCodeUnits } from '../core/stable-order.js';
import { modelRecords } from './model-records.js';

/** warehouse's Query: a list of documents, made again from a sorted list. */
interface Query {
  data: object[];
}

interface CategoryRecord {
  name: string;
  parent?: string;
}

export function registerStableOrder(hexo: Hexo): void {
  const bySource = () => (document: object) => String((document as { source?: unknown }).source);
  const byName = () => (document: object) => String((document as { name?: unknown }).name);
  sortLocal(hexo, 'posts', bySource);
  sortLocal(hexo, 'pages', bySource);
  sortLocal(hexo, 'tags', byName);
  sortLocal(hexo, 'categories', () => categoryNames(hexo));
}

/**
 * Replaces Hexo's getter of `site[name]` with one that sorts what it gives,
 * by the key that `keyOf()` (made once per call) gives each document.
 */
function sortLocal(hexo: Hexo, name: string, keyOf: () => (document: object) => string): void {
  const original = hexo.locals.getters[name];
  if (typeof original !== 'function') return;
  hexo.locals.set(name, () => {
    const query = original() as Query | null | undefined;
    if (!query || !Array.isArray(query.data)) return query;
    const key = keyOf();
    const keyed = query.data.map((document) => ({ document, key: key(document) }));
    keyed.sort((a, b) => compareCodeUnits(a.key, b.key));
    // The same Query class (its own model's), as warehouse's own sort() makes it.
    return Reflect.construct(query.constructor, [keyed.map((item) => item.document)]) as Query;
  });
}

/**
 * A category's names from the top, one NUL apart: Hexo keeps one category
 * per name and parent, so this tells any two apart (`AWS` alone and `AWS`
 * under `勉強会`), and puts a category's children right after it.
 */
function categoryNames(hexo: Hexo): (document: object) => string {
  const records = new Map(modelRecords<CategoryRecord>(hexo, 'Category'));
  return (document) => {
    const names: string[] = [];
    const seen = new Set<CategoryRecord>();
    let current = records.get(String((document as { _id?: unknown })._id));
    // `seen` guards against a parent loop in a hand-edited db.json.
    while (current && !seen.has(current)) {
      seen.add(current);
      names.unshift(current.name);
      current = current.parent ? records.get(current.parent) : undefined;
    }
    return names.join('\u0000');
  };
}
