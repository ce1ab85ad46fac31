/**
 * The Hexo adapter: registers everything in one place. It keeps no
 * module-level state; each call makes its own store.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Hexo from 'hexo';
import { placeOptionProblems } from '../core/option-positions.js';
import { defaultOptions, normalizeOptions, pathClash, type GlossaryOptions } from '../core/options.js';
import { createStore } from './store.js';
import { registerGlossaryProcessor } from './processor.js';
import { registerLinkFilters } from './link-filters.js';
import { registerLinkedNotes } from './linked-notes.js';
import { registerPlainTermTag, registerTermTag } from './term-tag.js';
import { registerTemplateErrors } from './template-errors.js';
import { registerLineStartTags } from './line-start-tags.js';
import { registerExitStatus } from './exit-status.js';
import { registerGenerators } from './generators.js';
import { registerAutoTags } from './auto-tags.js';
import { registerHelpers } from './helpers.js';
import { registerPageStyles } from './page-styles.js';
import { registerDisabledTermsCommand, registerTermsCommand } from './console-terms.js';
import { registerLiveReload } from './live-reload.js';
import { registerMissedRegenerations } from './missed-regenerations.js';
import { registerNewPostDate } from './new-post-date.js';
import { registerPublishDraft } from './publish-draft.js';
import { registerReaderTheme } from './reader-theme.js';
import { registerHeadingAnchors } from './heading-anchors.js';
import { registerReaderSearch, searchPagePath } from './reader-search.js';
import { registerReaderTooltips } from './reader-tooltips.js';
import { registerReadingSettings } from './reading-settings.js';
import { registerNoteChecks } from './note-checks.js';
import { registerWatchedFiles } from './watched-files.js';
import { registerServerGuard } from './server-guard.js';
import { registerStalePages } from './stale-pages.js';
import { registerSafeListHelpers } from './safe-list-helpers.js';
import { registerSiteTimeZone } from './site-time-zone.js';
import { registerGenerateConcurrency } from './generate-concurrency.js';
import { registerCollectBeforeSave } from './collect-before-save.js';
import { createHeadAssets } from './head-assets.js';
import { registerSitemapPages } from './sitemap-pages.js';
import { registerStableOrder } from './stable-order.js';
import { registerTagPosts } from './tag-posts.js';
import { registerMendFeeds } from './mend-feeds.js';
import { registerStableIds } from './stable-ids.js';
import { registerPageEdits } from './page-edits.js';
import { registerEmptyFolders } from './empty-folders.js';
import { registerSiteMenu } from './site-menu.js';
import { routeClashes } from './route-clashes.js';
import { pageUrls } from './urls.js';

export function register(hexo: Hexo): void {
  const normalized = normalizeOptions((hexo.config as unknown as Record<string, unknown>)['glossary']);
  let options: GlossaryOptions = normalized.options;
  if (!options.enable) {
    // Nothing reads the other options, so their mistakes don't fail a build.
    // Notes that use {% term %} still build, as its text, lines that start with it as Markdown.
    for (const message of placeOptions(hexo, normalized.problems)) hexo.log.warn(message);
    registerPlainTermTag(hexo);
    registerLineStartTags(hexo);
    registerDisabledTermsCommand(hexo);
    return;
  }
  // A bad option takes its default; the build goes on but fails at the end.
  const configProblems = placeOptions(hexo, normalized.problems);
  for (const message of configProblems) hexo.log.error(message);
  // Folders other pages are written under, by what names them.
  const taken = {
    tag_dir: hexo.config.tag_dir,
    category_dir: hexo.config.category_dir,
    archive_dir: hexo.config.archive_dir,
    'the search page': options.search ? searchPagePath : undefined,
    "Pagefind's index": options.search ? 'pagefind' : undefined,
    "the reader's stylesheets": 'css',
    "the tooltip's script": 'js',
    'the feed': stringOr((hexo.config as { feed?: { path?: unknown } }).feed?.path),
    'the sitemap': stringOr((hexo.config as { sitemap?: { path?: unknown } }).sitemap?.path),
  };
  const clash = pathClash(options.path, taken);
  if (clash !== undefined) {
    // Back to the default folder, unless that one is taken too (`tag_dir: glossary`).
    const moved = pathClash(defaultOptions.path, taken) === undefined;
    const [message = ''] = placeOptions(hexo, [
      `_config.yml: "glossary.path" ${JSON.stringify(options.path)} shares its folder with ${clash}, so their pages would overwrite each other` +
        (moved ? `; the glossary is written under ${defaultOptions.path}/ instead` : `; set glossary.path to a folder of its own`),
    ]);
    configProblems.push(message);
    hexo.log.error(message);
    if (moved) options = { ...options, path: defaultOptions.path };
  }

  const zoneProblem = registerSiteTimeZone(hexo);
  if (zoneProblem !== undefined) {
    const [message = zoneProblem] = placeOptions(hexo, [zoneProblem]);
    configProblems.push(message);
    hexo.log.error(message);
  }
  registerStableOrder(hexo);
  registerTagPosts(hexo);
  const pageEditors = registerPageEdits(hexo);
  registerStableIds(hexo, pageEditors);
  const store = createStore();
  for (const message of configProblems) store.addNoteProblem('_config.yml', message);

  registerGlossaryProcessor(hexo, options, store);
  const linker = registerLinkFilters(hexo, options, store);
  registerLinkedNotes(hexo, linker, options);
  registerTermTag(hexo, options, store);
  registerTemplateErrors(hexo, store);
  registerLineStartTags(hexo);
  registerExitStatus(hexo, store);
  registerAutoTags(hexo, options, store);
  const keepClear = routeClashes(hexo, store);
  registerGenerators(hexo, options, store, linker, registerSitemapPages(hexo), keepClear);
  registerMendFeeds(hexo);
  registerEmptyFolders(hexo);
  registerHelpers(hexo, options, store);
  const assets = createHeadAssets(pageUrls(hexo.config));
  registerPageStyles(assets);
  registerTermsCommand(hexo, options, store);
  registerLiveReload(hexo);
  registerMissedRegenerations(hexo);
  registerNewPostDate(hexo);
  registerPublishDraft(hexo);
  registerReaderTheme(hexo, assets, pageEditors);
  registerHeadingAnchors(hexo);
  registerSiteMenu(hexo);
  registerReaderSearch(hexo, options, assets, pageEditors, keepClear);
  registerReaderTooltips(hexo, assets);
  registerReadingSettings(hexo);
  registerNoteChecks(hexo, store);
  registerWatchedFiles(hexo);
  registerServerGuard(hexo);
  registerStalePages(hexo);
  registerSafeListHelpers(hexo);
  registerGenerateConcurrency(hexo);
  registerCollectBeforeSave(hexo);
  hexo.locals.set('glossary', () => store.glossary);
}

/**
 * Messages about options with their place in the config file that sets
 * them: `_config.yml`, or the last of those `--config` names that does
 * (`--config _config.yml,_config.pages.yml`: Hexo merges them in order).
 */
function placeOptions(hexo: Hexo, messages: readonly string[]): string[] {
  if (messages.length === 0) return [...messages];
  const named = (hexo.env as { args?: { config?: unknown } }).args?.config;
  const files = typeof named === 'string' && named.trim() ? named.split(',').map((file) => file.trim()).filter(Boolean) : ['_config.yml'];
  let placed = [...messages];
  for (const file of files.reverse()) {
    let text: string;
    try {
      text = readFileSync(resolve(hexo.base_dir, file), 'utf8');
    } catch {
      continue;
    }
    const here = placeOptionProblems(messages, text, file);
    placed = placed.map((message, index) => (message === messages[index] ? here[index]! : message));
  }
  return placed;
}

/** A path setting: one string, or a list of them (hexo-generator-feed's `path` for several types). */
function stringOr(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}
