/** True for a UTF-16 unit that is an ASCII letter or digit (`NaN`, past the end of a string, is not). */
export function isAsciiAlnum(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

/** True for a UTF-16 unit that is a visible ASCII character: a letter, a digit or a symbol (not a space or control). */
export function isAsciiVisible(unit: number): boolean {
  return unit > 32 && unit < 127;
}

/**
 * True for a UTF-16 unit that continues an ASCII word: a letter, a digit or
 * `_`, which joins the words of an identifier (`ECR_REPO`).
 */
export function isAsciiWord(unit: number): boolean {
  return isAsciiAlnum(unit) || unit === 95;
}
