import { describe, expect, it } from 'vitest';
import { tagSlugFixes } from '../../hexo-study-glossary/src/core/tag-slugs.js';
import { termSlug } from '../../hexo-study-glossary/src/core/slug.js';

describe('tagSlugFixes', () => {
  const cases: { name: string; tags: { name: string; slug: string }[]; fixes: Record<string, string> }[] = [
    {
      name: 'leaves distinct slugs alone',
      tags: [
        { name: 'EKS', slug: 'EKS' },
        { name: '勉強会', slug: '勉強会' },
        { name: 'CI/CD', slug: 'CI-CD' },
      ],
      fixes: {},
    },
    {
      name: 'gives every tag of a shared slug its own',
      tags: [
        { name: 'C++', slug: 'C' },
        { name: 'C#', slug: 'C' },
      ],
      fixes: { 'C#': 'c-sharp', 'C++': 'c-plus-plus' },
    },
    {
      name: 'lets a tag spelled like the shared slug keep it',
      tags: [
        { name: 'C', slug: 'C' },
        { name: 'C++', slug: 'C' },
      ],
      fixes: { 'C++': 'c-plus-plus' },
    },
    {
      name: 'names a tag whose slug is empty',
      tags: [{ name: '...', slug: '' }],
      fixes: { '...': termSlug('...') },
    },
    {
      name: 'never moves a tag onto a slug already in use',
      tags: [
        { name: 'c-plus-plus', slug: 'c-plus-plus' },
        { name: 'C++', slug: 'C' },
        { name: 'C#', slug: 'C' },
      ],
      fixes: { 'C#': 'c-sharp', 'C++': 'c-plus-plus-2' },
    },
  ];

  it.each(cases)('$name', ({ tags, fixes }) => {
    expect(tagSlugFixes(tags, termSlug)).toEqual(fixes);
  });
});
