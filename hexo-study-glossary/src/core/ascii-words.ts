/**
 * Splits text into ASCII words the way people write technical names:
 * `livenessProve` is `liveness` + `Prove`, `IAMRole` is `IAM` + `Role`,
 * while `EC2`, `S3` and `k8s` stay whole. Offsets are UTF-16 offsets into
 * the text, so callers can quote and locate what they found.
 */

export interface AsciiWord {
  text: string;
  start: number;
  end: number;
  /**
   * How this word is joined to the previous one: `''` inside one token
   * (a camelCase boundary), `' '` across spaces, `'-'` across one `-` or
   * `_`, or `undefined` when anything else stands between them.
   */
  joint: '' | ' ' | '-' | undefined;
}

/** ASCII words of one line, camelCase split. */
export function asciiWords(line: string): AsciiWord[] {
  const words: AsciiWord[] = [];
  let previousEnd = -1;
  for (const token of line.matchAll(/[A-Za-z0-9]+/g)) {
    const start = token.index;
    const between = previousEnd < 0 ? undefined : line.slice(previousEnd, start);
    let joint: AsciiWord['joint'] = undefined;
    if (between !== undefined) {
      if (/^[ \t]+$/.test(between)) joint = ' ';
      else if (between === '-' || between === '_') joint = '-';
    }
    for (const part of camelParts(token[0])) {
      words.push({ text: part.text, start: start + part.offset, end: start + part.offset + part.text.length, joint });
      joint = '';
    }
    previousEnd = start + token[0].length;
  }
  return words;
}

/** `livenessProve` → `liveness`, `Prove`; `IAMRole` → `IAM`, `Role`; digits stick to what they follow. */
export function camelParts(token: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  for (let index = 1; index < token.length; index++) {
    const before = token[index - 1]!;
    const here = token[index]!;
    const after = token[index + 1];
    const lowerToUpper = isLower(before) && isUpper(here);
    // The last capital of a run starts the next word: IAM|Role.
    const upperRunEnds = isUpper(before) && isUpper(here) && after !== undefined && isLower(after);
    const digitToUpper = isDigit(before) && isUpper(here) && after !== undefined && isLower(after);
    if (lowerToUpper || upperRunEnds || digitToUpper) {
      parts.push({ text: token.slice(start, index), offset: start });
      start = index;
    }
  }
  parts.push({ text: token.slice(start), offset: start });
  return parts;
}

function isLower(char: string): boolean {
  return char >= 'a' && char <= 'z';
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
