/**
 * Which notes mention which term, read from the `glossary_mentions` that
 * the link filter stores on every rendered note. Only posts count (pages
 * such as an About page are not study notes), and only those Hexo
 * publishes (`locals.posts` already leaves out drafts and, unless
 * `future: true`, future posts).
 */
import { compareCodeUnits } from '../core/stable-order.js';
import { decodeMentions } from '../core/mention-record.js';
import type { Backlink } from '../core/render-pages.js';
import type { NoteStamp } from './link-filters.js';

/** A moment, as Hexo stores a note's date. */
export interface NoteDate {
  valueOf(): number;
  toISOString(): string;
  format(pattern?: string): string;
}

export interface PostLike extends NoteStamp {
  _id?: string;
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

/** A note as every term page lists it: formatted once, shared by all its terms. */
interface ListedNote {
  title: string;
  href: string;
  date: Backlink['date'];
  noteDate: NoteDate | undefined;
  post: PostLike;
}

/**
 * The notes that mention one term, newest first. A term page is rendered
 * long after its route is made, and routes live until Hexo exits: a list
 * keeps two numbers per note (which note, how many mentions), not an
 * object (some 70,000 of them at 2,000 notes and 100 terms, about 5 MB).
 */
export class TermBacklinks {
  /** `[note index, mentions]` per backlink, flat. */
  private readonly entries: number[] = [];

  constructor(private readonly notes: readonly ListedNote[]) {}

  get length(): number {
    return this.entries.length / 2;
  }

  add(noteIndex: number, count: number): void {
    this.entries.push(noteIndex, count);
  }

  /** Backlink `index` (0 is the newest), as a new object without its snippet. */
  at(index: number): TermBacklink {
    const note = this.notes[this.entries[2 * index]!]!;
    return { title: note.title, href: note.href, date: note.date, noteDate: note.noteDate, count: this.entries[2 * index + 1]!, snippet: undefined, post: note.post };
  }

  /**
   * The newest date of the notes: the first one given, as the list is
   * newest first (undated notes sort as 1970, among the dated ones).
   */
  newestDate(): NoteDate | undefined {
    for (let index = 0; index < this.entries.length; index += 2) {
      const date = this.notes[this.entries[index]!]!.noteDate;
      if (date) return date;
    }
    return undefined;
  }

  /** Every backlink, newest first: new objects, for the page being rendered. */
  toArray(): TermBacklink[] {
    return Array.from({ length: this.length }, (_, index) => this.at(index));
  }
}

/**
 * Backlinks of every mentioned term, each list newest first; without
 * snippets (see core/mention-record.ts). `noteUrl` writes a note's site
 * path (`post.path`) as a link.
 */
export function collectBacklinks(posts: readonly PostLike[], noteUrl: (path: string) => string, dateFormat: string): Map<string, TermBacklinks> {
  // A note mentions dozens of terms: format its link and date once, and sort
  // the notes once rather than every term's list.
  const read = posts.flatMap((post) => {
    const mentions = decodeMentions(post.glossary_mentions);
    if (mentions.size === 0) return [];
    const note: ListedNote = {
      title: post.title || post.slug || post.path,
      href: noteUrl(post.path),
      date: post.date ? { iso: post.date.toISOString(), text: post.date.format(dateFormat) } : undefined,
      noteDate: post.date,
      post,
    };
    return [{ note, time: post.date?.valueOf() ?? 0, mentions }];
  });
  read.sort((a, b) => b.time - a.time || compareCodeUnits(a.note.title, b.note.title) || compareCodeUnits(a.note.href, b.note.href));
  const notes = read.map(({ note }) => note);
  const byTerm = new Map<string, TermBacklinks>();
  read.forEach(({ mentions }, noteIndex) => {
    for (const [key, mention] of mentions) {
      let list = byTerm.get(key);
      if (!list) byTerm.set(key, (list = new TermBacklinks(notes)));
      list.add(noteIndex, mention.count);
    }
  });
  return byTerm;
}

/** The newest date among `dates`, if any. */
export function newestDate(dates: Iterable<NoteDate | undefined>): NoteDate | undefined {
  let newest: NoteDate | undefined;
  for (const date of dates) if (date && (!newest || date.valueOf() > newest.valueOf())) newest = date;
  return newest;
}

