/**
 * Run Hexo in the site's time zone.
 *
 * Hexo reads front-matter dates in `config.timezone` but computes permalink
 * dates (`:year/:month/:day`) and the archive generator's months in the
 * machine's zone, while landscape's archive widget uses the site's. On a
 * UTC machine a note dated 2024-03-01 05:00 in Asia/Tokyo got the URL
 * `/2024/02/29/…`, an archive page for February, and a sidebar link to a
 * March archive that did not exist. Setting `TZ` for this process (Node
 * applies it at once) makes every one of those agree with the site.
 */
import type Hexo from 'hexo';
import { isKnownTimeZone, timeZoneNamed } from '../core/wall-clock.js';
import { quoteShort } from '../core/shorten.js';

/**
 * Sets `TZ` to the site's zone. Returns the problem with `timezone`, if it
 * names no zone: Hexo then fails on every note and page (moment-timezone
 * has no zone for it) and `hexo generate` wrote a site without them, so the
 * setting is dropped, and dates follow the machine's zone, as the message
 * says, until it is mended.
 */
export function registerSiteTimeZone(hexo: Hexo): string | undefined {
  const config = hexo.config as unknown as { timezone?: unknown };
  const zone = config.timezone;
  if (typeof zone !== 'string' || !zone.trim()) return undefined;
  if (!isKnownTimeZone(zone.trim())) {
    config.timezone = '';
    const meant = timeZoneNamed(zone);
    return (
      `_config.yml: "timezone" ${quoteShort(zone)} is not a time zone; ` +
      (meant ? `did you mean ${JSON.stringify(meant)}? ` : 'write an IANA name such as "Asia/Tokyo"; ') +
      "dates follow the machine's zone until it is mended"
    );
  }
  process.env['TZ'] = zone.trim();
  return undefined;
}
