import { describe, expect, it } from 'vitest';
import { readableCloudOptions } from '../../hexo-study-glossary/src/hexo/readable-tag-cloud.js';

describe('readableCloudOptions', () => {
  it("raises Hexo's default 10 to 20 px cloud to 12 to 20 px", () => {
    expect(readableCloudOptions({})).toEqual({ min_font: 12, max_font: 20 });
  });

  it('keeps sizes of 12 px and more, and the other options', () => {
    expect(readableCloudOptions({ min_font: 14, max_font: 30, amount: 5 })).toEqual({ min_font: 14, max_font: 30, amount: 5 });
  });

  it('raises a smaller range to 12 px, the largest size included', () => {
    expect(readableCloudOptions({ min_font: 8, max_font: 10, unit: 'px' })).toEqual({ min_font: 12, max_font: 12, unit: 'px' });
  });

  it('leaves sizes in other units alone', () => {
    const options = { min_font: 0.8, max_font: 1.6, unit: 'em' };
    expect(readableCloudOptions(options)).toBe(options);
  });
});
