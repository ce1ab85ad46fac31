/**
 * A feed's categories in an order that does not change from build to build.
 *
 * hexo-generator-feed lists a note's categories, then its tags, each as
 * `<category>` (Atom: `<category term="…" scheme="URL"/>`; RSS:
 * `<category domain="URL">…</category>`), in the order Hexo created them:
 * the order in which its reads of the notes finished, so each build of the
 * same sources wrote another order. Each run of them is sorted here by
 * URL, decoded (`tags/日本語/` after `tags/EKS/`, which `%E6…` is not).
 * That keeps a category before its subcategories (their URLs start with
 * its own) and the categories before the tags (`categories/` before
 * `tags/`, Hexo's default folders; with others the two may mix, in the
 * same order every build). The text between them is kept as it is.
 */
import { compareCodeUnits } from './stable-order.js';

/** One `<category>`, either shape. */
const oneCategory = /<category\b[^>]*?(?:\/>|>[^<]*<\/category>)/g;
/** Two or more of them with nothing but white space between. */
const categoryRun = /<category\b[^>]*?(?:\/>|>[^<]*<\/category>)(?:\s*<category\b[^>]*?(?:\/>|>[^<]*<\/category>))+/g;

/** `feed` with each run of `<category>` elements sorted, outside CDATA sections (a note's HTML). */
export function sortFeedCategories(feed: string): string {
  return feed
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(categoryRun, sortRun)))
    .join('');
}

function sortRun(run: string): string {
  const elements = run.match(oneCategory) ?? [];
  const between = run.split(oneCategory);
  const sorted = elements
    .map((element) => ({ element, url: decoded(/\b(?:scheme|domain)="([^"]*)"/.exec(element)?.[1] ?? '') }))
    .sort((a, b) => compareCodeUnits(a.url, b.url) || compareCodeUnits(a.element, b.element));
  return between.map((text, index) => text + (sorted[index]?.element ?? '')).join('');
}

/** A URL with its percent-escapes decoded; as written when they are malformed. */
function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
