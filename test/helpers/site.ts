/**
 * Real Hexo sites for integration tests: a fixture folder (or this repo's
 * own site) is copied into a temporary folder that borrows this repo's
 * node_modules, and the real `hexo` command runs there.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hexoBin = join(repoRoot, 'node_modules', 'hexo', 'bin', 'hexo');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, colours removed. */
  output: string;
}

export interface Site {
  dir: string;
  /** Run `hexo …args` in the site. */
  hexo(...args: string[]): Promise<RunResult>;
  /** Read a file of the site (e.g. `public/index.html`). */
  read(path: string): string;
  exists(path: string): boolean;
  /**
   * The files under a folder of the site, every level down, whose names
   * match `pattern`, as paths `read` takes (`public/tags/eks/index.html`),
   * sorted; none when the folder does not exist.
   */
  files(folder: string, pattern: RegExp): string[];
  write(path: string, content: string): void;
  remove(path: string): void;
  dispose(): void;
}

/** The files that make up this repo's site. */
const siteFiles = ['_config.yml', '_config.landscape.yml', 'package.json', 'source', 'scaffolds', 'themes'];

/**
 * Make a temporary site. `from` is `'repo'` for this repository's site, or
 * the name of a folder under `test/fixtures/sites/`. `files` are written over it.
 */
export function makeSite(from: string, files: Record<string, string> = {}): Site {
  const dir = mkdtempSync(join(tmpdir(), `site-${from.replace(/\W/g, '')}-`));
  if (from === 'repo') {
    for (const name of siteFiles) {
      if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
    }
  } else {
    cpSync(join(repoRoot, 'test', 'fixtures', 'sites', from), dir, { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const site: Site = {
    dir,
    hexo: (...args) => runHexo(dir, args),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    exists: (path) => existsSync(join(dir, path)),
    files: (folder, pattern) => filesUnder(dir, folder, pattern),
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    remove: (path) => rmSync(join(dir, path), { force: true, recursive: true }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(files)) site.write(path, content);
  return site;
}

function filesUnder(dir: string, folder: string, pattern: RegExp): string[] {
  const root = join(dir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(basename(name)) && statSync(join(root, name)).isFile())
    .map((name) => posix.join(folder, name.split(sep).join('/')))
    .sort();
}

export function runHexo(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [hexoBin, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({ code, stdout, stderr, output: stripAnsi(stdout + stderr) });
    });
  });
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
