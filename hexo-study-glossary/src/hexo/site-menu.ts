/**
 * The site's menu, as `_config.landscape.yml` writes it.
 *
 * Landscape prints each key of its `menu` option as the link text, and Hexo
 * deep-merges the site's theme options into the theme's own, so the
 * theme's `Home` and `Archives` stay in front of whatever the site lists:
 * a Japanese site could add `用語集` but never rename `Home` to `ホーム`.
 * When the site sets a menu, it replaces the theme's instead.
 *
 * Only for landscape, whose menu is known to be `{label: url}`; other
 * themes give `menu` other shapes and meanings.
 */
import type Hexo from 'hexo';
import { isMapping } from '../core/is-mapping.js';

export function registerSiteMenu(hexo: Hexo): void {
  hexo.extend.filter.register('before_generate', () => {
    if (hexo.config.theme !== 'landscape') return;
    const theme = hexo.theme.config as Record<string, unknown>;
    const menu = siteMenu((hexo.config as unknown as { theme_config?: unknown }).theme_config);
    // Hexo merges the theme options again before every generation (also
    // after a theme file changes under `hexo server`), so this runs each time.
    if (menu) theme['menu'] = menu;
    if (hexo.config.relative_link) {
      // With relative_link, Hexo's url_for keeps a path that starts with "/"
      // as it is on a page at the site's root (hexo-util's relative_url), so
      // the home page's menu, feed and favicon links left a site served from
      // a folder. Without the slash url_for makes them relative on every
      // page, as it adds `root` to them without relative_link.
      if (isMapping(theme['menu'])) {
        theme['menu'] = Object.fromEntries(Object.entries(theme['menu']).map(([label, url]) => [label, typeof url === 'string' ? siteRelative(url) : url]));
      }
      for (const key of ['rss', 'favicon']) if (typeof theme[key] === 'string') theme[key] = siteRelative(theme[key]);
    }
  });
}

/** A site path without its leading slash (`/archives` → `archives`); anything else as it is. */
export function siteRelative(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url.slice(1) : url;
}

/**
 * The `menu` of the site's theme options, with its entries in order; an
 * entry without a URL (`Archives:` and nothing after it) is left out.
 * `undefined` when the site sets no menu, or not a `{label: url}` one.
 */
export function siteMenu(themeConfig: unknown): Record<string, string> | undefined {
  if (!isMapping(themeConfig)) return undefined;
  const menu = themeConfig['menu'];
  if (!isMapping(menu)) return undefined;
  const entries = Object.entries(menu);
  if (entries.some(([, url]) => url !== null && typeof url !== 'string')) return undefined;
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
