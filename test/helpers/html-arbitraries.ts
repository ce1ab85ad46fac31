/**
 * fast-check arbitraries of HTML fragments for the property tests of the
 * plugin's tokenizing code (scan-html, open-tags).
 */
import fc from 'fast-check';

// Markup meant to exercise the element stack: implied ends, void and
// foreign elements, stray and mismatched end tags, raw text, entities.
const tagNames = [
  'p', 'P', 'div', 'span', 'a', 'code', 'pre', 'h2', 'ul', 'li', 'ol', 'dl', 'dd', 'dt', 'table', 'tr', 'td', 'th', 'tbody',
  'thead', 'tfoot', 'select', 'option', 'optgroup', 'input', 'button', 'textarea', 'ruby', 'rt', 'rp', 'svg', 'math', 'mi',
  'foreignObject', 'desc', 'title', 'path', 'br', 'img', 'hr', 'wbr', 'body', 'head', 'script', 'style', 'em', 'x-custom',
  'xmp', 'SCRIPT', 'Title', 'scripts', 'titles',
];
const attribute = fc.constantFrom(
  '', ' class="glossary-link"', ' data-term=\'IAM&amp;EKS\'', ' href=/a?b&c', ' hidden', ' ID="x"', ' title="&#x2F;"',
  ' title=a&ampb', ' title="x&amp=y&amp"', " title='&notin&#0;&#x80;'", ' data-term=&lt',
);
const tag = fc.tuple(fc.constantFrom(...tagNames), attribute, fc.constantFrom('<', '</'), fc.constantFrom('>', '/>', ' >'))
  .map(([name, attributes, open, close]) => (open === '<' ? `<${name}${attributes}${close}` : `</${name}${close === '/>' ? '>' : close}`));
const textPiece = fc.constantFrom(
  'EKS', 'IAMロール', ' ', '\n', '< b', 'a>b', '&amp;', '&#x2F;', '&NotEqualTilde;', '&amp', '&#128512;', 'ノード',
  '&', '&am', '&#', '&#x', '&lt', '&ampx', '&notit;', '&#0;', '&#x80;', '&&amp;',
  // Parts of an end tag before an entity, which a `title`'s content keeps as
  // written; U+001C and U+000F match `<` and `/` there.
  '<&amp;', '</ti&lt;', '</title&amp;', '\u001c&amp;', '\u001c\u000ftitle>',
  // Entity names with no `&` before them.
  'xamp;', 'lt;', '#38;',
  // Attribute values whose quote may not close before the input ends.
  '<a title="EKS', "<em class='x", ' title="',
);
const other = fc.constantFrom('<!-- c -->', '<!---->', '<![CDATA[ x ]]>', '<!DOCTYPE html>', '<?xml x?>');
export const markup = fc.array(fc.oneof(tag, tag, textPiece, other), { maxLength: 30 }).map((pieces) => pieces.join(''));
