/** Escaping for text and attribute values inserted into HTML. */

const replacements: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape for an attribute value in double quotes (also safe in text). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => replacements[char] ?? char);
}

/** Escape for element text. */
export function escapeText(value: string): string {
  return escapeAttribute(value);
}
