/**
 * A term's description is Markdown from the glossary, rendered by the
 * site's Markdown renderer, which passes raw HTML through. Everything else
 * from the glossary is escaped, so the description must not be the one way
 * a glossary file puts a script, an event handler or a `javascript:` link
 * on a page: what its HTML may hold is what Markdown itself writes.
 */
import type sanitizeHtml from 'sanitize-html';

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What a description's heading ids start with. They are anchors within the
 * description (hexo-renderer-marked links each heading to itself); as
 * written, `## search` could take the id of an element the page's own
 * scripts look up, or name a global (`window.x` is the element with id x).
 */
const descriptionIdPrefix = 'glossary-description-';

/**
 * A URL that names another host without a scheme: `//host`, and `/\host`
 * or `\\host`, which browsers read the same way (tabs and line breaks,
 * which they skip, included).
 */
function otherHost(url: string): boolean {
  return /^[\\/]{2}/.test(url.replace(/[\t\n\r]/g, '').trimStart());
}

/** What Markdown (hexo-renderer-marked, with Hexo's code highlighting) writes, and nothing else. */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...headings,
    'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr',
    'code', 'pre', 'kbd', 'samp', 'var', 'a', 'img', 'input', 'details', 'summary', 'ruby', 'rt', 'rp',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption', 'span', 'div',
  ],
  allowedAttributes: {
    '*': ['class', 'title', 'lang'],
    // Headings' ids are their anchors, prefixed (`descriptionIdPrefix`); no other id.
    ...Object.fromEntries(headings.map((tag) => [tag, ['id']])),
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    // Task lists.
    input: [{ name: 'type', values: ['checkbox'] }, 'checked', 'disabled'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images come from the site itself: pages load nothing from other hosts
  // (a glossary file could otherwise track every reader with a pixel).
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    ...Object.fromEntries(headings.map((tag) => [tag, prefixedId])),
    a: (tagName, attribs) => {
      const href = attribs['href'];
      const kept = href === undefined || otherHost(href) ? undefined : href.startsWith('#') && href.length > 1 ? `#${descriptionIdPrefix}${href.slice(1)}` : href;
      return { tagName, attribs: withAttribute(attribs, 'href', kept) };
    },
    img: (tagName, attribs) => {
      const src = attribs['src'];
      return { tagName, attribs: withAttribute(attribs, 'src', src === undefined || otherHost(src) ? undefined : src) };
    },
  },
  // Dropped with their content: none of it is prose.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
};

/** A heading with its id, if any, in the description's own namespace. */
function prefixedId(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const id = attribs['id'];
  return { tagName, attribs: withAttribute(attribs, 'id', id ? `${descriptionIdPrefix}${id}` : undefined) };
}

/** `attribs` with `name` set to `value`, or left out for `undefined`, the others in their order. */
function withAttribute(attribs: sanitizeHtml.Attributes, name: string, value: string | undefined): sanitizeHtml.Attributes {
  const result: sanitizeHtml.Attributes = {};
  for (const [key, old] of Object.entries(attribs)) {
    if (key !== name) result[key] = old;
    else if (value !== undefined) result[key] = value;
  }
  return result;
}

/** `html` with only the elements, attributes and URL schemes Markdown writes. */
export function safeDescriptionHtml(html: string): string {
  // Loaded when a description is first rendered: with PostCSS it takes some
  // 40 ms, which `hexo new` or a site without descriptions needn't pay.
  const sanitize = require('sanitize-html') as typeof sanitizeHtml;
  return sanitize(html, options);
}
