/**
 * `hexo publish` keeps the draft's body as written, once.
 *
 * Hexo publishes a draft by creating a post from it (hexo 8.1.2,
 * `hexo/dist/hexo/post.js`, `publish` then `create`): `_renderScaffold`
 * renders scaffolds/post.md's front matter with the draft's merged in, then
 * writes the scaffold's body and the draft's body after it. This site's post
 * and draft scaffolds both carry the note skeleton (a comment block and
 * headings), so every published draft had it twice, an empty copy above the
 * writing. The scaffolds alone can't avoid that: without a body in post.md,
 * `hexo new` gives no skeleton; without one in draft.md, `hexo new draft`
 * gives none and publish still puts post.md's empty one above the draft.
 *
 * So while a draft whose body has text is published, the post scaffold is
 * read with the draft's body in place of its own. Everything else stays
 * Hexo's: the front matter (post.md's keys, the draft's values over them),
 * the date set at publish (see new-post-date.ts), the file name. A draft
 * with an empty body still gets post.md's skeleton, as with Hexo.
 */
import type Hexo from 'hexo';
import { split } from 'hexo-front-matter';

type Post = Hexo['post'];
type PostData = Parameters<Post['publish']>[0];

export function registerPublishDraft(hexo: Hexo): void {
  const post = hexo.post;
  const renderScaffold = post._renderScaffold;
  // Hexo 8's own methods (private): another version may publish otherwise.
  if (typeof renderScaffold !== 'function' || typeof post._getScaffold !== 'function') return;
  /** The data of drafts being published: Hexo hands the same object to `create` and `_renderScaffold`. */
  const publishing = new WeakSet<PostData>();

  const publish = post.publish.bind(post) as (data: PostData, ...rest: unknown[]) => ReturnType<Post['publish']>;
  post.publish = function publishDraft(data: PostData, ...rest: unknown[]) {
    if (data) publishing.add(data);
    return publish(data, ...rest);
  } as Post['publish'];

  post._renderScaffold = function renderScaffoldOnce(this: Post, data: PostData) {
    const body: unknown = data?.['content'];
    if (!publishing.has(data) || typeof body !== 'string' || body.trim() === '') return renderScaffold.call(this, data);
    const getScaffold = this._getScaffold.bind(this);
    // The same method on a view of the post whose scaffold has the draft's body for its own.
    const withDraftBody = Object.create(this, {
      _getScaffold: { value: (layout: string) => getScaffold(layout).then((scaffold: string) => withBody(scaffold, body)) },
    }) as Post;
    return renderScaffold.call(withDraftBody, { ...data, content: undefined });
  };
}

/** `scaffold` with `body` after its front matter; unchanged if it has none (Hexo can't publish with it then). */
function withBody(scaffold: string, body: string): string {
  const { data, separator, prefixSeparator } = split(scaffold);
  if (data === undefined || separator === undefined) return scaffold;
  return `${prefixSeparator ? `${separator}\n` : ''}${data}\n${separator}\n${body}`;
}
