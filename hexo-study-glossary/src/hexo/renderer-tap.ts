/**
 * Hands each file's HTML to a listener as soon as its renderer (Markdown,
 * for notes) returns it, before Hexo's tags and filters run on it.
 *
 * Why: Hexo renders the notes of a build all at once, in waves: every
 * note's Markdown, then every note's tags, then every note's
 * `after_post_render` filters. The link filter gets its first note only
 * once the last note's Markdown is rendered (some 2 s at 2,000 notes), and
 * the linking thread idles until then. With the tap, the thread plans each
 * note while Hexo's thread renders the next ones' Markdown. Whatever comes
 * after the renderer (tags, code blocks, filters) may still change the
 * HTML: the link filter uses such an early plan only for the very HTML it
 * was made for.
 *
 * How: the renderers whose output is HTML are wrapped where Hexo keeps
 * them (`extend.renderer`'s store, which `hexo.render` reads for every
 * file). A wrapper returns what the renderer returned, unchanged, and keeps
 * its `output`, `compile` and `disableNunjucks`: theme templates that Hexo
 * compiles are not seen at all.
 */
import type Hexo from 'hexo';

type Renderer = ((this: unknown, data: { path?: unknown }, options: unknown) => unknown) & {
  output?: string;
  compile?: unknown;
  disableNunjucks?: unknown;
};

/** Marks a wrapper, so that a renderer is wrapped once. */
const tapped = Symbol('glossary: tapped renderer');

/**
 * Returns a function that wraps every HTML renderer registered so far (a
 * renderer registered later is wrapped at the next call). `listener` gets
 * the rendered file's path and its HTML; it must not throw (its error
 * would be the render's).
 */
export function rendererTap(hexo: Hexo, listener: (path: string, html: string) => void): () => void {
  const tap = (path: unknown, html: unknown): void => {
    if (typeof path === 'string' && typeof html === 'string') listener(path, html);
  };
  return () => {
    const store = hexo.extend.renderer.list() as unknown as Record<string, Renderer & { [tapped]?: true }>;
    for (const name of Object.keys(store)) {
      const renderer = store[name]!;
      if (renderer.output !== 'html' || renderer[tapped]) continue;
      const wrapper: Renderer & { [tapped]?: true } = function (this: unknown, data, options) {
        const result = Reflect.apply(renderer, this, [data, options]) as unknown;
        const path = data?.path;
        if (isFulfilled(result)) {
          // A renderer registered as sync (hexo-renderer-marked) is kept as
          // bluebird's `Promise.method` of it: its promise is fulfilled when
          // it returns. A `then` callback would run only once Hexo has
          // rendered every note's Markdown (it starts them all at once),
          // and the thread got all 2,000 notes in one burst, then kept the
          // link filter waiting for it.
          tap(path, result.value());
          return result;
        }
        if (isThenable(result)) {
          return result.then((html) => {
            tap(path, html);
            return html;
          });
        }
        tap(path, result);
        return result;
      };
      wrapper.output = renderer.output;
      wrapper.compile = renderer.compile;
      wrapper.disableNunjucks = renderer.disableNunjucks;
      wrapper[tapped] = true;
      store[name] = wrapper;
    }
  };
}

/** A bluebird promise already fulfilled: its value can be read now (bluebird's synchronous inspection). */
function isFulfilled(value: unknown): value is { value(): unknown } {
  const promise = value as { isFulfilled?: unknown; value?: unknown } | null;
  return typeof promise?.isFulfilled === 'function' && typeof promise.value === 'function' && promise.isFulfilled() === true;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
