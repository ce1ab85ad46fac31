/**
 * With `relative_link`, the glossary links of a note are relative to the
 * page that shows it: a view made for a page rebases what it reads.
 */
import { describe, expect, it } from 'vitest';
import { glossaryLinkOpenTag, rebaseGlossaryLinks } from '../../hexo-study-glossary/src/core/glossary-anchor.js';
import { planLinks } from '../../hexo-study-glossary/src/core/link-html.js';
import { encodeLinkRecord, linkRecord } from '../../hexo-study-glossary/src/core/link-record.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import type { SiteLinker } from '../../hexo-study-glossary/src/hexo/link-filters.js';
import { linkedNoteView } from '../../hexo-study-glossary/src/hexo/linked-notes.js';

const matcher = createMatcher([
  { key: 'EKS', forms: ['EKS'], caseSensitive: true },
  { key: 'IAM', forms: ['IAM'], caseSensitive: true },
]);
const openTag = (key: string) => glossaryLinkOpenTag(key, `/glossary/${key.toLowerCase()}/`, undefined);
const linker: SiteLinker = {
  glossary: () => matcher,
  openTag,
  plan: (note) => linkRecord(note, planLinks(note.content, matcher, {}).plan),
  mentions: () => new Map(),
  keptSnippetsReady: async () => undefined,
  keptSnippet: () => undefined,
};
/** The rebase of the page at `to` (the glossary's URL from there). */
const pageAt = (to: string) => (html: string) => rebaseGlossaryLinks(html, '/glossary/', to);

function storedNote(content: string): { content: string; excerpt: string; more: string; glossary_links?: string } {
  const note = { content, excerpt: '', more: content };
  const plan = planLinks(content, matcher, {}).plan;
  return plan.keys.length === 0 ? note : { ...note, glossary_links: encodeLinkRecord(linkRecord(note, plan)) };
}

describe('linked note views for a page (relative_link)', () => {
  // What the {% term %} tag stores: a root-absolute link.
  const tagged = `<p>${openTag('IAM')}IAM</a> then EKS</p>`;

  it('read the links spliced in and those the note stores relative to the page', () => {
    const view = linkedNoteView(linker)(storedNote(tagged), pageAt('../../../../glossary/'));
    expect(view.content).toBe(
      `<p>${glossaryLinkOpenTag('IAM', '../../../../glossary/iam/', undefined)}IAM</a> then ${glossaryLinkOpenTag('EKS', '../../../../glossary/eks/', undefined)}EKS</a></p>`,
    );
  });

  it('give one note its links relative to each page that shows it', () => {
    const note = storedNote('<p>EKS</p>');
    const views = linkedNoteView(linker);
    expect(views({ ...note }, pageAt('glossary/')).content).toBe(`<p>${glossaryLinkOpenTag('EKS', 'glossary/eks/', undefined)}EKS</a></p>`);
    expect(views({ ...note }, pageAt('../glossary/')).content).toBe(`<p>${glossaryLinkOpenTag('EKS', '../glossary/eks/', undefined)}EKS</a></p>`);
    expect(views(note, pageAt('../../glossary/')).more).toBe(`<p>${glossaryLinkOpenTag('EKS', '../../glossary/eks/', undefined)}EKS</a></p>`);
    expect(views(note, pageAt('glossary/')).more).toBe(`<p>${glossaryLinkOpenTag('EKS', 'glossary/eks/', undefined)}EKS</a></p>`);
  });

  it('rebase a note with {% term %} links only (it has no link record)', () => {
    const note = { content: `<p>${openTag('IAM')}IAM</a></p>` };
    expect(linkedNoteView(linker)(note, pageAt('../')).content).toBe(`<p>${glossaryLinkOpenTag('IAM', '../iam/', undefined)}IAM</a></p>`);
  });

  it('leave the stored note, and views made without a page, root-absolute', () => {
    const note = storedNote(tagged);
    expect(linkedNoteView(linker)(note).content).toBe(`<p>${openTag('IAM')}IAM</a> then ${openTag('EKS')}EKS</a></p>`);
    linkedNoteView(linker)(note, pageAt('../')).content;
    expect(note.content).toBe(tagged);
  });
});
