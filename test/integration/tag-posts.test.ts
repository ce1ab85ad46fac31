/**
 * `tag.posts` and `tag.length`, which the plugin looks up without copies (hexo/tag-posts.ts),
 * read from a real Hexo that loaded the publish fixture (auto tags on).
 */
import Hexo from 'hexo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelRecords } from '../../hexo-study-glossary/src/hexo/model-records.js';
import { pairRecords } from '../../hexo-study-glossary/src/hexo/pair-records.js';
import { makeSite, type Site } from '../helpers/site.js';

interface Document {
  _id: string;
  name?: string;
}
interface Query {
  toArray(): Document[];
  map<T>(each: (document: Document) => T): T[];
  find(query: object): Query;
  length: number;
}

let site: Site;
let hexo: Hexo;

beforeAll(async () => {
  site = makeSite('publish');
  hexo = new Hexo(site.dir, { silent: true });
  await hexo.init();
  await hexo.load();
}, 60_000);

afterAll(() => {
  site?.dispose();
});

describe("a tag's notes (tag.posts) and their count (tag.length)", () => {
  it("are the notes Hexo's own lookup finds, in the same order, and as many as the tag's pairs, for every tag", () => {
    const tags = (hexo.locals.get('tags') as unknown as Query).toArray() as (Document & { posts: Query; length: number })[];
    expect(tags.length).toBeGreaterThan(5);
    let pairs = 0;
    for (const tag of tags) {
      const ids = (hexo.model('PostTag').find({ tag_id: tag._id }) as unknown as Query).map((pair) => (pair as unknown as { post_id: string }).post_id);
      // Hexo's getter: the site's notes whose id is in the tag's list.
      const expected = (hexo.locals.get('posts') as unknown as Query).find({ _id: { $in: ids } }).map((post) => post._id);
      expect(tag.posts.map((post) => post._id), tag.name).toEqual(expected);
      expect(tag.length, tag.name).toBe(ids.length);
      pairs += expected.length;
    }
    expect(pairs).toBeGreaterThan(tags.length);
  });

  it("are not looked up as Hexo does: with its $in query, which compares every note with every id of the tag, and a copy of every pair", () => {
    const getter = (name: string) => String((hexo.model('Tag') as unknown as { schema: { path(name: string): { getter: unknown } } }).schema.path(name).getter);
    expect(getter('posts')).not.toContain('$in');
    expect(getter('length')).not.toContain('.find(');
  });
});

describe('pairRecords', () => {
  it("gives every note–tag and note–category pair the models hold, each once, through Hexo's index", () => {
    // So the index is what is read here.
    const indexes = (hexo as unknown as { _binaryRelationIndex: Record<string, { keyIndex: unknown }> })._binaryRelationIndex;
    expect(indexes['post_tag']!.keyIndex).toBeInstanceOf(Map);
    expect(indexes['post_category']!.keyIndex).toBeInstanceOf(Map);
    for (const model of ['PostTag', 'PostCategory'] as const) {
      const held = [...modelRecords<object>(hexo, model)].map(([, record]) => record);
      const read = [...pairRecords<object>(hexo, model)];
      expect(held.length, model).toBeGreaterThan(3);
      expect(new Set(read), model).toEqual(new Set(held));
      expect(read.length, model).toBe(held.length);
    }
  });

  it("reads the models' records when Hexo has no index of them", () => {
    const withoutIndex = Object.create(hexo, { _binaryRelationIndex: { value: undefined } }) as Hexo;
    const read = [...pairRecords<object>(withoutIndex, 'PostTag')];
    expect(new Set(read)).toEqual(new Set([...modelRecords<object>(hexo, 'PostTag')].map(([, record]) => record)));
  });
});
