/** Escaping for text and attribute values inserted into HTML. */

const replacements: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const needsEscape = /[&<>"']/;

/** Escape for an attribute value in double quotes (also safe in text). */
export function escapeAttribute(value: string): string {
  // Most values (summaries, URLs) need nothing: skip the replace and its callbacks.
  return needsEscape.test(value) ? value.replace(/[&<>"']/g, (char) => replacements[char] ?? char) : value;
}

/** Escape for element text. */
export function escapeText(value: string): string {
  return escapeAttribute(value);
}
