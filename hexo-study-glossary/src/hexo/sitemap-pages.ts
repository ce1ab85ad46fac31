/**
 * Puts the pages the plugin generates into the site's sitemap, when
 * hexo-generator-sitemap writes one (see core/sitemap-entries.ts for why).
 *
 * The generators record each page as they return it; after every
 * generation (Hexo runs its generators again for each one, in `hexo server`
 * too), the sitemap routes are read back, edited and set again, before Hexo
 * writes or serves them.
 */
import type Hexo from 'hexo';
import { addToSitemap, type SitemapEntry } from '../core/sitemap-entries.js';
import type { NoteDate } from './backlinks.js';
import { readRoute, type RouteTable } from './routes.js';

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
    if (pages.length === 0 || !hexo.extend.generator.get('sitemap')) return;
    const route = hexo.route as unknown as RouteTable;
    for (const path of sitemapPaths(hexo)) {
      const format = path.endsWith('.xml') ? 'xml' : path.endsWith('.txt') ? 'txt' : undefined;
      if (!format) continue;
      const sitemap = await readRoute(route, path);
      if (sitemap === undefined) continue;
      const edited = addToSitemap(sitemap.toString('utf8'), format, pages);
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
  const config = (hexo.config as unknown as Record<string, { path?: unknown } | undefined>)['sitemap'];
  const path = config?.path;
  if (typeof path === 'string') return [path];
  return Array.isArray(path) ? path.filter((item): item is string => typeof item === 'string') : [];
}
