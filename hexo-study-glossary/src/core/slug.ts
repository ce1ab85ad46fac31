/**
 * Slugs for term and tag pages.
 *
 * Readable (`eks`, `alb-ingress-controller`), Japanese kept as it is (hrefs
 * percent-encode it), never empty and never a path: only letters, marks,
 * digits and single hyphens survive, so `/`, `.` and `..` cannot reach the
 * file system. Symbols that carry meaning in technical terms get words, so
 * `C++` and `C#` stay apart (hexo-util's slugize makes both `C`).
 */
import { createHash } from 'node:crypto';

const symbolWords: ReadonlyMap<string, string> = new Map([
  ['+', 'plus'],
  ['#', 'sharp'],
  ['&', 'and'],
  ['@', 'at'],
]);

const keep = /[\p{L}\p{M}\p{N}]/u;

/** Slug derived from a term; `''` when nothing readable is left. */
export function slugify(text: string): string {
  const parts: string[] = [];
  let word = '';
  for (const char of text.normalize('NFKC').toLowerCase()) {
    if (keep.test(char)) {
      word += char;
      continue;
    }
    if (word) parts.push(word);
    word = '';
    const spoken = symbolWords.get(char);
    if (spoken) parts.push(spoken);
  }
  if (word) parts.push(word);
  return parts.join('-');
}

/** Slug for a term, with a stable fallback when the term has no letters. */
export function termSlug(key: string): string {
  return slugify(key) || `term-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** Whether an explicit `slug:` is acceptable: already in slug form. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 100 && slugify(slug) === slug;
}
