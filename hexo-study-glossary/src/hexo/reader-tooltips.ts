/**
 * Serves the glossary tooltip (script and styles, see tooltip-assets.ts)
 * and adds both to every page: notes, excerpts on the home page, term
 * descriptions and backlinks all carry glossary links.
 */
import type Hexo from 'hexo';
import { tooltipCss, tooltipScript } from '../core/tooltip-assets.js';
import type { HeadAssets } from './head-assets.js';

const tooltipScriptPath = 'js/glossary-tooltip.js';
const tooltipCssPath = 'css/glossary-tooltip.css';

export function registerReaderTooltips(hexo: Hexo, assets: HeadAssets): void {
  hexo.extend.generator.register('reader-tooltips', () => [
    { path: tooltipScriptPath, data: tooltipScript },
    { path: tooltipCssPath, data: tooltipCss },
  ]);
  assets.add((url) => `<link rel="stylesheet" href="${url(tooltipCssPath)}">`);
  // `defer`: the script needs `document.body`, and should not hold up the page.
  assets.add((url) => `<script src="${url(tooltipScriptPath)}" defer></script>`);
}
