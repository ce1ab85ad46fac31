/**
 * Which notes mention which term, read from the `glossary_mentions` that
 * the link filter stores on every rendered note. Only posts count (pages
 * such as an About page are not study notes), and only those Hexo
 * publishes (`locals.posts` already leaves out drafts and, unless
 * `future: true`, future posts).
 */
import { decodeMentions } from '../core/mention-record.js';
import type { Backlink } from '../core/render-pages.js';
import type { NoteStamp } from './link-filters.js';
import { pathUrl } from './urls.js';

/** A moment, as Hexo stores a note's date. */
export interface NoteDate {
  valueOf(): number;
  toISOString(): string;
  format(pattern?: string): string;
}

export interface PostLike extends NoteStamp {
  title?: string;
  slug?: string;
  path: string;
  date?: NoteDate;
  /** The note's HTML, as stored (snippets are taken from it). */
  content?: string;
}

export interface TermBacklink extends Backlink {
  /** For sorting, and as the term page's date. */
  noteDate: NoteDate | undefined;
  /** The note, to take a snippet from (`snippet` is not filled in here). */
  post: PostLike;
}

/** Backlinks of every mentioned term, each list newest first; without snippets (see core/mention-record.ts). */
export function collectBacklinks(posts: readonly PostLike[], root: string, dateFormat: string): Map<string, TermBacklink[]> {
  // A note mentions dozens of terms: format its link and date once, and sort
  // the notes once rather than every term's list (190,000 entries at 2,000 notes).
  const notes = posts.flatMap((post) => {
    const mentions = decodeMentions(post.glossary_mentions);
    if (mentions.size === 0) return [];
    const note = {
      title: post.title || post.slug || post.path,
      href: pathUrl(root, post.path),
      date: post.date ? { iso: post.date.toISOString(), text: post.date.format(dateFormat) } : undefined,
      noteDate: post.date,
    };
    return [{ note, post, time: post.date?.valueOf() ?? 0, mentions }];
  });
  notes.sort((a, b) => b.time - a.time || compareText(a.note.title, b.note.title) || compareText(a.note.href, b.note.href));
  const byTerm = new Map<string, TermBacklink[]>();
  for (const { note, post, mentions } of notes) {
    for (const [key, mention] of mentions) {
      const backlink: TermBacklink = { title: note.title, href: note.href, date: note.date, noteDate: note.noteDate, count: mention.count, snippet: undefined, post };
      const list = byTerm.get(key);
      if (list) list.push(backlink);
      else byTerm.set(key, [backlink]);
    }
  }
  return byTerm;
}

/** The newest date among `dates`, if any. */
export function newestDate(dates: Iterable<NoteDate | undefined>): NoteDate | undefined {
  let newest: NoteDate | undefined;
  for (const date of dates) if (date && (!newest || date.valueOf() > newest.valueOf())) newest = date;
  return newest;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
