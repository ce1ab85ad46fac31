/**
 * The `glossary:` section of `_config.yml`, normalized once.
 */
import { isMapping } from './is-mapping.js';
import { closestSpelling } from './near-misses.js';

export type LinkMode = 'first' | 'all';

/** Options as written in `_config.yml` (all optional). */
export interface GlossaryConfig {
  /** Turn the whole plugin on or off. Default: `true`. */
  enable?: boolean;
  /** Folder under `source/` holding `*.yml` glossary files. Default: `'_glossary'`. */
  dir?: string;
  /** URL path of the glossary pages. Default: `'glossary'`. */
  path?: string;
  /** Link the `first` occurrence of each term per note, or `all`. Default: `'first'`. */
  link?: LinkMode;
  /** Tag notes with the terms they mention; `{ min_mentions: N }` sets a threshold. Default: `true`. */
  auto_tags?: boolean | { min_mentions?: number };
  /** Elements whose text is never linked. Default: `defaultSkip` of link-html. */
  skip?: string[];
  /** Build the Pagefind search index and the `/search/` page. Default: `true`. */
  search?: boolean;
  /**
   * How many of a term's newest notes its page shows with date and snippet;
   * older notes are listed by title and mention count. `'all'` for every one.
   * Default: `50`.
   */
  snippets?: number | 'all';
}

/** Normalized options. */
export interface GlossaryOptions {
  enable: boolean;
  dir: string;
  path: string;
  link: LinkMode;
  autoTags: false | { minMentions: number };
  skip: readonly string[] | undefined;
  search: boolean;
  /** `Infinity` for `'all'`. */
  snippets: number;
}

export const defaultOptions: Readonly<Omit<GlossaryOptions, 'autoTags'>> & { autoTags: { minMentions: number } } = {
  enable: true,
  dir: '_glossary',
  path: 'glossary',
  link: 'first',
  autoTags: { minMentions: 1 },
  skip: undefined,
  search: true,
  snippets: 50,
};

/** Options read from `_config.yml`, and what was wrong with them. */
export interface NormalizedOptions {
  options: GlossaryOptions;
  /** One message per bad or unknown option, naming it; each bad one took its default. */
  problems: string[];
}

/**
 * Normalize the user's `glossary:` config. Each option is read on its own:
 * a bad value is a problem and that option takes its default, while the
 * others keep what the user wrote (`link: every` must not turn search back
 * on, nor a typo elsewhere turn on a plugin set to `enable: false`).
 */
export function normalizeOptions(config: unknown): NormalizedOptions {
  const problems: string[] = [];
  let user: Record<string, unknown> = {};
  if (isMapping(config)) {
    user = config;
  } else if (config !== undefined && config !== null) {
    problems.push('_config.yml: "glossary" must be a mapping of options; the defaults are used');
  }
  const known = ['enable', 'dir', 'path', 'link', 'auto_tags', 'skip', 'search', 'snippets'];
  for (const key of Object.keys(user)) {
    if (!known.includes(key)) problems.push(unknownOption(`glossary.${key}`, key, known));
  }
  const read = <T>(fallback: T, reader: () => T): T => {
    try {
      return reader();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };

  const options: GlossaryOptions = {
    enable: read(defaultOptions.enable, () => readBoolean(user, 'enable', defaultOptions.enable)),
    dir: read(defaultOptions.dir, () => readGlossaryDir(user)),
    path: read(defaultOptions.path, () => readPathSegment(user, 'path', defaultOptions.path)),
    link: read(defaultOptions.link, () => readLinkMode(user)),
    autoTags: read({ ...defaultOptions.autoTags }, () => readAutoTags(user)),
    skip: read(defaultOptions.skip, () => readSkip(user)),
    search: read(defaultOptions.search, () => readBoolean(user, 'search', defaultOptions.search)),
    snippets: read(defaultOptions.snippets, () => readSnippets(user)),
  };
  return { options, problems };
}

function readSnippets(user: Record<string, unknown>): number {
  const value = user['snippets'];
  if (value === undefined || value === null) return defaultOptions.snippets;
  if (value === 'all') return Infinity;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new TypeError(`_config.yml: "glossary.snippets" must be a whole number of at least 0, or "all", got ${JSON.stringify(value)}`);
}

function readBoolean(user: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = user[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`_config.yml: "glossary.${key}" must be true or false`);
  return value;
}

function readPathSegment(user: Record<string, unknown>, key: string, fallback: string): string {
  const value = user[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw new TypeError(`_config.yml: "glossary.${key}" must be a string`);
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  const segments = trimmed.split('/');
  if (!trimmed || segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'))) {
    throw new TypeError(`_config.yml: "glossary.${key}" must be a relative folder like "${fallback}", got ${JSON.stringify(value)}`);
  }
  return trimmed;
}

/**
 * The glossary's folder must be one Hexo leaves out of the site: its name,
 * or a parent's, starts with `_` or `.` (Hexo's hidden files, like
 * `_glossary`, `notes/_terms` or `.glossary`). Hexo renders YAML files
 * anywhere else under source/ and publishes them as JSON, glossary drafts
 * and all; and it reads those under
 * `_posts` and `_drafts` as notes.
 */
function readGlossaryDir(user: Record<string, unknown>): string {
  const dir = readPathSegment(user, 'dir', defaultOptions.dir);
  const segments = dir.split('/');
  if (segments[0] === '_posts' || segments[0] === '_drafts') {
    throw new TypeError(`_config.yml: "glossary.dir" ${JSON.stringify(user['dir'])} is where Hexo reads notes, which would make each glossary file a note; use a folder of its own like "${defaultOptions.dir}"`);
  }
  if (!segments.some((segment) => segment.startsWith('_') || segment.startsWith('.'))) {
    throw new TypeError(
      `_config.yml: "glossary.dir" must be a folder whose name (or a parent's) starts with "_" or "." (like "${defaultOptions.dir}"), which Hexo does not publish; got ${JSON.stringify(user['dir'])}`,
    );
  }
  return dir;
}

function readLinkMode(user: Record<string, unknown>): LinkMode {
  const value = user['link'];
  if (value === undefined || value === null) return defaultOptions.link;
  if (value !== 'first' && value !== 'all') {
    throw new TypeError(`_config.yml: "glossary.link" must be "first" or "all", got ${JSON.stringify(value)}`);
  }
  return value;
}

function readAutoTags(user: Record<string, unknown>): GlossaryOptions['autoTags'] {
  const value = user['auto_tags'];
  if (value === undefined || value === null || value === true) return { ...defaultOptions.autoTags };
  if (value === false) return false;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const unknown = Object.keys(value).find((key) => key !== 'min_mentions');
    if (unknown !== undefined) throw new TypeError(unknownOption(`glossary.auto_tags.${unknown}`, unknown, ['min_mentions']));
    const minimum = (value as Record<string, unknown>)['min_mentions'];
    if (minimum === undefined) return { ...defaultOptions.autoTags };
    if (typeof minimum === 'number' && Number.isInteger(minimum) && minimum >= 1) return { minMentions: minimum };
    throw new TypeError('_config.yml: "glossary.auto_tags.min_mentions" must be a whole number of at least 1');
  }
  throw new TypeError('_config.yml: "glossary.auto_tags" must be true, false or { min_mentions: N }');
}

function readSkip(user: Record<string, unknown>): readonly string[] | undefined {
  const value = user['skip'];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !/^[a-z][a-z0-9-]*$/i.test(item))) {
    throw new TypeError('_config.yml: "glossary.skip" must be a list of element names');
  }
  return value.map((item: string) => item.toLowerCase());
}

/**
 * Which of the folders other pages are written under (`taken`, by what
 * names them) the glossary's `path` would share, if any: Hexo writes
 * routes in no set order, so the glossary pages and those would overwrite
 * each other (`path: tags` lost the tag index and Japanese tag pages).
 */
export function pathClash(path: string, taken: Readonly<Record<string, string | readonly string[] | undefined>>): string | undefined {
  // Compared ignoring case: on macOS and Windows `Tags/` and `tags/` are one folder.
  const inside = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}/`);
  const own = path.toLowerCase();
  for (const [name, dirs] of Object.entries(taken)) {
    for (const dir of typeof dirs === 'string' ? [dirs] : (dirs ?? [])) {
      const folder = dir.trim().replace(/^\/+|\/+$/g, '').toLowerCase();
      if (folder && (inside(folder, own) || inside(own, folder))) return name;
    }
  }
  return undefined;
}

/** The message for an option no one reads, with the one most likely meant. */
function unknownOption(option: string, key: string, known: readonly string[]): string {
  const meant = closestSpelling(key, known);
  return `_config.yml: unknown option "${option}"` + (meant === undefined ? '' : `; did you mean "${meant}"?`);
}
