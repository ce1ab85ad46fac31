/**
 * Puts the pages the plugin generates into the site's sitemap, when
 * hexo-generator-sitemap writes one, and mends the URLs and dates that
 * generator writes wrong (see core/sitemap-entries.ts for why).
 *
 * The generators record each page as they return it; after every
 * generation (Hexo runs its generators again for each one, in `hexo server`
 * too), the sitemap routes are read back, edited and set again, before Hexo
 * writes or serves them.
 */
import type Hexo from 'hexo';
import { encodeURL, full_url_for } from 'hexo-util';
import { addToSitemap, mendSitemap, type SitemapEntry, type SitemapFix } from '../core/sitemap-entries.js';
import type { NoteDate } from './backlinks.js';
import { pairRecords } from './pair-records.js';
import { configuredPaths, readRoute, type RouteTable } from './routes.js';

export interface SitemapPages {
  /** A page of this generation, by its full URL; `date` becomes `lastmod`. */
  add(permalink: string, date: NoteDate | undefined): void;
}

export function registerSitemapPages(hexo: Hexo): SitemapPages {
  let pages: SitemapEntry[] = [];
  hexo.extend.filter.register('before_generate', () => {
    pages = [];
  });

  hexo.extend.filter.register('after_generate', async () => {
    if (!hexo.extend.generator.get('sitemap')) return;
    const route = hexo.route as unknown as RouteTable;
    let fixes: Map<string, SitemapFix> | undefined;
    for (const path of sitemapPaths(hexo)) {
      const format = path.endsWith('.xml') ? 'xml' : path.endsWith('.txt') ? 'txt' : undefined;
      if (!format) continue;
      const sitemap = await readRoute(route, path);
      if (sitemap === undefined) continue;
      fixes ??= sitemapFixes(hexo);
      const edited = addToSitemap(mendSitemap(sitemap.toString('utf8'), format, fixes), format, pages);
      if (edited === undefined) {
        hexo.log.warn(`Glossary: ${path} has no </urlset>, so the glossary pages are not in it`);
        continue;
      }
      route.set(path, { data: edited, modified: true });
    }
  });

  return {
    add(permalink, date) {
      // The same day hexo-generator-sitemap writes for notes (`formatDate`: the UTC date).
      pages.push({ loc: permalink, lastmod: date?.toISOString().slice(0, 10) });
    },
  };
}

/** `sitemap.path` as hexo-generator-sitemap reads it: one path or a list. */
function sitemapPaths(hexo: Hexo): string[] {
  return configuredPaths((hexo.config as unknown as Record<string, { path?: unknown } | undefined>)['sitemap']?.path);
}

interface Listed {
  _id: string;
  permalink: string;
  date?: NoteDate;
  updated?: NoteDate;
}

interface Link {
  post_id: string;
  tag_id?: string;
  category_id?: string;
}

/**
 * The URL and date the generator's home page, tag and category entries
 * should have, by the URL it writes for them. The home page is the site's
 * root as Hexo writes every full URL (`https://user.github.io/repo/`), and
 * is as new as the newest note (or page, on a site of pages only); a tag
 * or category page is as new as its newest note. Both were the day of the
 * build. Dates are the UTC day, as the generator writes a note's.
 */
function sitemapFixes(hexo: Hexo): Map<string, SitemapFix> {
  const day = (item: Listed) => (item.updated ?? item.date)?.toISOString();
  const newest = (days: Iterable<string | undefined>) => {
    let latest: string | undefined;
    for (const value of days) if (value !== undefined && (latest === undefined || value > latest)) latest = value;
    return latest?.slice(0, 10);
  };
  const posts = listed(hexo.locals.get('posts'));
  const postDays = new Map(posts.map((post) => [post._id, day(post)]));
  const fixes = new Map<string, SitemapFix>();
  const config = hexo.config as unknown as { url: string };
  fixes.set(encodeURL(config.url), {
    loc: encodeURL(full_url_for.call(hexo, '/')),
    lastmod: newest(postDays.size > 0 ? postDays.values() : listed(hexo.locals.get('pages')).map(day)),
  });
  for (const [model, key, local] of [['PostTag', 'tag_id', 'tags'], ['PostCategory', 'category_id', 'categories']] as const) {
    const days = new Map<string, (string | undefined)[]>();
    for (const link of pairRecords<Link>(hexo, model)) {
      const id = link[key];
      if (id === undefined || !postDays.has(link.post_id)) continue;
      const list = days.get(id);
      if (list) list.push(postDays.get(link.post_id));
      else days.set(id, [postDays.get(link.post_id)]);
    }
    for (const item of listed(hexo.locals.get(local))) {
      fixes.set(encodeURL(item.permalink), { loc: encodeURL(item.permalink), lastmod: newest(days.get(item._id) ?? []) });
    }
  }
  return fixes;
}

/** A local (`site.posts`, `site.tags`…) as its list of documents. */
function listed(local: unknown): Listed[] {
  const data = (local as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? (data as Listed[]) : [];
}
