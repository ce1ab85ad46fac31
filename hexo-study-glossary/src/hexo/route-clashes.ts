/**
 * The plugin's pages must not take the place of the site's own. A note or
 * a page whose permalink is where a glossary page goes (`glossary/eks/`),
 * or is a file where one needs a folder (`permalink: glossary/iam`), was
 * overwritten without a word, or made Hexo crash writing the other (ENOTDIR,
 * EISDIR). The site's page keeps its place, the plugin's is left out, and
 * the clash fails the build, once per page of the site's own.
 */
import { printable } from '../core/shorten.js';
import type Hexo from 'hexo';
import type { GlossaryStore } from './store.js';

/** A route a generator returns. */
interface RouteLike {
  path: string;
}

/** A page or a note of the site's own. */
interface SitePage {
  path: string;
  source: string;
}

interface SiteLocals {
  posts: { toArray(): unknown[] };
  pages: { toArray(): unknown[] };
}

/**
 * For a generator named `owner`: its routes without those a page of the
 * site's own takes, each clash reported (`what` names the plugin's pages,
 * "the glossary (glossary.path: terms)").
 */
export type KeepClear = <T extends RouteLike>(routes: readonly T[], locals: unknown, owner: string, what: string) => T[];

export function routeClashes(hexo: Hexo, store: GlossaryStore): KeepClear {
  return (routes, locals, owner, what) => {
    const key = `${owner} (a page of the site's own at its place)`;
    store.clearNoteProblems(key);
    const site = locals as SiteLocals;
    const pages = [...site.pages.toArray(), ...site.posts.toArray()] as Partial<SitePage>[];
    // Compared as Hexo's router writes them, ignoring case: on macOS and Windows `Glossary/` is `glossary/`.
    const taken = new Map<string, SitePage[]>();
    for (const page of pages) {
      if (typeof page.path !== 'string') continue;
      const path = routePath(page.path).toLowerCase();
      taken.set(path, [...(taken.get(path) ?? []), { path: page.path, source: page.source ?? page.path }]);
    }
    const clashes = new Map<SitePage, string[]>();
    const kept = routes.filter((route) => {
      const parts = route.path.toLowerCase().split('/');
      // The route's file, or a file where one of its folders must be.
      const at = parts.map((_, index) => parts.slice(0, index + 1).join('/')).find((path) => taken.has(path));
      if (at === undefined) return true;
      for (const page of taken.get(at)!) clashes.set(page, [...(clashes.get(page) ?? []), route.path]);
      return false;
    });
    for (const [page, paths] of clashes) {
      const same = paths.length === 1 && paths[0]!.toLowerCase() === routePath(page.path).toLowerCase();
      const where = same ? 'has a page too' : `needs a folder there for ${paths.length === 1 ? `/${paths[0]}` : `${paths.length} pages (/${paths[0]}…)`}`;
      const message = `source/${page.source}: this page is at /${routePath(page.path)}, where ${what} ${where}; the site's own page is kept: move it or ${what.includes('glossary.path') ? 'set glossary.path in _config.yml' : 'give it another permalink'}`;
      hexo.log.error(printable(message));
      store.addNoteProblem(key, message);
    }
    return kept;
  };
}

/** A page's path as Hexo's router writes it: no leading slash, `index.html` after a trailing one. */
function routePath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/$|^$/, '$&index.html');
}
