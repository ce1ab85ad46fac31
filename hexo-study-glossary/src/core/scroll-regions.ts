/**
 * Code blocks too wide for their column, made reachable from the keyboard:
 * a script served as a static file.
 *
 * Landscape lets a code block (Hexo's `figure.highlight`, or a bare `pre`)
 * scroll sideways, and a keyboard scrolls only what has focus: with no link
 * inside, the hidden part of a long line could not be read without a mouse
 * or a finger (WCAG 2.1.1; axe's scrollable-region-focusable). Chromium now
 * focuses such boxes itself, Safari does not.
 *
 * The script gives `tabindex="0"` to the blocks that overflow, and only to
 * them, so a block that fits costs no extra Tab stop; it looks again when
 * the window is resized (a phone turned sideways) and when the fonts have
 * loaded. The note's HTML stays as Hexo wrote it: the attribute is set in
 * the page, marked as ours so that only ours is ever taken away, and never
 * on a block that has something focusable inside (a keyboard scrolls it by
 * moving through that).
 */

/** What scrolls sideways in a note (landscape's `overflow: auto` on code blocks). */
export const scrollRegionSelectors: readonly string[] = ['.article-entry figure.highlight', '.article-entry pre'];

/** Attribute on the blocks that got their `tabindex` from the script. */
export const scrollRegionMark = 'data-scroll-focus';

export const scrollRegionScript = `(function () {
  'use strict';
  var doc = document;
  var SELECTOR = ${JSON.stringify(scrollRegionSelectors.join(', '))};
  var MARK = ${JSON.stringify(scrollRegionMark)};
  var FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [contenteditable], [tabindex]:not([tabindex="-1"])';
  var pending = 0;

  function scrolls(box) {
    var style = getComputedStyle(box);
    return (/auto|scroll/.test(style.overflowX) && box.scrollWidth > box.clientWidth) ||
      (/auto|scroll/.test(style.overflowY) && box.scrollHeight > box.clientHeight);
  }

  function update() {
    pending = 0;
    var boxes = doc.querySelectorAll(SELECTOR);
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var ours = box.hasAttribute(MARK);
      // A tabindex the note wrote itself is left as it is.
      if (!ours && box.hasAttribute('tabindex')) continue;
      if (scrolls(box) && !box.querySelector(FOCUSABLE)) {
        if (!ours) {
          box.setAttribute('tabindex', '0');
          box.setAttribute(MARK, '');
        }
      } else if (ours && box !== doc.activeElement) {
        box.removeAttribute('tabindex');
        box.removeAttribute(MARK);
      }
    }
  }

  function schedule() {
    if (!pending) pending = window.requestAnimationFrame(update);
  }

  update();
  window.addEventListener('resize', schedule);
  if (doc.fonts && doc.fonts.ready) doc.fonts.ready.then(schedule);
})();
`;
