/**
 * `{% term KEY %}` and `{% term KEY text… %}`: an explicit glossary link
 * where the author wants one. KEY is a term or one of its aliases (quote it
 * when it has spaces). An unknown KEY is a problem of the note, reported
 * with its line and the closest spelling the glossary has, and fails the
 * build; the text stays, unlinked.
 */
import type Hexo from 'hexo';
import { escapeText } from '../core/escape.js';
import { glossaryLinkOpenTag } from '../core/glossary-anchor.js';
import { closestSpelling } from '../core/near-misses.js';
import { quoteShort, shorten } from '../core/shorten.js';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryStore } from './store.js';
import { termUrl } from './urls.js';

interface TagContext {
  source?: string;
  raw?: string;
}

export function registerTermTag(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  hexo.extend.tag.register('term', function (this: TagContext, args: string[]) {
    const [name = '', ...rest] = args;
    const text = rest.length ? rest.join(' ') : name;
    const entry = store.lookup(name);
    if (!entry) {
      const source = this.source ?? 'unknown note';
      const line = lineOf(this.raw, name);
      const spellings = store.glossary.entries.flatMap((known) => [known.key, ...known.aliases]);
      const suggestion = closestSpelling(name, spellings);
      const message =
        `source/${source}${line ? `:${line}` : ''}: {% term ${shorten(name)} %} names no glossary term` +
        (suggestion === undefined ? '' : `; did you mean ${quoteShort(suggestion)}?`);
      hexo.log.error(message);
      store.addNoteProblem(source, message);
      return escapeText(text);
    }
    const href = termUrl(hexo.config.root, options, entry.slug);
    return `${glossaryLinkOpenTag(entry.key, href, entry.summary)}${escapeText(text)}</a>`;
  });
}

function lineOf(raw: string | undefined, name: string): number | undefined {
  if (!raw) return undefined;
  const lines = raw.split('\n');
  const index = lines.findIndex((line) => line.includes('{%') && line.includes('term') && line.includes(name));
  return index === -1 ? undefined : index + 1;
}
