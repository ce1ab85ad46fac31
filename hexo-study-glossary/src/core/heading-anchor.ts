/**
 * hexo-renderer-marked opens every heading with an empty link to itself,
 * `<h2 id="iam"><a href="#iam" class="headerlink" title="IAM"></a>IAM</h2>`:
 * a Tab stop with nothing to see (its box is 0 px wide), and a name, its
 * `title`, that screen readers read into the heading's ("IAMIAM"). The
 * link stays for the mouse (landscape shows it on hover); it is taken out
 * of the Tab order and of the accessibility tree.
 */

/** The start of the heading's own link, as hexo-renderer-marked writes it. */
const headerLink = /^(<h[1-6][^>]*><a href="[^"]*" class="headerlink")(?=[ >])/;

/** `html`, a heading hexo-renderer-marked rendered, with its link hidden from keyboards and screen readers; any other HTML as it is. */
export function hideHeaderLink(html: string): string {
  return html.replace(headerLink, '$1 aria-hidden="true" tabindex="-1"');
}
