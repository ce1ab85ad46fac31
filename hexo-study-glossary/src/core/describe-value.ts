/** What a parsed YAML value is, in words, for a message that says what was expected instead. */
import { quoteShort } from './shorten.js';

/** `a list`, `a date`, `a mapping`, `the string "x"`, `the number 42`, `null`… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quoteShort(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
