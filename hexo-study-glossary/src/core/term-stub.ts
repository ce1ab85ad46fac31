/**
 * The entry `hexo terms new NAME` appends to a glossary file.
 *
 * The stub is a valid entry, so the site keeps building, with a summary that
 * starts with `TODO`: `hexo terms check` lists such entries as still to
 * write, and `--strict` fails on them, so a stub cannot reach a published
 * site unnoticed. The optional fields are there as comments, ready to fill in.
 */
import { dump } from 'js-yaml';
import { todoMarker } from './check-terms.js';
import type { Glossary, GlossaryEntry } from './types.js';

/** YAML text of the stub, to append to a file (it starts and ends with a line break). */
export function termStub(name: string): string {
  // js-yaml quotes the key when YAML needs it (`a: b`, `- x`, `true`, `123`…).
  const key = dump({ [name]: null }, { lineWidth: -1 }).replace(/: null\n$/, '');
  return [
    '',
    `${key}:`,
    `  summary: ${todoMarker} 一、二文の説明（ツールチップと用語ページに出ます）`,
    '  # title: 表示名（省略すると見出しの語）',
    '  # aliases: [別の書き方, English name]',
    '  # reading: よみがな',
    '  # parent: 上位の用語',
    '  # related: [関連する用語]',
    '  # description: |',
    '  #   用語ページに出す詳しい説明（Markdown）',
    '  # links:',
    '  #   - { title: 公式ドキュメント, url: https://example.com/ }',
    '  # case_sensitive: false  # 大文字小文字を区別せずにリンクする',
    '  # link: false            # 自動ではリンクせず、{% term %} でだけリンクする',
    '  # slug: url-no-namae     # 用語ページの URL（省略すると見出しの語から作る）',
    '',
  ].join('\n');
}

/**
 * The entry that already spells `name`, compared as the matcher compares
 * (NFKC), and also ignoring case: `eks` next to `EKS` is a mistake more
 * often than a new term.
 */
export function existingSpelling(glossary: Glossary, name: string): { entry: GlossaryEntry; alias: boolean } | undefined {
  const wanted = name.normalize('NFKC').toLowerCase();
  for (const entry of glossary.entries) {
    if (entry.key.normalize('NFKC').toLowerCase() === wanted) return { entry, alias: false };
  }
  for (const entry of glossary.entries) {
    if (entry.aliases.some((alias) => alias.normalize('NFKC').toLowerCase() === wanted)) return { entry, alias: true };
  }
  return undefined;
}

/**
 * Appends the stub to a file's text, with the line break the file may lack,
 * and in the file's line ends (a file written on Windows keeps its CRLF).
 */
export function appendStub(content: string, name: string): string {
  const lineEnd = content.includes('\r\n') ? '\r\n' : '\n';
  const stub = termStub(name).replace(/\n/g, lineEnd);
  if (content === '' || /^\s*$/.test(content)) return stub.replace(/^\r?\n/, '');
  return `${content}${content.endsWith('\n') ? '' : lineEnd}${stub}`;
}
