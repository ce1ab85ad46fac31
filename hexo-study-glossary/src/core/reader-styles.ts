/**
 * Styles laid over hexo-theme-landscape's own (served as `/css/reader.css`).
 *
 * - Icons: landscape draws its header icons (menu, feed, search) with the
 *   Fork Awesome font from a CDN, which we don't load. They are drawn here
 *   as CSS masks of inline SVG: no request, and they take the text colour,
 *   in forced colours too: the link's or the toggle's forced colour
 *   (`preserve-parent-color`; CanvasText where that is unknown), where a
 *   mask's background was forced to Canvas, the colour behind it, and the
 *   icons vanished.
 * - Menu: landscape's phone menu sits behind the page while closed, and
 *   its links were still Tab stops, at every width, with nothing to see;
 *   they are hidden until it opens (theme-controls.ts opens it from the
 *   keyboard), and after it closes once the page has slid back.
 * - Motion: with `prefers-reduced-motion`, the menu and the header's search
 *   box open and close without sliding.
 * - The heading a tag's or category's page gets (page-heading.ts) lines up
 *   with the list under it.
 * - Japanese text: a font stack with the common Japanese system fonts
 *   (and Noto CJK, which Debian and Android have), a roomier line height,
 *   only for pages whose `<html lang>` is Japanese. Landscape gives its
 *   paragraphs and lists their own (1.6em), so they are named here: set on
 *   the article alone, 1.8 reached none of the text. Tables keep 1.6, as
 *   code blocks are tables whose lines have a fixed height.
 * - Contrast: landscape's greys (#999 on #eee, 2.45:1; the newer/older
 *   captions under a note, #ddd on #eee, 1.17:1) and link blue
 *   (#258fb8 on white, 3.68:1; on the sidebar's #ddd, less) fail WCAG AA; these are darker shades of the
 *   same colours. Links inside running text are underlined, so they don't
 *   rely on colour alone.
 * - Share box: landscape's script builds it with a Fork Awesome glyph in
 *   each service's link and nothing else. Instead of four more brand
 *   icons, each link shows its own `title` (Twitter, Facebook…) as text,
 *   which also names it for screen readers and voice control.
 * - Focus: landscape's reset takes every outline away (`a{outline:0}`,
 *   and the search box's own), so keyboard focus didn't show. Links,
 *   buttons, fields and the code blocks that scroll get a two-colour ring
 *   back on `:focus-visible`
 *   (not on a mouse click): white against the element, dark outside it.
 *   The two are 12:1 apart, so one of them has 3:1 or more against any
 *   background, the dark header as well as the white article (WCAG 2.4.7,
 *   1.4.11; technique C40). Inside boxes that clip what overflows them
 *   (the header, pagination, the share bar) the ring is drawn inside.
 * - Its search box is invisible but still focusable when closed; hidden
 *   boxes are taken out of the tab order here. It stays open while focus
 *   is anywhere in it: the theme closes it when the field loses focus, and
 *   Tab from the field to its button hid the focused button, leaving
 *   focus on the page's body. Its search button was the
 *   size of its 13px icon, too small a target for a finger (WCAG 2.5.8):
 *   it is 24px square, with the icon where landscape put it, and drawn in
 *   #767676 (4.5:1 on the white box) rather than landscape's #bbb (1.9:1,
 *   under the 3:1 a control's icon needs, WCAG 1.4.11).
 * - A site without search (`search: false`) has no box for landscape's
 *   header search icon to open, and the plugin gives the icon no `href`
 *   (render-search.ts): hidden here while it is no link. Taking it out of
 *   every page instead meant reading each page's head and header for it,
 *   about 1% of a 2,000-note build.
 * - The header clips what overflows it (the search box, slid out to the
 *   right while closed). The search icon overhangs it by its 15px padding,
 *   so a tap or click, focusing the icon, scrolled the header 15px
 *   sideways, and the box then opened with its left end cut off (at 320px,
 *   its first letters). `overflow: clip` clips the same without making the
 *   header a box that scrolls. The field is landscape's 13px, and iOS
 *   Safari zooms the page into a field under 16px when it is focused: it is
 *   16px on phone-sized and touch screens.
 * - Tags: the links of the sidebar's tag cloud and lists (tags, recent
 *   notes, archives, categories), and of the tags under a note, were as
 *   high as their text and a line apart, short names narrower still: too
 *   small for a finger, and too close to the next one (WCAG 2.5.8, axe's
 *   target-size). Each is at least 24px square here, its text where it was. The tags under a note flow as
 *   text instead of floating: floats taller than the Share link beside
 *   them snagged on it, and the third tag hung at the right of the second row.
 * - Pagefind UI's clear button is 14px at its .8 scale, 11.2px: at least
 *   12px here, as the plugin's own small print is. So is landscape's
 *   (.85em, 11.9px): the footer under a note (its tags, the Share link),
 *   the newer/older links, the dates on archive pages, a code block's
 *   caption and line numbers (whose lines have a fixed height), and the
 *   page's footer. (The tag cloud's sizes are inline: its helper makes
 *   them 12px or more, see readable-tag-cloud.ts.)
 */

import { scrollRegionSelectors } from './scroll-regions.js';

/** An SVG as a CSS `url()`; quotes inside must be single. */
function svgUrl(svg: string): string {
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

const svg = (body: string) => `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>${body}</svg>`;

/** Icons of landscape's header, by Fork Awesome class. */
export const themeIcons: Readonly<Record<string, string>> = {
  'fa-bars': svg("<path d='M1 3h14v2H1zm0 4h14v2H1zm0 4h14v2H1z'/>"),
  'fa-rss': svg("<circle cx='3' cy='13' r='2'/><path d='M1 6v2.4A6.6 6.6 0 0 1 7.6 15H10A9 9 0 0 0 1 6zm0-5v2.4A11.6 11.6 0 0 1 12.6 15H15A14 14 0 0 0 1 1z'/>"),
  'fa-search': svg("<circle cx='6.5' cy='6.5' r='5' fill='none' stroke='black' stroke-width='2'/><path d='M10.2 10.2 15 15' stroke='black' stroke-width='2' stroke-linecap='round'/>"),
};

/** Sans-serif stack for Japanese: Latin system fonts first, then Japanese ones by platform. */
const japaneseSans =
  '-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Noto Sans CJK JP","Yu Gothic UI","Yu Gothic",Meiryo,sans-serif';
const japaneseSerif = '"Hiragino Mincho ProN","Noto Serif JP","Noto Serif CJK JP","Yu Mincho",serif';

/**
 * Text colours that pass 4.5:1 on landscape's white and #eee backgrounds;
 * a darker Twitter blue, under the white name on the hovered share link
 * (landscape's #00aced gives 2.6:1); and the dark half of the focus ring,
 * whose other half is white.
 */
export const colours = { link: '#1a6585', muted: '#595959', twitterHover: '#0077a8', focus: '#0b3a4f' } as const;

/** What takes keyboard focus on landscape's pages and Pagefind's, code blocks that scroll included (scroll-regions.ts). */
const focusable = ['a', 'button', 'input', 'select', 'textarea', 'summary', ...scrollRegionSelectors];
/** Focusable elements inside boxes with `overflow:hidden`, which would cut a ring drawn outside them. */
const clipped = ['#header-inner a', '#page-nav a', '.article-share-links a'];

const iconRules = Object.entries(themeIcons)
  .map(([name, icon]) => `.${name}::before{-webkit-mask-image:${svgUrl(icon)};mask-image:${svgUrl(icon)}}`)
  .join('\n');

const iconSelector = Object.keys(themeIcons).map((name) => `.${name}::before`).join(',');

export const readerCss = `
${iconSelector}{content:"";display:inline-block;width:14px;height:14px;vertical-align:-2px;background-color:currentColor;-webkit-mask-repeat:no-repeat;mask-repeat:no-repeat;-webkit-mask-position:center;mask-position:center;-webkit-mask-size:contain;mask-size:contain}
${iconRules}
.search-form .search-form-submit{display:flex;align-items:center;justify-content:center;width:24px;height:24px;margin-top:-12px;right:4px;padding:0;color:#767676}
.search-form .search-form-submit:hover{color:#333}
.search-form-submit svg{display:block}
.article-share-links a{width:auto;min-width:50px;box-sizing:border-box;padding:0 10px;font-size:12px;line-height:36px;text-align:center;color:${colours.muted}}
.article-share-links a::before{content:attr(title)}
.article-share-links .fa{display:none}
.article-share-twitter:hover{background:${colours.twitterHover}}
#search-form-wrap:not(.on){visibility:hidden;transition:opacity .2s ease-out,right .2s ease-out,visibility 0s .2s}
#search-form-wrap:focus-within{visibility:visible;opacity:1;right:0}
#header-inner{overflow:clip}
.nav-search-btn:not([href]){display:none}
@media (max-width:479px),(pointer:coarse){#search-form-wrap .search-form-input{font-size:16px}}
${focusable.map((name) => `${name}:focus-visible`).join(',')}{outline:2px solid ${colours.focus};outline-offset:2px;box-shadow:0 0 0 2px #fff}
${clipped.map((selector) => `${selector}:focus-visible`).join(',')}{outline-offset:-4px;box-shadow:inset 0 0 0 2px #fff}
.nav-icon:focus-visible,.main-nav-link:focus-visible{opacity:1}
html:lang(ja) body,html:lang(ja) .search-form-input,html:lang(ja) .article-entry blockquote footer,html:lang(ja) .article-share-box{font-family:${japaneseSans}}
html:lang(ja) .article-entry blockquote{font-family:${japaneseSerif}}
${['', ' p', ' ul', ' ol', ' dl'].map((element) => `html:lang(ja) .article-entry${element}`).join(',')}{line-height:1.8}
a,.article-entry a,#sidebar a,#footer a,.archive-article-title{color:${colours.link}}
.article-entry a:not(.headerlink),#footer a,.glossary-term a,.tag-index a{text-decoration-line:underline;text-underline-offset:.15em}
.article-date,.article-category-link,.article-nav-caption,.article-nav-link-wrap,.article-meta,.article-more-link a,.archive-article-date,.archive-year-wrap a,#page-nav,#page-nav a,.article-footer,.article-footer a,.archive-article-footer,.archive-article-footer a,.widget-title,.widget .tag-list-count,.widget .archive-list-count,.widget .category-list-count,.article-entry .caption{color:${colours.muted}}
#sidebar,.widget{color:${colours.muted}}
#footer{color:#c8c8c8}
#footer a{color:#9fd3ea}
.reader-search-form{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:1em 0}
.reader-search-form[hidden]{display:none}
.reader-search-form input{flex:1 1 12em;min-width:0;padding:.4em .6em;font:inherit;border:1px solid #767676;border-radius:3px}
.reader-search-form button{padding:.4em 1em;font:inherit;color:#fff;background:${colours.link};border:0;border-radius:3px;cursor:pointer}
.reader-search-results{--pagefind-ui-font:inherit;--pagefind-ui-primary:${colours.link};--pagefind-ui-text:#333;--pagefind-ui-border:#767676;margin:1em 0}
.reader-search .reader-search-results .pagefind-ui__search-clear{font-size:max(12px,calc(14px * var(--pagefind-ui-scale,.8)))}
.article-footer,#footer-info,.archive-article-date,.article-nav-title,.article-entry .highlight figcaption,.article-entry .highlight .gutter pre{font-size:max(12px,.85em)}
#container:not(.mobile-nav-on) #mobile-nav{visibility:hidden;transition:visibility 0s .2s}
@media (forced-colors:active){${iconSelector}{forced-color-adjust:none;background-color:CanvasText}@supports (forced-color-adjust:preserve-parent-color){${iconSelector}{forced-color-adjust:preserve-parent-color;background-color:currentColor}}}
@media (prefers-reduced-motion:reduce){#wrap,#mobile-nav,#container:not(.mobile-nav-on) #mobile-nav,#search-form-wrap,#search-form-wrap:not(.on){transition:none}}
.reader-page-title{margin:0;padding:20px 0 0;font-size:2em;font-weight:bold;line-height:1.2}
.tagcloud a{min-width:24px;min-height:24px;line-height:24px;text-align:center;vertical-align:middle}
.widget li>a,.article-tag-list-link{display:inline-block;min-width:24px;min-height:24px;line-height:24px;vertical-align:top}
.article-tag-list-item{float:none;display:inline-block;vertical-align:top}
`.trim();
