/**
 * Long names in messages: a 300-character term would bury the rest of the
 * line, so a message shows its first 57 characters and `...`.
 */

/** `text` itself up to 60 characters, else its first 57 and `...`. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `shorten(text)` as a JSON string, quotes and escapes included. */
export function quoteShort(text: string): string {
  return JSON.stringify(shorten(text));
}
