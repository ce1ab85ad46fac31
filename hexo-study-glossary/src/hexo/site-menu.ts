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
    const menu = siteMenu((hexo.config as unknown as { theme_config?: unknown }).theme_config);
    // Hexo merges the theme options again before every generation (also
    // after a theme file changes under `hexo server`), so this runs each time.
    if (menu) (hexo.theme.config as Record<string, unknown>)['menu'] = menu;
  });
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
