/**
 * The page's language, from Hexo's `language` setting, on `<html lang>`.
 *
 * Screen readers pick their voice from it, browsers their fonts for Han
 * characters, and Pagefind its word segmentation: without it a Japanese
 * page is read with an English voice and indexed as one long word per
 * sentence.
 */
import { attributesEdit, findOpenTag } from './open-tags.js';
import type { PageEdit } from './page-edits.js';

/**
 * A BCP 47 tag from Hexo's `language` setting, which may be a string or a
 * list (the first one is the site's language). Hexo's placeholder
 * `default`, and anything that isn't a plausible tag, give `undefined`.
 * Hexo spells regions with an underscore (`zh_TW`); HTML wants `zh-TW`.
 */
export function languageTag(language: unknown): string | undefined {
  const first = Array.isArray(language) ? language[0] : language;
  if (typeof first !== 'string') return undefined;
  const tag = first.trim().replace(/_/g, '-');
  if (tag === '' || tag.toLowerCase() === 'default') return undefined;
  return /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? tag : undefined;
}

/**
 * The edit that puts `lang` on the `<html>` element of `html`. A `lang` the
 * theme already wrote is kept: the theme knows its own pages. Fragments
 * without an `<html>` element get none.
 */
export function htmlLangEdit(html: string, lang: string | undefined): PageEdit | undefined {
  if (!lang) return undefined;
  const tag = findOpenTag(html, 'html');
  if (!tag || (tag.attributes['lang'] ?? '').trim() !== '') return undefined;
  return attributesEdit(html, tag, { lang });
}
