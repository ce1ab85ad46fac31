// Synthetic corpora for the benchmarks: notes shaped like the AWS note with
// varied text, and synthetic glossary terms. Deterministic (seeded).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hexoBin = join(repoRoot, 'node_modules', 'hexo', 'bin', 'hexo');

/**
 * The `glossary:` settings the benchmarks compare: "plain" is Hexo without
 * the plugin (not even loaded: see `setGlossaryMode`); "linked" links every
 * note and writes the glossary pages; "all features" adds auto tags (Hexo
 * tag pages) and the Pagefind index.
 */
export const glossaryModes = {
  plain: '  enable: false\n',
  linked: '  enable: true\n  auto_tags: false\n  search: false\n',
  'all features': '  enable: true\n  auto_tags: true\n  search: true\n',
};

/**
 * Switches a corpus site's `glossary:` settings to one of `glossaryModes`.
 * For "plain" the plugin also leaves the site's dependencies, so that Hexo
 * doesn't load it: with `enable: false` alone, its code would still be
 * loaded (some 70 ms) and keep `{% term %}` working, which plain Hexo doesn't.
 */
export function setGlossaryMode(site, mode) {
  const path = join(site, '_config.yml');
  const config = readFileSync(path, 'utf8').replace(/\nglossary:\n(?: {2}[^\n]*\n)+/, `\nglossary:\n${glossaryModes[mode]}`);
  writeFileSync(path, config);
  const manifestPath = join(site, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.dependencies ??= {};
  if (mode === 'plain') delete manifest.dependencies['hexo-study-glossary'];
  else manifest.dependencies['hexo-study-glossary'] = '*';
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** How many terms this repo's glossary defines (the top-level keys of its YAML files, in subfolders too). */
export function realTermCount() {
  const dir = join(repoRoot, 'source', '_glossary');
  return readdirSync(dir, { recursive: true })
    .filter((name) => /\.ya?ml$/.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('.')))
    .reduce((count, name) => count + (readFileSync(join(dir, name), 'utf8').match(/^\S[^\n]*:\s*$/gm) ?? []).length, 0);
}

/** Small seeded PRNG (mulberry32), so corpora are the same on every run. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedNote = readFileSync(join(repoRoot, 'source', '_posts', 'aws-study-day2.md'), 'utf8');
const seedBody = seedNote.replace(/^---\n[\s\S]*?\n---\n/, '');
/** The note's sections (split at headings), the unit that notes are made of. */
const sections = seedBody.split(/\n(?=#)/).filter((section) => section.trim());
const fillers = ['ちなみに', '復習すると', 'ポイントは', '覚えておきたいのは', 'つまり', '実際に試すと'];

/** Markdown body of note `index`: the seed's sections, shuffled, with varied numbers and asides. */
export function noteBody(index) {
  const next = random(index + 1);
  const picked = sections.filter(() => next() < 0.8);
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  return picked
    .map((section) => section.replace(/\d+/g, (digits) => String((Number(digits) + index) % 1000)))
    .map((section) => `${section}\n\n${fillers[Math.floor(next() * fillers.length)]}、ノート ${index} の補足。\n`)
    .join('\n');
}

export function noteFile(index) {
  const day = new Date(Date.UTC(2020, 0, 1) + index * 6 * 3600 * 1000);
  const date = day.toISOString().replace('T', ' ').slice(0, 19);
  return `---\ntitle: AWS勉強会ノート ${index}\ndate: ${date}\ntags:\n---\n${noteBody(index)}`;
}

/** YAML for `count` synthetic terms (ASCII, katakana and mixed), none clashing with real ones. */
export function syntheticGlossary(count) {
  const next = random(4242);
  const katakana = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
  const lines = [];
  for (let i = 0; i < count; i++) {
    let key;
    if (i % 3 === 0) key = `Synth${i.toString(36).toUpperCase()}Service`;
    else if (i % 3 === 1) key = Array.from({ length: 5 }, () => katakana[Math.floor(next() * katakana.length)]).join('') + `${i}`;
    else key = `ZX${i}ロール`;
    lines.push(`${JSON.stringify(key)}:`, `  summary: 合成用語 ${i} の説明。`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A site in a temporary folder: this repo's configuration and glossary,
 * `notes` synthetic notes, `extraTerms` synthetic terms.
 */
export function makeCorpusSite({ notes, extraTerms = 0, dir }) {
  const base = dir ?? mkdtempSync(join(tmpdir(), 'bench-site-'));
  for (const name of ['_config.yml', '_config.landscape.yml', 'package.json', 'scaffolds']) {
    cpSync(join(repoRoot, name), join(base, name), { recursive: true });
  }
  cpSync(join(repoRoot, 'source', '_glossary'), join(base, 'source', '_glossary'), { recursive: true });
  if (extraTerms > 0) writeFileSync(join(base, 'source', '_glossary', 'zz-synthetic.yml'), syntheticGlossary(extraTerms));
  mkdirSync(join(base, 'source', '_posts'), { recursive: true });
  for (let i = 0; i < notes; i++) writeFileSync(join(base, 'source', '_posts', `note-${i}.md`), noteFile(i));
  if (!existsSync(join(base, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(base, 'node_modules'), 'dir');
  return base;
}
