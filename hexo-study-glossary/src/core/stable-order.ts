/**
 * Orders that do not depend on the machine: text compared by UTF-16 code
 * units, as JavaScript's `<` does (no locale, no ICU version).
 */

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
