/**
 * Makes the theme's pages self-contained and Japanese-ready:
 *
 * - `<html lang>` from `language` in `_config.yml` (landscape writes none);
 * - no stylesheet from another host (landscape's CDN icon font), with the
 *   few icons its header uses drawn by our own CSS instead;
 * - a font stack for Japanese, and colours that pass WCAG AA contrast
 *   (landscape's grey and link blue don't), in `/css/reader.css`;
 * - a sidebar tag cloud whose smallest tags print at 12px, not 10px
 *   (readable-tag-cloud.ts);
 * - code blocks too wide for the column that the keyboard can reach and
 *   scroll, in `/js/scroll-regions.js` (scroll-regions.ts);
 * - the menu toggle and the Share link as buttons a keyboard can work, in
 *   `/js/theme-controls.js` (theme-controls.ts);
 * - a heading naming the tag or category on its page (page-heading.ts);
 * - image captions written from alt text as text, not as HTML, by the
 *   theme's own script (theme-captions.ts);
 * - no date above the title of the glossary index, the tag index and the
 *   search page, which have none of their own (page-date.ts).
 *
 * Its page edits also write the stylesheets and scripts the other parts
 * of the plugin add (head-assets.ts), with the page's other edits
 * (page-edits.ts).
 * Every change is a filter, helper, generator or head asset: the theme
 * stays the npm package, unforked.
 */
import type Hexo from 'hexo';
import { externalStylesheetRemovals, isExternalUrl } from '../core/external-styles.js';
import { headEdits } from '../core/edit-head.js';
import { pageHeadingEdit } from '../core/page-heading.js';
import { pageDateLabel, pageDateRemoval } from '../core/page-date.js';
import { languageTag } from '../core/page-language.js';
import { readerCss } from '../core/reader-styles.js';
import { readerLabels } from '../core/reader-labels.js';
import { scrollRegionScript } from '../core/scroll-regions.js';
import { themeControlsScript } from '../core/theme-controls.js';
import { safeCaptionScript } from '../core/theme-captions.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageLayouts } from './generators.js';
import type { HeadAssets } from './head-assets.js';
import { searchLayout } from './reader-search.js';
import { registerReadableTagCloud } from './readable-tag-cloud.js';
import { pagePath } from './urls.js';
import type { PageEditors } from './page-edits.js';
import { optional } from '../core/page-edits.js';
import type { PageLocals } from './page-locals.js';

/** Route of the stylesheet. */
const readerCssPath = 'css/reader.css';
/** Route of the script that makes wide code blocks focusable. */
const scrollRegionsScriptPath = 'js/scroll-regions.js';
/** Route of the script that makes the theme's menu toggle and Share link buttons. */
const themeControlsScriptPath = 'js/theme-controls.js';

export function registerReaderTheme(hexo: Hexo, assets: HeadAssets, pageEditors: PageEditors): void {
  const lang = languageTag(hexo.config.language);
  const labels = readerLabels(lang);
  // The list pages the plugin makes, which have no date of their own to
  // show (page-date.ts). Made here, not as the module loads: reader-search
  // imports this module too.
  const undatedLayouts: ReadonlySet<string> = new Set([pageLayouts.index, pageLayouts.tagIndex, searchLayout]);
  const kindOf = (locals: PageLocals | undefined): string | undefined => {
    const layout = locals?.page?.layout;
    return typeof layout === 'string' ? layout : undefined;
  };
  // One editor for each change, in this order: where two meet (a stylesheet
  // link whose URL holds `</head>`), each is made on the page the one
  // before it left (page-edits.ts).
  pageEditors.add((html) => externalStylesheetRemovals(html));
  pageEditors.add((html, locals) => headEdits(html, { lang, markup: assets.markup(kindOf(locals), pagePath(locals)) }));
  pageEditors.add((html, locals) => {
    const kind = kindOf(locals);
    if (kind === pageLayouts.term) {
      // A term no note mentions has the newest note's date, as a list page has.
      return optional(locals?.page?.glossary_mentioned === true ? pageDateLabel(html, labels.latestMention) : pageDateRemoval(html));
    }
    return kind !== undefined && undatedLayouts.has(kind) ? optional(pageDateRemoval(html)) : [];
  });
  pageEditors.add((html, locals) => {
    const page = locals?.page;
    const heading = typeof page?.tag === 'string' ? labels.tagHeading(page.tag) : typeof page?.category === 'string' ? labels.categoryHeading(page.category) : undefined;
    return heading === undefined ? [] : optional(pageHeadingEdit(html, heading));
  });
  registerLocalCssHelper(hexo);
  registerReadableTagCloud(hexo);
  registerSafeCaptions(hexo);
  hexo.extend.generator.register('reader-styles', () => [
    { path: readerCssPath, data: readerCss },
    { path: scrollRegionsScriptPath, data: scrollRegionScript(labels.codeRegion) },
    { path: themeControlsScriptPath, data: themeControlsScript(labels) },
  ]);
  // After the theme's own stylesheet, so equal selectors here win.
  assets.add((url) => `<link rel="stylesheet" href="${url(readerCssPath)}">`);
  // `defer`: it measures the laid-out page.
  assets.add((url) => `<script src="${url(scrollRegionsScriptPath)}" defer></script>`);
  assets.add((url) => `<script src="${url(themeControlsScriptPath)}" defer></script>`);
}

type Helper = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Hexo's `css` helper, leaving out stylesheets on other hosts. That is how
 * landscape writes its CDN links; with none written, the page editor above
 * finds nothing to remove without tokenizing the page (see
 * `externalStylesheetRemovals`).
 */
function registerLocalCssHelper(hexo: Hexo): void {
  const original = hexo.extend.helper.get('css') as Helper | undefined;
  if (!original) return;
  hexo.extend.helper.register('css', function (this: unknown, ...args: unknown[]) {
    const local = args.flat(Infinity).filter((item) => {
      const href = typeof item === 'string' || item instanceof String ? String(item) : (item as { href?: unknown } | null)?.href;
      return !(typeof href === 'string' && isExternalUrl(href));
    });
    return local.length === 0 ? '' : original.apply(this, local);
  });
}

/**
 * Serves the theme's `js/script.js` with its image captions written as
 * text (theme-captions.ts). Plugins' generators run after Hexo's own, so
 * this route takes the place of the theme's copy; a theme whose script
 * lacks those lines keeps its own, and a site's own `source/js/script.js`
 * is left to win as it does without the plugin.
 */
function registerSafeCaptions(hexo: Hexo): void {
  hexo.extend.generator.register('reader-captions', () => {
    if (existsSync(join(hexo.source_dir, 'js', 'script.js'))) return [];
    let script: string;
    try {
      script = readFileSync(join(hexo.theme_dir, 'source', 'js', 'script.js'), 'utf8');
    } catch {
      return [];
    }
    const safe = safeCaptionScript(script);
    return safe === undefined ? [] : [{ path: 'js/script.js', data: safe }];
  });
}
