/**
 * A term's description is Markdown from the glossary, rendered by the
 * site's Markdown renderer, which passes raw HTML through. Everything else
 * from the glossary is escaped, so the description must not be the one way
 * a glossary file puts a script, an event handler or a `javascript:` link
 * on a page: what its HTML may hold is what Markdown itself writes.
 */
import type sanitizeHtml from 'sanitize-html';

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

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
    // Headings' ids are their anchors; no other id, so none can take the id of the page's own elements.
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
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // Dropped with their content: none of it is prose.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
};

/** `html` with only the elements, attributes and URL schemes Markdown writes. */
export function safeDescriptionHtml(html: string): string {
  // Loaded when a description is first rendered: with PostCSS it takes some
  // 40 ms, which `hexo new` or a site without descriptions needn't pay.
  const sanitize = require('sanitize-html') as typeof sanitizeHtml;
  return sanitize(html, options);
}
