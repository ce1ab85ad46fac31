/** Katakana as the linker and `hexo terms check` read it, UTF-16 unit by unit. */

/**
 * A katakana letter, `ー` or an iteration mark, full- or half-width (not the
 * middle dot `・`, which parts the words of a compound).
 */
export function isKatakana(unit: number): boolean {
  return (unit >= 0x30a1 && unit <= 0x30fa) || (unit >= 0x30fc && unit <= 0x30ff) || (unit >= 0x31f0 && unit <= 0x31ff) || (unit >= 0xff66 && unit <= 0xff9f);
}

/** `ー`, full- or half-width. */
export function isLongVowelMark(unit: number): boolean {
  return unit === 0x30fc || unit === 0xff70;
}

/**
 * Whether a form (NFKC) starts with katakana, of which fewer than four kana
 * before the first character that is not katakana (`ログ`, `ポート`,
 * `ポート番号`; not `サブネット`): a term the linker links inside a katakana
 * word only after four kana of it or after another term.
 */
export function startsWithShortKatakana(norm: string): boolean {
  let kana = 0;
  let index = 0;
  for (; index < norm.length && isKatakana(norm.charCodeAt(index)); index++) {
    if (!isLongVowelMark(norm.charCodeAt(index))) kana++;
  }
  return index > 0 && kana < 4;
}
