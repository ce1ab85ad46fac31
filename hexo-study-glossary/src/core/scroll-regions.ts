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
 * loaded. A block it makes focusable is a named region (`role="region"`,
 * `aria-label`, unless it has a role or name of its own): a screen reader
 * said nothing of what had focus. The note's HTML stays as Hexo wrote it:
 * the attributes are set in the page, marked as ours so that only ours are
 * ever taken away, and never on a block that has something focusable
 * inside (a keyboard scrolls it by moving through that).
 */

/** What scrolls sideways in a note (landscape's `overflow: auto` on code blocks). */
export const scrollRegionSelectors: readonly string[] = ['.article-entry figure.highlight', '.article-entry pre'];

/** Attribute on the blocks that got their `tabindex` from the script. */
const scrollRegionMark = 'data-scroll-focus';

/** The script; `label` names each block it makes focusable (`コード`). */
export function scrollRegionScript(label: string): string {
  return `(function () {
  'use strict';
  var doc = document;
  var SELECTOR = ${JSON.stringify(scrollRegionSelectors.join(', '))};
  var MARK = ${JSON.stringify(scrollRegionMark)};
  var LABEL = ${JSON.stringify(label)};
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
          // The mark lists what was added, to take away only that.
          var added = ['tabindex'];
          box.setAttribute('tabindex', '0');
          if (!box.hasAttribute('role')) { box.setAttribute('role', 'region'); added.push('role'); }
          if (!box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) { box.setAttribute('aria-label', LABEL); added.push('aria-label'); }
          box.setAttribute(MARK, added.join(' '));
        }
      } else if (ours && box !== doc.activeElement) {
        var names = (box.getAttribute(MARK) || 'tabindex').split(' ');
        for (var j = 0; j < names.length; j++) box.removeAttribute(names[j]);
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
}
