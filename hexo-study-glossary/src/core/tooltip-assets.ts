/**
 * The glossary tooltip: a script and a stylesheet, served as static files.
 *
 * Every glossary link carries its term's summary in `title`, so without
 * scripts the browser's own tooltip shows it and the link opens the term
 * page. The script replaces that tooltip with one that also opens on
 * keyboard focus, can be hovered and closed with Escape (WCAG 1.4.13),
 * stays inside a 375px-wide viewport, and is announced by screen readers
 * (`role="tooltip"`, `aria-describedby` on the link while open). While it
 * is open the link's `title` is taken off, so the browser doesn't show a
 * second tooltip and screen readers don't read the summary twice.
 *
 * A touch screen has no hover, and shows no `title`: there the first tap
 * on a term opens its tooltip instead of following the link, and a second
 * tap on the same term follows it (as Wikipedia's page previews do on
 * phones); a tap on the open tooltip opens the page too, and a tap
 * anywhere else closes it. Activation without a touch (a click, Enter, a
 * screen reader's double tap, which sends no pointer event) follows the
 * link at once.
 *
 * Without scripts, keyboard focus shows no `title`, so the stylesheet
 * shows the focused term and its summary itself, in a box at the top of the
 * viewport: generated content (`::after`), which stays out of the page's
 * text, copy-paste and the accessibility tree, and `position: fixed`, which
 * no box that clips its overflow (landscape's article) can cut. The script
 * turns that off as it starts (`scriptClass` on the root element). While a
 * term has that focus, the page keeps the top 13rem clear when it scrolls
 * a focused element into view (`scroll-padding-top`): moving back through
 * the terms (Shift+Tab) brought each into view at the top of the window,
 * under the box (at 320px, 6 of the AWS note's 46 wholly). 13rem holds the
 * box of a summary of about 110 characters at 320px; a term above that
 * line of the page itself, with nothing to scroll, can still be under it.
 *
 * The summary is text from the glossary: the script only ever sets it with
 * `textContent` and `setAttribute`, never as HTML.
 *
 * A link that another follows with no space between (two terms written
 * together, as Japanese does) keeps a fifth of an em clear after it, so the
 * two underlines read as two links, not one: a margin, not text, so
 * copy-paste, search and the note's text don't change.
 */

import { beforeLinkAttribute } from './glossary-anchor.js';

/** Id of the one tooltip element the script creates. */
export const tooltipId = 'glossary-tooltip';

/** Selector of the links that get a tooltip (see link-html.ts). */
const tooltipLinkSelector = 'a.glossary-link[data-term]';

/** Class the script puts on the root element: its tooltips replace the stylesheet's. */
const scriptClass = 'glossary-tooltips-on';

export const tooltipScript = `(function () {
  'use strict';
  var doc = document;
  var MARGIN = 8;   // px kept free at the viewport's edges
  var GAP = 6;      // px between the link and the tooltip
  var GRACE = 150;  // ms to move the pointer from the link onto the tooltip

  var tip = null;         // the tooltip element, made on first use
  var open = null;        // { link, title } while a tooltip shows
  var dismissed = null;   // link closed with Escape: stays closed until left (focus, and the pointer)
  var pointed = null;     // link the pointer is over
  var hideTimer = 0;
  var tap = null;         // { link, wasOpen } from a touch's pointerdown, for the click that follows it

  function linkOf(node) {
    return node && node.closest ? node.closest(${JSON.stringify(tooltipLinkSelector)}) : null;
  }

  function element() {
    if (tip) return tip;
    tip = doc.createElement('div');
    tip.id = ${JSON.stringify(tooltipId)};
    tip.className = 'glossary-tooltip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    tip.addEventListener('mouseenter', cancelHide);
    tip.addEventListener('mouseleave', scheduleHide);
    doc.body.appendChild(tip);
    return tip;
  }

  function show(link) {
    cancelHide();
    if (open && open.link === link) return;
    hide();
    var summary = link.getAttribute('title');
    if (!summary || link === dismissed) return;
    var box = element();
    var term = doc.createElement('span');
    term.className = 'glossary-tooltip-term';
    term.textContent = link.getAttribute('data-term') || link.textContent;
    var text = doc.createElement('span');
    text.className = 'glossary-tooltip-summary';
    text.textContent = summary;
    box.textContent = '';
    box.appendChild(term);
    box.appendChild(text);
    open = { link: link, title: summary };
    link.removeAttribute('title');
    link.setAttribute('aria-describedby', ${JSON.stringify(tooltipId)});
    box.hidden = false;
    place(link, box);
  }

  function hide() {
    cancelHide();
    if (!open) return;
    open.link.setAttribute('title', open.title);
    open.link.removeAttribute('aria-describedby');
    open = null;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = setTimeout(pointerLeft, GRACE);
  }

  // The pointer has left the link and the tooltip. Focus outlasts it
  // (WCAG 1.4.13): a focused link keeps its tooltip, and after hovering
  // another term the focused link's tooltip comes back, unless Escape
  // closed it.
  function pointerLeft() {
    hideTimer = 0;
    var focused = linkOf(doc.activeElement);
    if (open && open.link === focused) return;
    hide();
    if (focused) show(focused);
  }

  function cancelHide() {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = 0;
  }

  // Below the link's last line, or above its first when there is no room
  // below; never wider than the viewport, and moved sideways to stay inside
  // it. A term can wrap (Japanese breaks anywhere: at 320px, of the
  // AWS note's 46 terms, 7 do), and under its first line the tooltip covered
  // the rest of the term, where a second tap then closed the tooltip.
  function place(link, box) {
    var rects = link.getClientRects();
    var first = rects.length ? rects[0] : link.getBoundingClientRect();
    var last = rects.length ? rects[rects.length - 1] : first;
    var viewportWidth = doc.documentElement.clientWidth || window.innerWidth;
    var viewportHeight = doc.documentElement.clientHeight || window.innerHeight;
    box.style.maxWidth = Math.max(0, Math.min(320, viewportWidth - 2 * MARGIN)) + 'px';
    box.style.left = '0px';
    box.style.top = '0px';
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    var anchor = last;
    var top = last.bottom + GAP;
    if (top + height > viewportHeight - MARGIN && first.top - GAP - height >= MARGIN) {
      anchor = first;
      top = first.top - GAP - height;
    }
    var left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - MARGIN - width));
    box.style.left = Math.round(left + window.pageXOffset) + 'px';
    box.style.top = Math.round(top + window.pageYOffset) + 'px';
  }

  doc.addEventListener('mouseover', function (event) {
    var link = linkOf(event.target);
    pointed = link;
    if (link) show(link);
  });
  doc.addEventListener('mouseout', function (event) {
    var link = linkOf(event.target);
    if (!link) return;
    var to = event.relatedTarget;
    if (to && link.contains(to)) return;
    if (pointed === link) pointed = null;
    if (tip && tip.contains(to)) return;
    // Closed with Escape while focused, it stays closed until focus leaves.
    if (dismissed === link && doc.activeElement !== link) dismissed = null;
    if (open && open.link === link) scheduleHide();
  });
  doc.addEventListener('focusin', function (event) {
    var link = linkOf(event.target);
    if (link) show(link);
  });
  doc.addEventListener('focusout', function (event) {
    var link = linkOf(event.target);
    if (!link) return;
    if (dismissed === link) dismissed = null;
    if (open && open.link === link) hide();
  });
  // A tap opens the tooltip (by the mouseover and focus the browser sends
  // before the click), so the click that ends the first tap on a term is
  // held back; the tooltip was already open at the second tap's start.
  doc.addEventListener('pointerdown', function (event) {
    var link = event.pointerType === 'touch' ? linkOf(event.target) : null;
    tap = link ? { link: link, wasOpen: !!open && open.link === link } : null;
  });
  // A tap outside the term and its tooltip closes the tooltip. Chromium
  // does so anyway, by moving focus and the emulated mouse; iOS Safari
  // moves neither for a tap on plain text. A tap on the tooltip opens the
  // term's page, as a tap on a page preview does. A swipe ends in
  // pointercancel, not pointerup, so scrolling leaves the tooltip open.
  doc.addEventListener('pointerup', function (event) {
    if (event.pointerType !== 'touch' || !open) return;
    var target = event.target;
    if (tip && tip.contains(target)) {
      var href = open.link.href;
      event.preventDefault();
      if (href) window.location.assign(href);
    } else if (!open.link.contains(target)) {
      hide();
    }
  });
  doc.addEventListener('click', function (event) {
    var touch = tap;
    tap = null;
    var link = linkOf(event.target);
    if (!touch || !link || touch.link !== link || touch.wasOpen) return;
    if (open && open.link === link) event.preventDefault();
  });
  doc.addEventListener('keydown', function (event) {
    if ((event.key === 'Escape' || event.key === 'Esc') && open) {
      // Closed for as long as focus or the pointer stays on the link; one
      // the pointer had already left (within the grace, or onto the
      // tooltip) and focus is not on would stay closed for good: nothing
      // would leave it again to open it.
      dismissed = doc.activeElement === open.link || pointed === open.link ? open.link : null;
      hide();
    }
  });
  // Phones resize the viewport as their address bar slides away while the
  // page scrolls: an open tooltip is placed anew rather than closed.
  window.addEventListener('resize', function () {
    if (open && tip) place(open.link, tip);
  });
  // The tooltip sits in the page, so it moves with the page's own scrolling,
  // but not with a box that scrolls its content (a wide table, a line that
  // doesn't wrap, swiped sideways on a phone): it is placed anew then.
  doc.addEventListener('scroll', function (event) {
    var box = event.target;
    if (open && tip && box !== doc && box.contains && box.contains(open.link)) place(open.link, tip);
  }, true);
  // Put titles back before the page goes into the back/forward cache.
  window.addEventListener('pagehide', hide);

  // From here on the tooltips are the script's. A term focused before it
  // ran (it is deferred) showed the stylesheet's box until now.
  doc.documentElement.classList.add(${JSON.stringify(scriptClass)});
  var focusedAtStart = linkOf(doc.activeElement);
  if (focusedAtStart) show(focusedAtStart);
})();
`;

export const tooltipCss = `
a.glossary-link{text-decoration-line:underline;text-decoration-style:dotted;text-decoration-thickness:1px;text-underline-offset:.2em}
a.glossary-link:hover,a.glossary-link:focus{text-decoration-style:solid}
a.glossary-link[${beforeLinkAttribute}]{margin-inline-end:.2em}
.glossary-tooltip{position:absolute;z-index:1000;box-sizing:border-box;max-width:320px;padding:.5em .75em;border-radius:4px;background:#1f2328;color:#fff;font-size:13px;line-height:1.6;text-align:left;overflow-wrap:anywhere;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.glossary-tooltip[hidden]{display:none}
.glossary-tooltip-term{display:block;margin-bottom:.2em;font-weight:bold}
html:not(.${scriptClass}) a.glossary-link[title]:focus-visible::after{content:attr(data-term) "\\A" attr(title);content:attr(data-term) "\\A" attr(title) / "";position:fixed;z-index:1000;top:8px;left:8px;right:8px;width:fit-content;max-width:320px;margin:0 auto;box-sizing:border-box;padding:.5em .75em;border-radius:4px;background:#1f2328;color:#fff;font-size:13px;font-style:normal;font-weight:normal;line-height:1.6;letter-spacing:normal;text-align:left;text-decoration:none;text-transform:none;white-space:pre-line;overflow-wrap:anywhere;box-shadow:0 2px 8px rgba(0,0,0,.3)}
html:not(.${scriptClass}):has(a.glossary-link[title]:focus-visible){scroll-padding-top:13rem}
@media (forced-colors:active){.glossary-tooltip,html:not(.${scriptClass}) a.glossary-link[title]:focus-visible::after{border:1px solid CanvasText}}
`.trim();
