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
  return JSON.stringify(shorten(text)).replace(/\p{Cf}/gu, escaped);
}

/** How a message names a character: `U+200B`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `message` safe to print on a terminal: control characters other than line
 * breaks and tabs (an escape sequence in a file name can clear or recolour a
 * CI log, or fake a line), and the marks that turn text around (U+202A–202E,
 * U+2066–2069: the rest of the line would read backwards), written as
 * `\u001b` and the like.
 */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escaped);
}

/** A character as a message writes it out: `\u001b`. */
function escaped(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
