/**
 * Distinct page paths for tags.
 *
 * Hexo names a tag's page with hexo-util's `slugize`, which turns `C++`
 * and `C#` both into `C` and `...` into nothing: two tags would then share
 * one page (the last one written wins) or land on the tag index itself.
 * Glossary terms become tags, and technical terms are full of such
 * symbols, so this finds those tags and picks a distinct slug for each;
 * the adapter hands the result to Hexo as `tag_map` entries.
 */

import { maxSlugBytes, utf8Length } from './slug.js';

export interface TagSlug {
  name: string;
  /** The slug Hexo would use now. */
  slug: string;
}

/**
 * `tag name → slug` for every tag whose slug is empty, shared, or longer
 * than `maxSlugBytes` (too long for a folder name: a 100-character Japanese
 * term made Hexo's build stop with ENAMETOOLONG). In a shared slug, a tag
 * spelled exactly like the slug keeps it (`C` stays at `/tags/C/`); the
 * others get `safeSlug(name)`, made unique with `-2`, `-3`….
 */
export function tagSlugFixes(tags: readonly TagSlug[], safeSlug: (name: string) => string): Record<string, string> {
  const bySlug = new Map<string, TagSlug[]>();
  for (const tag of tags) {
    const group = bySlug.get(tag.slug);
    if (group) group.push(tag);
    else bySlug.set(tag.slug, [tag]);
  }

  const moving: TagSlug[] = [];
  const taken = new Set<string>();
  for (const [slug, group] of bySlug) {
    if (slug === '' || utf8Length(slug) > maxSlugBytes) {
      moving.push(...group);
      continue;
    }
    if (group.length === 1) {
      taken.add(slug);
      continue;
    }
    const keeper = group.find((tag) => tag.name === slug);
    if (keeper) taken.add(slug);
    moving.push(...group.filter((tag) => tag !== keeper));
  }

  // No prototype: a tag may be called `__proto__` or `constructor`.
  const fixes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const tag of [...moving].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const base = safeSlug(tag.name);
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    taken.add(slug);
    fixes[tag.name] = slug;
  }
  return fixes;
}
