/**
 * A little CSS for the generated pages, added to their `<head>` only (by
 * the route's `layout`, see generators.ts). Every
 * rule is scoped by a class of ours, so the theme's own pages are untouched;
 * it works in one column, so it reads the same on a 375px phone.
 *
 * The small print (keys, counts, dates) is .85em but never under 12px:
 * landscape's 14px text made it 11.9px, below what a phone reads well.
 */
import { pageLayouts } from './generators.js';
import type { HeadAssets } from './head-assets.js';

const pageCss = `
.glossary-index .glossary-jump{display:flex;flex-wrap:wrap;gap:.25em .5em;margin:0 0 1.5em;padding:.5em 0;border-bottom:1px solid #ddd}
.glossary-index .glossary-jump a{display:inline-block;min-width:1.8em;padding:.15em .3em;text-align:center;border-radius:3px}
.glossary-index .glossary-jump a:hover{background:#eee;text-decoration:none}
.glossary-index .glossary-group{margin-bottom:1.5em}
.glossary-index .glossary-group-title{border-bottom:1px solid #eee}
.glossary-index .glossary-entries{margin:0}
.glossary-index .glossary-entry{margin-top:.8em}
.glossary-index .glossary-summary{margin:.2em 0 0 1em}
.glossary-count,.glossary-backlink-date,.tag-index-count{font-weight:normal;font-size:max(12px,.85em);color:#666;white-space:nowrap}
.glossary-entry-title{font-weight:normal;font-size:max(12px,.85em);color:#666}
.glossary-term .glossary-term-summary{font-size:1.1em}
.glossary-term .glossary-term-facts{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;margin:1em 0}
.glossary-term .glossary-term-facts dt{color:#555}
.glossary-term .glossary-term-facts dd{margin:0}
.glossary-term .glossary-backlink-list{margin-left:1.5em;margin-right:0}
.glossary-term .glossary-backlink{margin-bottom:.8em}
.glossary-term .glossary-backlink-brief{margin-bottom:.2em}
.glossary-term .glossary-snippet{margin:.2em 0 0;font-size:.9em;line-height:1.6;color:#555;overflow-wrap:anywhere}
.glossary-term .glossary-snippet mark{background:#fff3a8;padding:0 .1em}
.glossary-term .glossary-tag-link,.glossary-term .glossary-back{margin:1em 0 0}
.tag-index .tag-index-list{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5em 1.2em}
@media (max-width:479px){.glossary-term .glossary-term-facts{grid-template-columns:1fr;gap:0}.glossary-term .glossary-term-facts dd{margin-bottom:.5em}}
`.trim();

export function registerPageStyles(assets: HeadAssets): void {
  assets.add(`<style class="glossary-style">${pageCss}</style>`, Object.values(pageLayouts));
}
