/**
 * `glossary.auto_tags`: every term a note mentions becomes one of its tags.
 *
 * Runs in `before_generate` after Hexo has rendered the notes (priority
 * 10), so `glossary_mentions` is fresh. Hexo's post processor resets a
 * note's tags to its front-matter tags only when the note's file changes,
 * and does not keep the front-matter list anywhere else; so the tags added
 * here are recorded on the note (`glossary_auto_tags`), and the note's own
 * tags are its current tags minus those. Removing a mention, or turning
 * the option off, then removes the tag on the next build.
 *
 * Afterwards, tags that Hexo would give the same page (`C++`, `C#` → `C`)
 * or no page name at all (`...`) get distinct ones, see core/tag-slugs.
 */
import type Hexo from 'hexo';
import { showsDrafts } from './command-args.js';
import { memoFoldTag, mergeAutoTags, sameTags, tagTermKeys } from '../core/auto-tags.js';
import { decodeMentions } from '../core/mention-record.js';
import type { GlossaryOptions } from '../core/options.js';
import { maxSlugBytes, termSlug, utf8Length } from '../core/slug.js';
import { tagSlugFixes } from '../core/tag-slugs.js';
import type { NoteStamp } from './link-filters.js';
import type { GlossaryStore } from './store.js';
import { hasDatabaseCache } from './database-cache.js';
import { modelRecords } from './model-records.js';
import { pairRecords } from './pair-records.js';

/** After Hexo renders notes (10), before the generators run. */
const autoTagPriority = 20;

interface PostRecord extends NoteStamp {
  published?: boolean;
  glossary_auto_tags?: unknown;
  /** Own tags spelled as their term (see core/auto-tags.ts). */
  glossary_renamed_tags?: unknown;
}

interface PostDocument extends PostRecord {
  setTags(tags: string[]): PromiseLike<unknown>;
  save(): PromiseLike<unknown>;
}

interface TagRecord {
  name: string;
}

interface PostTagRecord {
  post_id: string;
  tag_id: string;
}

interface TagDocument {
  name: string;
  slug: string | undefined;
  length: number;
}

export function registerAutoTags(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  // The user's own tag_map, read once: the fixes below replace hexo.config.tag_map on every build.
  let userTagMap: Readonly<Record<string, string>> | undefined;
  // With auto tags off there is nothing to add, only tags added by an earlier
  // run (found in db.json) to take away; once that is done, nothing at all.
  let mayHaveAutoTags = options.autoTags !== false || hasDatabaseCache(hexo);

  hexo.extend.filter.register(
    'before_generate',
    async () => {
      const check = mayHaveAutoTags;
      mayHaveAutoTags = options.autoTags !== false;
      // Read from the models' records (see model-records.ts); only a note
      // whose tags change is fetched as a document and saved.
      const currentTags = check ? tagsByPost(hexo) : new Map<string, string[]>();
      const drafts = showsDrafts(hexo);
      const fold = memoFoldTag();
      const termKey = tagTermKeys(store.glossary.entries, fold);
      for (const [id, post] of check ? modelRecords<PostRecord>(hexo, 'Post') : []) {
        // Hexo drops the tags of drafts unless it shows them (`--draft`):
        // tagging them would only repeat every build.
        if (post.published === false && !drafts) continue;
        const current = currentTags.get(id) ?? [];
        const previousAuto = readRecorded(post.glossary_auto_tags);
        const previousRenamed = readRecorded(post.glossary_renamed_tags);
        const mentions = decodeMentions(post.glossary_mentions);
        // A note's raw `<a class="glossary-link" data-term="…">` may name anything: only terms earn tags.
        for (const key of mentions.keys()) if (!store.glossary.byKey.has(key)) mentions.delete(key);
        const { tags, added, renamed } = mergeAutoTags({ current, previousAuto, previousRenamed, mentions, autoTags: options.autoTags, termKey, fold });
        const retag = !sameTags(tags, current);
        const record = !sameList(added, previousAuto) || !sameList(renamed, previousRenamed);
        if (!retag && !record) continue;
        const document = hexo.model('Post').findById(id) as unknown as PostDocument;
        if (retag) await document.setTags(tags);
        if (record) {
          document.glossary_auto_tags = added;
          document.glossary_renamed_tags = renamed.length > 0 ? renamed : undefined;
          await document.save();
        }
      }

      userTagMap ??= { ...((hexo.config.tag_map as Record<string, string> | null | undefined) ?? {}) };
      hexo.config.tag_map = userTagMap;
      const tags = (hexo.model('Tag').toArray() as unknown as TagDocument[])
        .filter((tag) => tag.length > 0)
        .map((tag) => ({ name: tag.name, slug: tag.slug ?? '' }));
      const fixes = tagSlugFixes(tags, (name) => store.glossary.byKey.get(name)?.slug ?? termSlug(name));
      if (Object.keys(fixes).length === 0) return;
      for (const [name, slug] of Object.entries(fixes)) {
        const was = tags.find((tag) => tag.name === name)?.slug ?? '';
        const why = !was ? 'with no name' : utf8Length(was) > maxSlugBytes ? 'with a name too long for a file' : 'shared with another tag';
        hexo.log.info(`Glossary: tag ${JSON.stringify(name)} would have the page "${hexo.config.tag_dir}/${was}/" ${why}; using "${slug}" (set tag_map in _config.yml to choose)`);
      }
      // A new object: the user's config stays as written.
      hexo.config.tag_map = { ...userTagMap, ...fixes };
    },
    autoTagPriority,
  );
}

/**
 * The names of every note's tags, by note id, as `post.tags` lists them:
 * in the Tag model's order.
 */
function tagsByPost(hexo: Hexo): Map<string, string[]> {
  const tags = new Map<string, { name: string; order: number }>();
  for (const [id, tag] of modelRecords<TagRecord>(hexo, 'Tag')) tags.set(id, { name: tag.name, order: tags.size });
  const byPost = new Map<string, { name: string; order: number }[]>();
  for (const link of pairRecords<PostTagRecord>(hexo, 'PostTag')) {
    const tag = tags.get(link.tag_id);
    if (!tag) continue;
    const list = byPost.get(link.post_id);
    if (!list) byPost.set(link.post_id, [tag]);
    else if (!list.includes(tag)) list.push(tag);
  }
  return new Map([...byPost].map(([id, list]) => [id, list.sort((a, b) => a.order - b.order).map((tag) => tag.name)]));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

function readRecorded(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}
