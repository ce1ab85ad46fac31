/**
 * Notes' and pages' ids, as themes write them into pages, that stay the
 * same from build to build.
 *
 * Hexo gives each note and page a random id (`cuid` and 21 random
 * characters) when it first reads it, kept in db.json: `hexo clean` throws
 * it away, so each clean build gives another. Themes write it into pages
 * (landscape's share button, `data-id="cuid…"`, on every note and every
 * listing), and every page that lists a note changed with each deploy.
 * Each id of a note or page in a page's HTML is written here as one made
 * from its source file, of the same shape; what Hexo stores is unchanged.
 *
 * So are the random entities of a note's `mailto:` addresses (see
 * core/stable-mailto.ts), in what Hexo stores, before any other filter.
 */
import { createHash } from 'node:crypto';
import type Hexo from 'hexo';
import { storedIdEdits } from '../core/stored-ids.js';
import { stableMailto } from '../core/stable-mailto.js';
import { recordOf } from './model-records.js';
import type { PageEditors } from './page-edits.js';

export function registerStableIds(hexo: Hexo, pageEditors: PageEditors): void {
  // Before other filters (10) and the link filter read the note: see core/stable-mailto.ts.
  hexo.extend.filter.register(
    'after_post_render',
    (data: { content?: unknown }) => {
      if (typeof data.content === 'string') data.content = stableMailto(data.content);
      return data;
    },
    9,
  );

  // Ids by what they are made from: a listing names the same notes as many
  // others (some 130 ms of hashing for 300 notes without it). A source's id
  // never changes, so nothing here goes stale.
  const made = new Map<string, string>();
  const stableId = (id: string): string | undefined => {
    for (const model of ['Post', 'Page']) {
      // The model's own record, by id (no copy of the document is made).
      const record = recordOf<{ source?: unknown }>(hexo, model, id);
      if (typeof record?.source !== 'string') continue;
      const from = `${model}\u0000${record.source}`;
      let stable = made.get(from);
      if (stable === undefined) {
        stable = `cuid${createHash('sha256').update(from).digest('base64url').slice(0, 21)}`;
        made.set(from, stable);
      }
      return stable;
    }
    return undefined;
  };

  pageEditors.add((html) => storedIdEdits(html, stableId));
}
