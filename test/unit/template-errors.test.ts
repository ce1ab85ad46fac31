import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTags, templateErrorLine, writtenTags } from '../../hexo-study-glossary/src/core/template-errors.js';

describe('writtenTags', () => {
  it('finds {% %} and {{ }} tags with their names and the lines they start on', () => {
    expect(writtenTags('a\n{% term EKS %} and {{ title }}\n\n{%- if x -%}\nb')).toEqual([
      { text: '{% term EKS %}', name: 'term', line: 2, index: 2 },
      { text: '{{ title }}', name: '', line: 2, index: 21 },
      { text: '{%- if x -%}', name: 'if', line: 4, index: 34 },
    ]);
  });

  it('counts a tag that spans lines from its first line', () => {
    expect(writtenTags('x\n{% term\n  EKS %}\n{% raw %}').map((tag) => tag.line)).toEqual([2, 4]);
  });

  it('finds what the pattern for a tag finds: each opening to the first closing after it', () => {
    const pattern = /\{%-?\s*([\w-]*)[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
    const byPattern = (text: string) => {
      let line = 1;
      let counted = 0;
      return [...text.matchAll(pattern)].map((match) => {
        for (let at = text.indexOf('\n', counted); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
        counted = match.index;
        return { text: match[0], name: match[1] ?? '', line, index: match.index };
      });
    };
    const pieces = fc.constantFrom('{', '}', '%', '-', ' ', '\n', 'term', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(writtenTags(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000 },
    );
  });

  // The timeout guards against time growing with the square of the input (tens of seconds here); it measures nothing.
  it('reads a note of 100,000 openings with no closing, which a lazy pattern read to its end from each', { timeout: 5_000 }, () => {
    expect(writtenTags('{% '.repeat(100_000))).toEqual([]);
    expect(writtenTags(`${'{% {{ '.repeat(50_000)}x }}`).map((tag) => [tag.index, tag.text.length])).toEqual([[3, 300_001]]);
  });
});

describe('templateErrorLine', () => {
  const raw = ['---', 'title: T', '---', 'A note.', '', 'Here {% terms IAM %} is a typo.', '', '{{ broken( }}', ''].join('\n');
  const html = ['<p>A note.</p>', '<p>Here {% terms IAM %} is a typo.</p>', '<p>{{ broken( }}</p>', ''].join('\n');

  it('gives the line of the file that holds the tag on the HTML line Nunjucks names', () => {
    expect(templateErrorLine(raw, html, 2, 'unknown block tag: terms')).toBe(6);
    expect(templateErrorLine(raw, html, 3, 'unexpected token: }}')).toBe(8);
  });

  it('finds an unknown tag by its name when the HTML line holds no tag', () => {
    expect(templateErrorLine(raw, html, 1, 'unknown block tag: terms')).toBe(6);
  });

  it('prefers the tag of the unknown name among several on the line', () => {
    const twoTags = '{% term EKS %} then {% trem IAM %}';
    expect(templateErrorLine(`x\ny\n${twoTags}`, `<p>${twoTags}</p>`, 1, 'unknown block tag: trem')).toBe(3);
  });

  // The timeout guards against time growing with the square of the input (tens of seconds here); it measures nothing.
  it('finds a member a runtime error names in a tag with a long run of spaces, which patterns read from each space', { timeout: 5_000 }, () => {
    const tag = `{{ foo.bar()${' '.repeat(100_000)}}}`;
    expect(templateErrorLine(`x\n${tag}`, `<p>${tag}</p>`, 1, 'Error: Unable to call `foo["bar"]`, which is undefined or falsey')).toBe(2);
  });

  it('gives no line when no tag of the HTML line is in the file as written', () => {
    expect(templateErrorLine(raw, html, 1, 'unexpected token: %}')).toBeUndefined();
    expect(templateErrorLine(raw, html, 99, 'unexpected token: }}')).toBeUndefined();
  });
});

describe('runTags', () => {
  it('leaves out the tags Hexo does not run: in code, raw blocks and comments', () => {
    const raw = [
      '```',
      '{% terms EKS %}',
      '```',
      '- ~~~yaml',
      '  {{ foo( }}',
      '  ~~~',
      '`{% term EK %}` in inline code, ``{{ x }}`` too',
      '{% raw %}{% term EK %}{% endraw %}',
      '<!-- {% term EK %} -->',
      'run: {% term EKS %}',
    ].join('\n');
    expect(runTags(raw).map((tag) => [tag.text, tag.line])).toEqual([['{% term EKS %}', 10]]);
  });

  it('meets inline code, comments and raw blocks in one pass: a <!-- in code opens no comment', () => {
    const raw = ['Write `<!--` to open a comment.', '', 'Here {% terms EKS %} typo.', '', 'And `-->` closes it.'].join('\n');
    expect(runTags(raw).map((tag) => tag.line)).toEqual([3]);
  });

  it('closes a fence only with the very same fence, and takes a fence never closed for text', () => {
    expect(runTags(['````md', '```js', '{% term A %}', '```', '````', '{% term B %}'].join('\n')).map((tag) => tag.text)).toEqual(['{% term B %}']);
    expect(runTags(['<!-- draft:', '```', '-->', '{% terms EKS %}'].join('\n')).map((tag) => tag.line)).toEqual([4]);
  });

  it('skips Nunjucks comments and inline code over two lines, and not an escaped backtick', () => {
    expect(runTags('{# TODO: {% terms EKS %} #}\n`code {% term X %}\nend` {% term Y %}').map((tag) => tag.text)).toEqual(['{% term Y %}']);
    expect(runTags('A literal \\` backtick, then {% terms EKS %} typo, then `x`.').map((tag) => tag.text)).toEqual(['{% terms EKS %}']);
  });
});

describe('templateErrorLine, when tags repeat or are shown as examples', () => {
  it('gives the line whose tags are those of the failing HTML line', () => {
    const raw = ['---', 't: x', '---', '', '{% term EKS %} first use', '', '{% term EKS %} again and {{ foo( }}', ''].join('\n');
    const html = '<p>{% term EKS %} first use</p>\n<p>{% term EKS %} again and {{ foo( }}</p>';
    expect(templateErrorLine(raw, html, 2, 'unexpected token: }}')).toBe(7);
  });

  it('skips a copy of the tag shown in code', () => {
    const raw = ['```', '{% terms EKS %}', '```', '', 'Here {% terms EKS %} by mistake.'].join('\n');
    const html = '<figure><pre>{% terms EKS %}</pre></figure>\n<p>Here {% terms EKS %} by mistake.</p>';
    expect(templateErrorLine(raw, html, 2, 'unknown block tag: terms')).toBe(5);
  });

  it('finds the failing tag by the column when one HTML line holds several lines of the file', () => {
    const raw = ['---', 't: x', '---', '', '{% term EKS %} first', '', 'Again {% term EKS %}', 'and {{ foo( }}', ''].join('\n');
    const line = '<p>Again {% term EKS %}<br>and {{ foo( }}</p>';
    expect(templateErrorLine(raw, `<p>{% term EKS %} first</p>\n${line}`, 2, 'unexpected token: }}', line.indexOf('{{ foo') + 5)).toBe(8);
  });

  it('gives the line of the block left open when Nunjucks trips on the end tag after it', () => {
    const raw = ['---', 't: x', '---', '{% for x in list %}', '', '{% if x %}', 'text', '{% endfor %}', ''].join('\n');
    expect(templateErrorLine(raw, '{% for x in list %}\n{% if x %}\ntext\n{% endfor %}', 4, 'unknown block tag: endfor')).toBe(6);
  });

  it('gives the innermost block left open before the end tag Nunjucks tripped on, not one opened later', () => {
    const raw = ['---', 't: x', '---', '', '{% if true %}', '{% for x in [1] %}', 'text', '{% endif %}', '', 'more', '', '{% if false %}', 'never closed'].join('\n');
    expect(templateErrorLine(raw, '', 0, 'unknown block tag: endif')).toBe(6);
  });

  it('gives the line of a misspelled end tag, which closes nothing', () => {
    const raw = ['---', 't: x', '---', '', '{% if true %}', 'text', '{% endfi %}'].join('\n');
    expect(templateErrorLine(raw, '{% if true %}\ntext\n{% endfi %}', 3, 'unknown block tag: endfi')).toBe(7);
  });

  it('finds a runtime error by the name it could not call, on the next HTML line too', () => {
    const raw = ['---', 't: x', '---', '', '{{ page.title }}', '{{ page.title }} {{ foo() }}'].join('\n');
    const html = '<p>{{ page.title }}<br>\n{{ page.title }} {{ foo() }}</p>';
    expect(templateErrorLine(raw, html, 1, 'Error: Unable to call `foo`, which is undefined or falsey')).toBe(6);
  });

  it('finds a runtime error on a member the note calls, which Nunjucks names as a lookup (`bar["baz"]`)', () => {
    const raw = ['---', 't: x', '---', '', '一行目', '', "二行目 {{ page.title }} {{ bar.baz() }} と {{ qux['quux'].go() }}"].join('\n');
    const html = ['<p>一行目</p>', "<p>二行目 {{ page.title }} {{ bar.baz() }} と {{ qux['quux'].go() }}</p>"].join('\n');
    expect(templateErrorLine(raw, html, 1, 'Unable to call `bar["baz"]`, which is undefined or falsey')).toBe(7);
    expect(templateErrorLine(raw, html, 1, 'Unable to call `qux["quux"]["go"]`, which is undefined or falsey')).toBe(7);
  });

  it('finds a filter Nunjucks does not know, for which it gives no line, at its first use', () => {
    const raw = ['---', 't: x', '---', '', '{{ page.title | upper }} and `{{ a | nosuchfilter }}` in code', '', 'Then {{ foo | nosuchfilterx }}, {{ foo|nosuchfilter(2) }}.', '{{ bar | nosuchfilter }}'].join('\n');
    expect(templateErrorLine(raw, '', 0, 'filter not found: nosuchfilter')).toBe(7);
    const block = ['{% if a | length %}x{% endif %}', '{% filter nosuchfilter %}', 'text', '{% endfilter %}'].join('\n');
    expect(templateErrorLine(block, '', 0, 'filter not found: nosuchfilter')).toBe(2);
    expect(templateErrorLine(raw, '', 0, 'filter not found: unused')).toBeUndefined();
  });

  it('keeps inline code inside its paragraph', () => {
    const raw = ['Press ` to open the console.', '', '{% terms EKS %}', '', 'Use `kubectl` with {% term EKS %} again.'].join('\n');
    expect(runTags(raw).map((tag) => tag.line)).toEqual([3, 5]);
  });

  it('gives the line of a block never closed', () => {
    const raw = ['---', 't: x', '---', '{% if a %}x{% endif %}', '', '{% if draft %}', 'only in drafts'].join('\n');
    expect(templateErrorLine(raw, '', 0, 'parseIf: expected elif, else, or endif, got end of file')).toBe(6);
  });
});
