/**
 * Long names in messages: a 300-character term would bury the rest of the
 * line, so a message shows its first 57 characters and `...`.
 */

/** `text` itself up to 60 characters, else its first 57 and `...`. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * `shorten(text)` as a JSON string, quotes and escapes included; invisible
 * characters (zero-width, direction marks) escaped too, so a message shows
 * them and a direction mark does not turn the rest of the line around.
 */
export function quoteShort(text: string): string {
  return JSON.stringify(shorten(text)).replace(/\p{Cf}/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** How a message names a character: `U+200B`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
