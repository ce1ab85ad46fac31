import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, termSlug } from '../../hexo-study-glossary/src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['EKS', 'eks'],
    ['ALB Ingress Controller', 'alb-ingress-controller'],
    ['IAMロール', 'iamロール'],
    ['アベイラビリティゾーン', 'アベイラビリティゾーン'],
    ['Fargate プロファイル', 'fargate-プロファイル'],
    ['CI/CD', 'ci-cd'],
    ['Node.js', 'node-js'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['../x', 'x'],
    ['...', ''],
    ['ＥＫＳ', 'eks'],
    ['  spaced  out  ', 'spaced-out'],
  ])('turns %j into %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('termSlug', () => {
  it('falls back to a stable hash when nothing readable is left', () => {
    expect(termSlug('...')).toMatch(/^term-[0-9a-f]{8}$/);
    expect(termSlug('...')).toBe(termSlug('...'));
    expect(termSlug('!!!')).not.toBe(termSlug('...'));
  });

  it('never yields a path', () => {
    for (const key of ['../../etc/passwd', '/', '.', '..', 'a/b', 'a\\b']) {
      const slug = termSlug(key);
      expect(slug).not.toMatch(/[/\\]|^\.\.?$/);
      expect(slug.length).toBeGreaterThan(0);
    }
  });
});

describe('isValidSlug', () => {
  it.each([
    ['eks', true],
    ['iamロール', true],
    ['alb-ingress', true],
    ['EKS', false],
    ['a--b', false],
    ['-a', false],
    ['../x', false],
    ['', false],
  ])('says %j is %s', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });
});
