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
import { isKnownTimeZone } from '../core/wall-clock.js';

export function registerSiteTimeZone(hexo: Hexo): void {
  const zone = (hexo.config as unknown as { timezone?: unknown }).timezone;
  if (typeof zone !== 'string' || !zone.trim()) return;
  if (!isKnownTimeZone(zone.trim())) {
    hexo.log.warn(`_config.yml: unknown timezone ${JSON.stringify(zone)}; dates follow the machine's zone`);
    return;
  }
  process.env['TZ'] = zone.trim();
}
