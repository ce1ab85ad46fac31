/**
 * Landscape's two controls that only a mouse could work, made buttons a
 * keyboard and a screen reader can use: a script served as a static file.
 *
 * - The menu toggle (≡), the only way to the menu on a phone (landscape
 *   hides the header's links under 480px), is an `<a>` without `href`: no
 *   Tab stop, no name. It gets `role="button"`, a name, `aria-expanded`,
 *   and Enter and Space; opened from the keyboard, the menu takes focus
 *   (its links come last in the page), and Escape closes it, giving focus
 *   back to the toggle. The menu's links are hidden while it is closed
 *   (reader-styles.ts): they were Tab stops at every width, behind the page.
 * - The Share link under a note is an `<a>` without `href` too. It gets
 *   `role="button"` and Enter and Space; the box it opens takes focus, and
 *   Escape closes it, giving focus back to the link.
 *
 * Landscape's own script (jQuery) still does the opening and closing: this
 * one clicks for the keyboard. A theme without these elements is left as
 * it is. Without scripts neither control does anything, as before.
 */

/** Words the script writes. */
export interface ThemeControlLabels {
  /** Name of the menu toggle. */
  menu: string;
}

export function themeControlsScript(labels: ThemeControlLabels): string {
  return `(function () {
  'use strict';
  var doc = document;

  function activates(event) {
    return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
  }
  function closes(event) {
    return event.key === 'Escape' || event.key === 'Esc';
  }
  function makeButton(element) {
    element.setAttribute('role', 'button');
    element.setAttribute('tabindex', '0');
  }

  var container = doc.getElementById('container');
  var toggle = doc.getElementById('main-nav-toggle');
  var menu = doc.getElementById('mobile-nav');
  if (container && toggle && menu && !toggle.hasAttribute('href')) {
    var isOpen = function () { return container.classList.contains('mobile-nav-on'); };
    makeButton(toggle);
    toggle.setAttribute('aria-label', ${JSON.stringify(labels.menu)});
    toggle.setAttribute('aria-controls', 'mobile-nav');
    var sync = function () { toggle.setAttribute('aria-expanded', isOpen() ? 'true' : 'false'); };
    sync();
    new MutationObserver(sync).observe(container, { attributes: true, attributeFilter: ['class'] });
    toggle.addEventListener('keydown', function (event) {
      if (!activates(event)) return;
      event.preventDefault();
      var opening = !isOpen();
      toggle.click();
      var first = opening && isOpen() ? menu.querySelector('a[href]') : null;
      if (first) first.focus();
    });
    menu.addEventListener('keydown', function (event) {
      if (!closes(event) || !isOpen()) return;
      // Not a click: landscape ignores one within 200 ms of the last.
      container.classList.remove('mobile-nav-on');
      toggle.focus();
    });
  }

  var shares = doc.querySelectorAll('.article-share-link:not([href])');
  for (var i = 0; i < shares.length; i++) makeButton(shares[i]);
  doc.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!target || !target.closest) return;
    var share = target.closest('.article-share-link[role="button"]');
    if (share && activates(event)) {
      event.preventDefault();
      share.click();
      var box = doc.getElementById('article-share-box-' + share.getAttribute('data-id'));
      var field = box && box.classList.contains('on') ? box.querySelector('input, a[href]') : null;
      if (field) field.focus();
      return;
    }
    var open = target.closest('.article-share-box.on');
    if (open && closes(event)) {
      open.classList.remove('on');
      var id = open.id.replace('article-share-box-', '');
      for (var j = 0; j < shares.length; j++) {
        if (shares[j].getAttribute('data-id') === id) shares[j].focus();
      }
    }
  });
})();
`;
}
