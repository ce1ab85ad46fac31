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

/**
 * Longest slug, in UTF-8 bytes. A slug is a folder name under `public/`,
 * and file systems cap names at 255 bytes: a 100-character Japanese term
 * (300 bytes) once stopped the whole build with ENAMETOOLONG.
 */
export const maxSlugBytes = 100;

/**
 * Slug for a term, with a stable fallback when the term has no letters; one
 * too long for a folder name is cut and made unique with a hash of the term.
 */
export function termSlug(key: string): string {
  const slug = slugify(key);
  if (!slug) return `term-${shortHash(key)}`;
  if (utf8Length(slug) <= maxSlugBytes) return slug;
  const suffix = `-${shortHash(key)}`;
  let kept = '';
  for (const char of slug) {
    if (utf8Length(kept + char) + suffix.length > maxSlugBytes) break;
    kept += char;
  }
  return `${kept.replace(/-+$/, '')}${suffix}`;
}

/** Whether an explicit `slug:` is acceptable: already in slug form, and not too long. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && utf8Length(slug) <= maxSlugBytes && slugify(slug) === slug;
}

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
