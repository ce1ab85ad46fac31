/**
 * A note's view reads linked; the note itself stays as Hexo stored it. The
 * `template_locals` filter that hands views to the theme runs in real Hexo
 * in test/integration/linking.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { planLinks } from '../../hexo-study-glossary/src/core/link-html.js';
import { encodeLinkRecord, linkRecord } from '../../hexo-study-glossary/src/core/link-record.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import type { SiteLinker } from '../../hexo-study-glossary/src/hexo/link-filters.js';
import { linkedNoteView } from '../../hexo-study-glossary/src/hexo/linked-notes.js';

const matcher = createMatcher([
  { key: 'EKS', forms: ['EKS'], caseSensitive: true },
  { key: 'IAM', forms: ['IAM'], caseSensitive: true },
]);

interface Note {
  content: string;
  excerpt?: string;
  more?: string;
  glossary_links: string;
  title?: string;
}

function siteLinker(): SiteLinker & { plans: number } {
  const glossary = {};
  const linker = {
    plans: 0,
    glossary: () => glossary,
    openTag: (key: string) => `<a data-term="${key}">`,
    plan(note: Note) {
      linker.plans++;
      return linkRecord(note, planLinks(note.content, matcher, {}).plan);
    },
  };
  return linker as SiteLinker & { plans: number };
}

/** A note as Hexo's excerpt filter leaves it, with its stored record. */
function storedNote(content: string, cut?: string): Note {
  const at = cut === undefined ? -1 : content.indexOf(cut);
  const note: Note = {
    content,
    excerpt: at < 0 ? '' : content.slice(0, at).trim(),
    more: at < 0 ? content : content.slice(at + cut!.length).trim(),
    glossary_links: '',
    title: 'A note',
  };
  note.glossary_links = encodeLinkRecord(linkRecord(note, planLinks(content, matcher, {}).plan));
  return note;
}

describe('linked note views', () => {
  it('read content linked and leave the note as stored', () => {
    const note = storedNote('<p>EKS and IAM</p>');
    const view = linkedNoteView(siteLinker())(note);
    expect(view.content).toBe('<p><a data-term="EKS">EKS</a> and <a data-term="IAM">IAM</a></p>');
    expect(view.more).toBe(view.content);
    expect(view.title).toBe('A note');
    expect(note.content).toBe('<p>EKS and IAM</p>');
  });

  it('link the excerpt and the rest of a note cut at <!-- more --> as the whole note is linked', () => {
    const note = storedNote('<p>EKS</p>\n<span id="more"></span>\n<p>IAM, EKS</p>', '<span id="more"></span>');
    const view = linkedNoteView(siteLinker())(note);
    expect(view.excerpt).toBe('<p><a data-term="EKS">EKS</a></p>');
    expect(view.more).toBe('<p><a data-term="IAM">IAM</a>, EKS</p>');
    expect(view.content).toBe('<p><a data-term="EKS">EKS</a></p>\n<span id="more"></span>\n<p><a data-term="IAM">IAM</a>, EKS</p>');
  });

  it('leave an excerpt from front matter as written', () => {
    const note = { ...storedNote('<p>EKS</p>'), excerpt: 'About EKS' };
    expect(linkedNoteView(siteLinker())(note).excerpt).toBe('About EKS');
  });

  it('plan again when the record was made for another content', () => {
    const linker = siteLinker();
    const note = { ...storedNote('<p>EKS</p>'), content: '<p>IAM, then EKS</p>' };
    expect(linkedNoteView(linker)(note).content).toBe('<p><a data-term="IAM">IAM</a>, then <a data-term="EKS">EKS</a></p>');
    expect(linker.plans).toBe(1);
  });

  it('plan a note whose record is stale once however many pages show it, and again when it changes', () => {
    const linker = siteLinker();
    const view = linkedNoteView(linker);
    const note = { ...storedNote('<p>EKS</p>'), source: '_posts/a.md', content: '<p>IAM, then EKS</p>' };
    // Hexo hands each page its own copy of the note.
    for (let index = 0; index < 3; index++) {
      expect(view({ ...note }).content).toBe('<p><a data-term="IAM">IAM</a>, then <a data-term="EKS">EKS</a></p>');
    }
    expect(linker.plans).toBe(1);
    const changed = { ...note, content: '<p>EKS only</p>' };
    expect(view(changed).content).toBe('<p><a data-term="EKS">EKS</a> only</p>');
    expect(linker.plans).toBe(2);
    // Another note with the same stale record is planned for itself.
    expect(view({ ...note, source: '_posts/b.md', content: '<p>IAM and more</p>' }).content).toBe('<p><a data-term="IAM">IAM</a> and more</p>');
    expect(linker.plans).toBe(3);
  });

  it('take a view handed in again as it is', () => {
    const linker = siteLinker();
    const view = linkedNoteView(linker);
    const once = view(storedNote('<p>EKS</p>'));
    expect(view(once)).toBe(once);
    expect(view(once).content).toBe('<p><a data-term="EKS">EKS</a></p>');
    expect(linker.plans).toBe(0);
  });

  it('read each record once however many views read it', () => {
    const linker = siteLinker();
    const view = linkedNoteView(linker);
    const note = storedNote('<p>EKS</p>');
    for (let index = 0; index < 3; index++) expect(view({ ...note }).content).toContain('data-term="EKS"');
    expect(linker.plans).toBe(0);
  });

  it('keep one record per note however often it is saved', () => {
    // Under `hexo server` a writer saves a note hundreds of times a day, and
    // each save stores a new record; the glossary may not change all day.
    const views = linkedNoteView(siteLinker());
    for (let save = 0; save < 300; save++) {
      const note = { ...storedNote(`<p>${'draft '.repeat(save)}EKS and IAM</p>`), source: '_posts/a.md' };
      expect(views(note).content).toContain('<a data-term="IAM">IAM</a>');
    }
    expect(views({ ...storedNote('<p>IAM</p>'), source: '_posts/b.md' }).content).toBe('<p><a data-term="IAM">IAM</a></p>');
    expect(views.recordCount).toBe(2);
  });

  it('link with the glossary of the moment, not one read before it changed', () => {
    const linker = siteLinker();
    let tag = 'old';
    let glossary = {};
    Object.assign(linker, { glossary: () => glossary, openTag: (key: string) => `<a data-term="${key}" data-glossary="${tag}">` });
    const view = linkedNoteView(linker)(storedNote('<p>EKS</p>'));
    expect(view.content).toContain('data-glossary="old"');
    tag = 'new';
    glossary = {};
    expect(view.content).toContain('data-glossary="new"');
  });

  it('keep what the theme assigns, and leave the note as stored', () => {
    const note = storedNote('<p>EKS</p>');
    const view = linkedNoteView(siteLinker())(note);
    const other = linkedNoteView(siteLinker())(note);
    view.content = '<p>replaced</p>';
    view.title = 'Retitled';
    expect(view.content).toBe('<p>replaced</p>');
    expect(view.title).toBe('Retitled');
    expect(note.content).toBe('<p>EKS</p>');
    expect(note.title).toBe('A note');
    expect(other.content).toBe('<p><a data-term="EKS">EKS</a></p>');
  });

  it('give linked content to toObject and JSON, with the note’s own fields', () => {
    const note = Object.assign(Object.create({ toObject(this: object) { return { ...this }; } }) as object, storedNote('<p>EKS</p>')) as Note;
    const view = linkedNoteView(siteLinker())(note);
    const object = (view as unknown as { toObject(): Note }).toObject();
    expect(object.title).toBe('A note');
    expect(object.content).toBe('<p><a data-term="EKS">EKS</a></p>');
    expect(JSON.parse(JSON.stringify(view)).content).toBe('<p><a data-term="EKS">EKS</a></p>');
  });
});
