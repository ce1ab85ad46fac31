/**
 * Wall-clock time in a time zone, for dates written into new notes.
 *
 * Hexo reads a front-matter date such as `2026-04-01 09:30:00` as a wall
 * time in the site's `timezone`, so that is what a new note must say.
 */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` (an IANA name) at `instant`; throws a RangeError on an unknown zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = new Map<string, string>(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const field = (name: string) => Number(parts.get(name));
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** `YYYY-MM-DD HH:mm:ss`, the form Hexo writes and reads in front matter. */
export function formatWallClock(clock: WallClock): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(clock.year).padStart(4, '0')}-${two(clock.month)}-${two(clock.day)} ${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}`;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA zone a mistyped `timezone` most likely means: the one whose city
 * is the name written (`Tokyo` is `Asia/Tokyo`, `new york` is
 * `America/New_York`).
 */
export function timeZoneNamed(name: string): string | undefined {
  const city = name.trim().replace(/ /g, '_').toLowerCase();
  if (!city) return undefined;
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.slice(zone.lastIndexOf('/') + 1).toLowerCase() === city);
}
