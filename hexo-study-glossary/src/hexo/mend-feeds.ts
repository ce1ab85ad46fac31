/**
 * Mends the feeds hexo-generator-feed writes, after every generation,
 * before Hexo writes or serves them: each entry's `<category>` lines in
 * the same order every build (core/feed-categories.ts), a `]]>` in a
 * note's HTML no longer ending its CDATA section (core/feed-cdata.ts), and
 * the line breaks and tabs of a note's HTML kept (core/feed-whitespace.ts).
 */
import type Hexo from 'hexo';
import { splitCdataEnds } from '../core/feed-cdata.js';
import { sortFeedCategories } from '../core/feed-categories.js';
import { keepFeedWhitespace } from '../core/feed-whitespace.js';
import { configuredPaths, readRoute, type RouteTable } from './routes.js';

export function registerMendFeeds(hexo: Hexo): void {
  hexo.extend.filter.register('after_generate', async () => {
    if (!hexo.extend.generator.get('atom') && !hexo.extend.generator.get('rss2')) return;
    const route = hexo.route as unknown as RouteTable;
    for (const path of feedPaths(hexo)) {
      const feed = (await readRoute(route, path))?.toString('utf8');
      // Only a feed: `feed.path` may name any file, and only feeds have entries to mend.
      if (feed === undefined || !/<(?:feed|rss)\b/.test(feed)) continue;
      const mended = sortFeedCategories(splitCdataEnds(keepFeedWhitespace(feed, noteContents(hexo))));
      if (mended !== feed) route.set(path, { data: mended, modified: true });
    }
  });
}

/**
 * Where the feeds may be: `feed.path` (one path or a list, `.xml` added
 * when it has no extension, as hexo-generator-feed does), and the paths
 * that generator falls back to when the setting does not fit `feed.type`.
 */
function feedPaths(hexo: Hexo): string[] {
  const configured = configuredPaths((hexo.config as { feed?: { path?: unknown } }).feed?.path);
  const withExtension = configured.map((item) => (/\.[^/]*$/.test(item) ? item : `${item}.xml`));
  return [...new Set([...withExtension, 'atom.xml', 'rss2.xml'])];
}

/** The HTML of every note hexo-generator-feed may list: what it read as `locals.posts`. */
function* noteContents(hexo: Hexo): Generator<string> {
  const posts = hexo.locals.get('posts') as unknown as { toArray(): { content?: unknown }[] };
  for (const post of posts.toArray()) if (typeof post.content === 'string') yield post.content;
}
