import { describe, expect, it } from 'vitest';
import { printable, quoteShort, shorten } from '../../hexo-study-glossary/src/core/shorten.js';

describe('printable', () => {
  it('writes out the escape sequences a file name can carry, which would clear or recolour a terminal', () => {
    expect(printable('source/_posts/ansi\u001b[2J\u001b[31mFAKE-OK.md:3:1: bad')).toBe('source/_posts/ansi\\u001b[2J\\u001b[31mFAKE-OK.md:3:1: bad');
  });

  it('writes out carriage returns, DEL, C1 controls and the marks that turn a line around', () => {
    expect(printable('a\rb\u007fc\u009bd\u202ee\u2066f')).toBe('a\\u000db\\u007fc\\u009bd\\u202ee\\u2066f');
  });

  it('keeps line breaks, tabs and every printable character, Japanese included', () => {
    const message = 'source/_posts/AWS勉強会.md:5:1: "glossary" must be true or false\n\tsee the README';
    expect(printable(message)).toBe(message);
  });
});

describe('shorten and quoteShort', () => {
  it('keep 60 characters, else the first 57 and ...', () => {
    expect(shorten('a'.repeat(60))).toBe('a'.repeat(60));
    expect(shorten('a'.repeat(61))).toBe(`${'a'.repeat(57)}...`);
    expect(quoteShort(`x\u200b${'b'.repeat(100)}`)).toBe(`"x\\u200b${'b'.repeat(55)}..."`);
  });
});
