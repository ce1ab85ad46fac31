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
import { printable, quoteShort, shorten } from '../core/shorten.js';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryStore } from './store.js';
import { termUrl } from './urls.js';
import { runTags } from '../core/template-errors.js';
import { unnestGlossaryLinks } from '../core/nested-links.js';
import { firstTagArgument, termTagArguments } from '../core/term-tag-arguments.js';

interface TagContext {
  source?: string;
  raw?: string;
}

export function registerTermTag(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  // Unknown names met so far in each note's render, with how often: Nunjucks
  // runs a note's tags in order, so the third `{% term kubctl %}` met is the
  // third one in the file.
  const met = new WeakMap<object, Map<string, number>>();
  hexo.extend.filter.register('before_post_render', (data: object) => {
    met.delete(data);
    return data;
  });
  // Before Hexo cuts the excerpt (10) and the linker reads the note (20).
  hexo.extend.filter.register(
    'after_post_render',
    (data: { content?: unknown }) => {
      if (typeof data.content === 'string') data.content = unnestGlossaryLinks(data.content);
      return data;
    },
    5,
  );
  hexo.extend.tag.register('term', function (this: TagContext, args: string[]) {
    const { name, text } = termTagArguments(args);
    const entry = name === '' ? undefined : store.lookup(name);
    if (!entry) {
      const source = this.source ?? 'unknown note';
      let seen = met.get(this);
      if (!seen) met.set(this, (seen = new Map()));
      const nth = seen.get(name) ?? 0;
      seen.set(name, nth + 1);
      const line = termTagLine(this.raw ?? '', name, nth);
      const at = `source/${source}${line ? `:${line}` : ''}`;
      // A term whose entry has an error of its own is missing too, but the
      // note is right: saying it names no term (and suggesting another) misled.
      const broken = store.broken(name);
      let message: string;
      if (name === '') {
        message = `${at}: {% term %} names no term: write {% term KEY %} or {% term KEY text %}`;
      } else if (broken) {
        message = `${at}: {% term ${shorten(name)} %} is shown unlinked: the glossary entry of ${quoteShort(name)} (${broken.position.file}:${broken.position.line}) ${broken.why}`;
      } else {
        const spaced = spacedName(args, store);
        const suggestion = spaced === undefined ? closestSpelling(name, store.glossary.entries.flatMap((known) => [known.key, ...known.aliases])) : undefined;
        message =
          `${at}: {% term ${shorten(name)} %} names no glossary term` +
          (spaced !== undefined ? `; ${quoteShort(spaced)} is one: a name with spaces goes in quotes ({% term ${JSON.stringify(spaced)} %})`
          : suggestion !== undefined ? `; did you mean ${quoteShort(suggestion)}?`
          : '');
      }
      hexo.log.error(printable(message));
      store.addNoteProblem(source, message);
      return escapeText(text);
    }
    // Root-absolute: the note's HTML is stored, and shown on several pages
    // (and in the feed). With `relative_link`, each page that shows the note
    // makes the link relative to itself (linked-notes.ts).
    const href = termUrl(hexo.config.root, options, entry.slug);
    return `${glossaryLinkOpenTag(entry.key, href, entry.summary)}${escapeText(text)}</a>`;
  });
}

/**
 * With the plugin off (`enable: false`) a note's `{% term %}` tags still
 * render, as their text without a link: Nunjucks would otherwise stop the
 * whole build at the first one, an unknown tag.
 */
export function registerPlainTermTag(hexo: Hexo): void {
  hexo.extend.tag.register('term', (args: string[]) => escapeText(termTagArguments(args).text));
}

/**
 * The line of the `nth` (from 0) `{% term NAME … %}` in the note's file
 * `raw`, NAME as its first argument, bare or quoted.
 */
function termTagLine(raw: string, name: string, nth: number): number | undefined {
  const lines = runTags(raw)
    .filter((tag) => tag.name === 'term' && firstTagArgument(tag.text) === name)
    .map((tag) => tag.line);
  return lines[nth] ?? lines.at(-1);
}

/**
 * The longest run of the tag's first words that names a term, when the
 * first alone does not: `{% term Amazon VPC %}` is the term "Amazon" and
 * the text "VPC" to Hexo, which splits a tag's arguments at spaces.
 */
function spacedName(args: readonly string[], store: GlossaryStore): string | undefined {
  for (let count = Math.min(args.length, 8); count >= 2; count--) {
    const name = args.slice(0, count).join(' ');
    if (store.lookup(name)) return name;
  }
  return undefined;
}
