/**
 * Hides the link hexo-renderer-marked puts in every heading from keyboards
 * and screen readers (see core/heading-anchor.ts), through the renderer's
 * own `marked:renderer` filter.
 */
import type Hexo from 'hexo';
import { hideHeaderLink } from '../core/heading-anchor.js';

type Render = (this: unknown, ...args: unknown[]) => unknown;

/** Marks the renderer's `heading` as ours: the filter runs at every render, on one renderer object. */
const wrapped = Symbol('hexo-study-glossary: heading');

export function registerHeadingAnchors(hexo: Hexo): void {
  hexo.extend.filter.register('marked:renderer', (renderer: Record<string, unknown>) => {
    const heading = renderer['heading'] as (Render & { [wrapped]?: true }) | undefined;
    if (typeof heading !== 'function' || heading[wrapped]) return;
    const hidden: Render & { [wrapped]?: true } = function (this: unknown, ...args: unknown[]) {
      const html = heading.apply(this, args);
      return typeof html === 'string' ? hideHeaderLink(html) : html;
    };
    hidden[wrapped] = true;
    renderer['heading'] = hidden;
  });
}
