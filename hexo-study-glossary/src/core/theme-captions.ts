/**
 * Landscape's script (`source/js/script.js`) gives each image in a note a
 * caption from its alt text, and a link for its lightbox whose
 * `data-caption` is the alt text too, by pasting the text into HTML:
 * `![List<String> の図](x.png)` showed "List" with the rest read as a tag,
 * and alt text is the note's own text, which the page must show as written.
 * The two lines are rewritten to build the same elements with the text set
 * as text (jQuery's `.text()` and `.attr()`); the lightbox, which shows
 * `data-caption` as HTML, gets it escaped. Nothing else in the script
 * changes.
 */

/** The two lines as landscape 1.1.0 writes them. */
const captionLine = `if (alt) $(this).after('<span class="caption">' + alt + '</span>');`;
const wrapLine = `$(this).wrap('<a href="' + this.src + '" data-fancybox=\\"gallery\\" data-caption="' + alt + '"></a>')`;

const safeCaptionLine = `if (alt) $(this).after($('<span class="caption"></span>').text(alt));`;
const safeWrapLine = `$(this).wrap($('<a data-fancybox="gallery"></a>').attr({ href: this.src, 'data-caption': $('<span></span>').text(alt).html() }))`;

/** `script` with the captions written as text; `undefined` when it is not the script these lines come from (another theme, another version). */
export function safeCaptionScript(script: string): string | undefined {
  const caption = script.indexOf(captionLine);
  const wrap = script.indexOf(wrapLine);
  if (caption === -1 || wrap === -1 || script.indexOf(captionLine, caption + 1) !== -1 || script.indexOf(wrapLine, wrap + 1) !== -1) return undefined;
  return script.replace(captionLine, () => safeCaptionLine).replace(wrapLine, () => safeWrapLine);
}
