/**
 * Guards on the plugin's source as text, for rules no type can enforce:
 * - no glossary input is ever compiled into a regular expression (a term
 *   like `C++` or `(a+)+$` would break or hang it); terms are matched with
 *   a trie (core/match-terms.ts);
 * - no client-side code puts data into HTML as markup (`innerHTML` and
 *   friends): tooltips and search results build DOM nodes and set text;
 * - the core (src/core) imports nothing from Hexo, so it runs and is
 *   tested without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';

const pluginRoot = join(repoRoot, 'hexo-study-glossary');

/** Every source file of the plugin: TypeScript, and any script or asset it ships. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]s|html|ejs)$/.test(entry.name) ? [path] : [];
  });
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

function find(pattern: RegExp): Hit[] {
  return sourceFiles(pluginRoot).flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((text, index) => (pattern.test(text) ? [{ file: relative(pluginRoot, path).replaceAll('\\', '/'), line: index + 1, text: text.trim() }] : [])),
  );
}

/**
 * Regular expressions built at run time from constants, never from input.
 * Each entry: the file, a piece of the line, and why it is safe.
 */
const allowed: readonly { file: string; contains: string; why: string }[] = [
  {
    file: 'src/core/markdown-prose.ts',
    contains: 'end${blockTag}',
    why: '`blockTag` is only ever one of the constant `codeBlockTags`',
  },
  {
    file: 'src/core/markdown-prose.ts',
    contains: 'end${tag[1]}',
    why: 'guarded by `codeBlockTags.includes(tag[1])` on the same line',
  },
  {
    file: 'src/core/markdown-prose.ts',
    contains: 'new RegExp(inlineCodeTags',
    why: 'a fresh copy of a constant regular expression (for its `lastIndex`)',
  },
];

describe('plugin source', () => {
  it('finds its files', () => {
    expect(sourceFiles(pluginRoot).length).toBeGreaterThan(20);
  });

  it('never compiles a regular expression at run time, except the allow-listed constant ones', () => {
    const hits = find(/\bRegExp\s*\(/).filter((hit) => !allowed.some((entry) => entry.file === hit.file && hit.text.includes(entry.contains)));
    expect(hits).toEqual([]);
  });

  it('keeps the core free of Hexo: nothing under src/core imports hexo, a hexo-* package or the adapter', () => {
    const imports = find(/\bfrom\s+['"]|\brequire\s*\(|\bimport\s*\(/).filter((hit) => hit.file.startsWith('src/core/'));
    expect(imports.length).toBeGreaterThan(50);
    const hexoImports = imports.filter((hit) => /['"](?:hexo(?:-[^'"]*)?|\.\.\/hexo\/[^'"]*)['"]/.test(hit.text));
    expect(hexoImports).toEqual([]);
  });

  it('never writes HTML through innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(find(/\.(?:inner|outer)HTML\s*\+?=|insertAdjacentHTML\s*\(|document\.write(?:ln)?\s*\(|createContextualFragment\s*\(/)).toEqual([]);
  });
});
