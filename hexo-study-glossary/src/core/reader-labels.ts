/**
 * The few words the reader-facing additions print (search page, search
 * box), in the site's language. Japanese and English; anything else
 * falls back to English.
 */

export interface ReaderLabels {
  /** Title of the search page, text of the search button. */
  search: string;
  /** Accessible name of the search field. */
  searchField: string;
  /** Shown on the search page when scripts are off. */
  needsScript: string;
  /** Shown on the search page when the index can't be loaded. */
  unavailable: string;
}

const labels: Readonly<Record<'ja' | 'en', ReaderLabels>> = {
  ja: {
    search: '検索',
    searchField: 'サイト内を検索',
    needsScript: '検索には JavaScript が必要です。用語集とタグ一覧からもノートを探せます。',
    unavailable: '検索インデックスを読み込めませんでした。',
  },
  en: {
    search: 'Search',
    searchField: 'Search this site',
    needsScript: 'Search needs JavaScript. The glossary and the tag index list every note too.',
    unavailable: 'The search index could not be loaded.',
  },
};

/** Labels for a BCP 47 tag (`ja`, `ja-JP`, `en`…). */
export function readerLabels(lang: string | undefined): ReaderLabels {
  return lang?.toLowerCase().split('-')[0] === 'ja' ? labels.ja : labels.en;
}
