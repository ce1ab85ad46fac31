/**
 * The words the reader-facing additions print (glossary, term and tag
 * pages, search page, search box), in the site's language: Japanese and
 * English; anything else falls back to English. The theme prints its own
 * words in that language too, so a Japanese site should not switch to
 * English on the pages the plugin adds.
 */

/** Words of the glossary index, the term pages and the tag index. */
export interface PageLabels {
  /** Title of the glossary index. */
  glossary: string;
  /** Title of the tag index. */
  tags: string;
  /** Accessible name of the index's jump bar. */
  jumpBar: string;
  /** The index's last group: terms that start with neither a Latin letter nor kana (`802.1Q`, a kanji). */
  otherTerms: string;
  /** The index of an empty glossary. */
  empty: string;
  /** How many notes mention a term, or carry a tag. */
  notes(count: number): string;
  /** How often one note mentions a term. */
  mentions(count: number): string;
  reading: string;
  aliases: string;
  parent: string;
  children: string;
  related: string;
  links: string;
  backlinks: string;
  noBacklinks: string;
  /** Above the notes of a term notes don't link wherever they mention it (`link: false`). */
  explicitOnly: string;
  /** Above the notes of a term some notes turn off (`glossary_exclude`): they are listed only where they link it explicitly. */
  optedOut(notes: number): string;
  /** Link from a term page to the tag page of the same name. */
  tagPage(name: string): string;
  /** Heading of a tag's page (tag.ejs), and of a category's. */
  tagHeading(name: string): string;
  categoryHeading(name: string): string;
  /** Link from a term page back to the index. */
  allTerms: string;
  /** Before the date above a term page's title: the date of the newest note that mentions the term. */
  latestMention: string;
  /** The tag index of a site without tags. */
  noTags: string;
  /** The glossary index's description (`<meta name="description">`, shared previews). */
  glossaryDescription(terms: number): string;
  /** The tag index's description. */
  tagsDescription(tags: number): string;
}

export interface ReaderLabels extends PageLabels {
  /** Name of the theme's menu toggle (≡), see theme-controls.ts. */
  menu: string;
  /** Name of a code block the keyboard can scroll, see scroll-regions.ts. */
  codeRegion: string;
  /** Title of the search page, text of the search button. */
  search: string;
  /** Accessible name of the search field. */
  searchField: string;
  /** Shown on the search page when scripts are off. */
  needsScript: string;
  /** Shown on the search page when the index can't be loaded. */
  unavailable: string;
  /** The search page's description. */
  searchDescription: string;
  /** The preview server's page for an address the site has no page at. */
  notFound: { title: string; text: string; home: string };
}

const labels: Readonly<Record<'ja' | 'en', ReaderLabels>> = {
  ja: {
    glossary: '用語集',
    tags: 'タグ',
    jumpBar: '頭文字で移動',
    otherTerms: 'その他',
    menu: 'メニュー',
    codeRegion: 'コード',
    empty: '用語集にはまだ用語がありません。',
    notes: (count) => `ノート ${count} 件`,
    mentions: (count) => `出現 ${count} 回`,
    reading: '読み',
    aliases: '別の表記',
    parent: '上位の用語',
    children: '下位の用語',
    related: '関連する用語',
    links: '公式リンク',
    backlinks: 'この用語が出てくるノート',
    noBacklinks: 'この用語が出てくるノートはまだありません。',
    explicitOnly: 'この用語は本文中で自動的にはリンクされないため、ここには明示的にリンクしたノートだけが並びます。',
    optedOut: (notes) => `${notes} 件のノートはこの用語を自動でリンクしない設定のため、明示的にリンクした場合だけここに並びます。`,
    tagPage: (name) => `タグ「${name}」のノートをすべて見る`,
    tagHeading: (name) => `タグ: ${name}`,
    categoryHeading: (name) => `カテゴリ: ${name}`,
    allTerms: '用語集のトップへ',
    latestMention: '最新の言及',
    noTags: 'タグはまだありません。',
    glossaryDescription: (terms) => `用語集: ${terms} 語の用語の説明と、それぞれの用語が出てくるノート。`,
    tagsDescription: (tags) => `タグの一覧: ${tags} 件のタグと、それぞれのノートの数。`,
    search: '検索',
    searchField: 'サイト内を検索',
    needsScript: '検索には JavaScript が必要です。用語集とタグ一覧からもノートを探せます。',
    unavailable: '検索インデックスを読み込めませんでした。',
    searchDescription: 'ノートと用語集を全文検索します。',
    notFound: {
      title: '404 ページが見つかりません',
      text: 'このアドレスのページはサイトにありません。削除されたか、名前や日付が変わったのかもしれません。サイトが変わると、このページは読み込み直されます。',
      home: 'トップページへ',
    },
  },
  en: {
    glossary: 'Glossary',
    tags: 'Tags',
    jumpBar: 'Jump to',
    otherTerms: 'Other',
    menu: 'Menu',
    codeRegion: 'Code',
    empty: 'The glossary has no terms yet.',
    notes: (count) => `${count} ${count === 1 ? 'note' : 'notes'}`,
    mentions: (count) => `${count} ${count === 1 ? 'mention' : 'mentions'}`,
    reading: 'Reading',
    aliases: 'Also written',
    parent: 'Broader term',
    children: 'Narrower terms',
    related: 'Related terms',
    links: 'Official links',
    backlinks: 'Notes that mention this term',
    noBacklinks: 'No note mentions this term yet.',
    explicitOnly: 'This term is not linked automatically in notes, so only the notes that link to it explicitly are listed here.',
    optedOut: (notes) => `${notes === 1 ? '1 note turns' : `${notes} notes turn`} off automatic links to this term, so ${notes === 1 ? 'it is' : 'they are'} listed here only where ${notes === 1 ? 'it links' : 'they link'} to it explicitly.`,
    tagPage: (name) => `All notes tagged “${name}”`,
    tagHeading: (name) => `Tag: ${name}`,
    categoryHeading: (name) => `Category: ${name}`,
    allTerms: 'All terms',
    latestMention: 'Last mentioned',
    noTags: 'No tags yet.',
    glossaryDescription: (terms) => `Glossary: ${terms} ${terms === 1 ? 'term' : 'terms'}, each explained, with the notes that mention it.`,
    tagsDescription: (tags) => `Tag index: ${tags} ${tags === 1 ? 'tag' : 'tags'}, with how many notes carry each.`,
    search: 'Search',
    searchField: 'Search this site',
    needsScript: 'Search needs JavaScript. The glossary and the tag index list every note too.',
    unavailable: 'The search index could not be loaded.',
    searchDescription: 'Full-text search of the notes and the glossary.',
    notFound: {
      title: '404 Not Found',
      text: 'The site has no page at this address: it may have been deleted, renamed or moved to another date. This page reloads when the site changes.',
      home: 'Home page',
    },
  },
};

/** Labels for a BCP 47 tag (`ja`, `ja-JP`, `en`…). */
export function readerLabels(lang: string | undefined): ReaderLabels {
  return lang?.toLowerCase().split('-')[0] === 'ja' ? labels.ja : labels.en;
}
