/**
 * Template helpers for theme authors:
 *
 * - `glossary_terms()`: every entry, in the glossary index's order;
 * - `glossary_url(name)`: the URL of a term's page, by key or alias
 *   (`''` for an unknown name, so a template never links to nowhere);
 * - `glossary_index_url()`: the URL of the glossary index.
 *
 * URLs are percent-encoded and, like `url_for` returns them, site-absolute,
 * or relative to the page being rendered with `relative_link: true`.
 */
import type Hexo from 'hexo';
import { groupTerms } from '../core/group-terms.js';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryEntry } from '../core/types.js';
import type { GlossaryStore } from './store.js';
import { glossaryPath, pagePath, pageUrls, termPath } from './urls.js';

export function registerHelpers(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  hexo.extend.helper.register('glossary_terms', (): GlossaryEntry[] => groupTerms(store.glossary.entries).flatMap((group) => group.terms));
  const urls = pageUrls(hexo.config);
  hexo.extend.helper.register('glossary_url', function (this: unknown, name: unknown): string {
    const entry = typeof name === 'string' ? store.lookup(name) : undefined;
    return entry ? urls.url(termPath(options, entry.slug), pagePath(this)) : '';
  });
  hexo.extend.helper.register('glossary_index_url', function (this: unknown): string {
    return urls.url(glossaryPath(options), pagePath(this));
  });
}
