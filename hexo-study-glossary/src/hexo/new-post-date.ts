/**
 * `hexo new` (and `hexo publish`) date new notes with the current time in
 * the site's `timezone`.
 *
 * Hexo reads a front-matter date as a wall time in `config.timezone`, but
 * writes the machine's local time: on a UTC machine a site in Asia/Tokyo
 * gets notes 9 hours early. Hexo offers no hook between "now" and the
 * scaffold (`new_post_path` runs alongside the scaffold render, not before
 * it), so `hexo.post.create` is wrapped to fill in `data.date` when the
 * caller gave none.
 */
import type Hexo from 'hexo';
import { isKnownTimeZone, wallClock } from '../core/wall-clock.js';

type Create = Hexo['post']['create'];

export function registerNewPostDate(hexo: Hexo): void {
  const post = hexo.post;
  const create = post.create.bind(post) as (...args: unknown[]) => ReturnType<Create>;
  post.create = function createWithSiteDate(this: unknown, data: { date?: unknown }, ...rest: unknown[]) {
    if (data && data.date == null) {
      const zone = siteTimeZone(hexo);
      if (zone) data.date = localDateShowing(wallClock(new Date(), zone));
    }
    return create(data, ...rest);
  } as Create;
}

/** The zone Hexo reads front-matter dates in: `timezone`, else the machine's. */
function siteTimeZone(hexo: Hexo): string | undefined {
  const configured = (hexo.config as unknown as { timezone?: unknown }).timezone;
  if (typeof configured === 'string' && configured.trim()) {
    if (isKnownTimeZone(configured.trim())) return configured.trim();
    hexo.log.warn(`_config.yml: unknown timezone ${JSON.stringify(configured)}; the new note keeps Hexo's date`);
    return undefined;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A Date whose machine-local fields are `clock`. Hexo writes a Date through
 * UTC, parses that back as UTC and prints it with local getters, so what
 * lands in the file is the Date's local wall time, on any machine.
 */
function localDateShowing(clock: ReturnType<typeof wallClock>): Date {
  return new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}
