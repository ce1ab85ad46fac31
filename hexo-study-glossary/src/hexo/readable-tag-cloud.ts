/**
 * Hexo's `tagcloud` helper, with its smallest size raised to 12px.
 *
 * Landscape's tag cloud widget calls `tagcloud()` with Hexo's defaults,
 * 10 to 20px, and the size goes inline on each link, where CSS can't
 * adjust it without flattening the cloud. A tag that one note carries (on
 * this site, all of them) printed at 10px, under the 12px that the small
 * print of this site keeps to. The cloud now runs from 12 to 20px; sizes a
 * caller asks for are kept when they are 12px or more, and sizes in other
 * units are left alone.
 */
import type Hexo from 'hexo';

/** The smallest text the reader is shown, in px. */
const smallestReadablePx = 12;

type Helper = (this: unknown, ...args: unknown[]) => unknown;

interface CloudOptions {
  min_font?: unknown;
  max_font?: unknown;
  unit?: unknown;
  [option: string]: unknown;
}

/** `options` with `min_font` at least 12 and `max_font` not under it, when the unit is px (Hexo's default). */
export function readableCloudOptions(options: CloudOptions): CloudOptions {
  if ((options.unit || 'px') !== 'px') return options;
  // Hexo's own defaults, read as Hexo reads them (`options.min_font || 10`).
  const min = Math.max(Number(options.min_font) || 10, smallestReadablePx);
  const max = Math.max(Number(options.max_font) || 20, min);
  return { ...options, min_font: min, max_font: max };
}

export function registerReadableTagCloud(hexo: Hexo): void {
  const original = hexo.extend.helper.get('tagcloud') as Helper | undefined;
  if (!original) return;
  hexo.extend.helper.register('tagcloud', function (this: unknown, tags?: unknown, options?: unknown) {
    // Hexo's own argument shuffle: `tagcloud(options)` or `tagcloud(tags, options)`.
    const onlyOptions = !options && (!tags || !Object.prototype.hasOwnProperty.call(tags, 'length'));
    const settings = readableCloudOptions(((onlyOptions ? tags : options) ?? {}) as CloudOptions);
    return onlyOptions ? original.call(this, settings) : original.call(this, tags, settings);
  });
}
