/**
 * Whether a parsed YAML value is a mapping: an object that is neither a
 * list nor a date (js-yaml, and Hexo with it, turn timestamps into `Date`s).
 */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
