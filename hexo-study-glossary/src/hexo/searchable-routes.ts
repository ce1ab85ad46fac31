/**
 * The routes whose page the search index may take: those rendered with a
 * searchable layout (a note, a page, a term page), as Hexo makes each
 * route's locals at every generation.
 *
 * Why: under `hexo server`, the index is rebuilt in the background by
 * rendering pages (see reader-search-index.ts), and only pages with such a
 * layout carry Pagefind's marker (reader-search.ts marks them when they
 * render). With auto tags at 2,000 notes, two routes in three are tag,
 * archive and index pages: rendering them there, only to find no marker,
 * took 93 s a rebuild where 55 s do now.
 */
import type Hexo from 'hexo';

/** After other `template_locals` filters (10; the glossary's own at 10 too), which may replace the page. */
const searchableRoutesPriority = 1000;

export interface SearchableRoutes {
  /** Whether the route at `path` (as Hexo lists it) was made with a searchable layout in the last generation. */
  has(path: string): boolean;
}

export function registerSearchableRoutes(hexo: Hexo, layouts: readonly string[]): SearchableRoutes {
  let paths = new Set<string>();
  // Every generation makes every route's locals again; routes it drops go too.
  hexo.on('generateBefore', () => {
    paths = new Set();
  });
  hexo.extend.filter.register(
    'template_locals',
    (locals: { page?: { layout?: unknown } | null; path?: unknown }) => {
      const layout = locals.page?.layout;
      if (typeof locals.path === 'string' && typeof layout === 'string' && layouts.includes(layout)) paths.add(locals.path);
      return locals;
    },
    searchableRoutesPriority,
  );
  return { has: (path) => paths.has(path) };
}
