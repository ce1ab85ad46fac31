import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../hexo-study-glossary/src/core/match-terms.js';
import { createMatcher, type TermMatch } from '../../hexo-study-glossary/src/core/match-terms.js';
import type { MatchableTerm } from '../../hexo-study-glossary/src/core/types.js';

function term(key: string, aliases: string[] = [], caseSensitive = true): MatchableTerm {
  return { key, forms: [key, ...aliases], caseSensitive };
}

const glossary: MatchableTerm[] = [
  term('IAM'),
  term('IAMロール', ['IAM ロール']),
  term('EKS', ['Elastic Kubernetes Service']),
  term('ALB'),
  term('CLB'),
  term('AZ', ['アベイラビリティゾーン']),
  term('RBAC'),
  term('Kubernetes', ['k8s']),
  term('HTTP'),
  term('Pod'),
  term('ノード'),
  term('ノードグループ'),
  term('コンテナ'),
  term('kubectl', [], false),
  term('ガベージコレクション', ['GC']),
  term('キロ'),
  term('1番'),
  term('C++'),
  term('.NET'),
  term('CI/CD'),
  term('😀絵文字'),
  term('葛城'),
];

const matcher = createMatcher(glossary);

/** The matched text and key of each match, read back from the original string. */
function found(text: string, using = matcher): [string, string][] {
  return using.find(text).map((match) => [text.slice(match.start, match.end), match.key]);
}

describe('match-terms API', () => {
  it('exports createMatcher, and the form and case fold names are compared in, and nothing else at runtime', () => {
    expect(Object.keys(api).sort()).toEqual(['caseFold', 'comparableForm', 'createMatcher']);
  });

  it('compares names under NFKC with typographic quotes and dashes as ASCII', () => {
    expect(api.comparableForm('Ｌｅｔ’ｓ “Ｅｎｃｒｙｐｔ” – x — y')).toBe('Let\'s "Encrypt" -- x --- y');
  });

  it('leaves variation selectors out of the compared form', () => {
    expect(api.comparableForm('葛\u{E0100}城\uFE0F')).toBe('葛城');
  });
});

describe('createMatcher().find', () => {
  it.each<[string, string, [string, string][]]>([
    ['prefers the longest form at a position', 'IAMロールを作る', [['IAMロール', 'IAMロール']]],
    ['falls back to a shorter term when the longer one is absent', 'IAMポリシー', [['IAM', 'IAM']]],
    ['matches aliases with spaces', 'IAM ロールとは', [['IAM ロール', 'IAMロール']]],
    ['matches a space in a term across a line break, a tab or several spaces', 'IAM\nロール, IAM\t ロール', [['IAM\nロール', 'IAMロール'], ['IAM\t ロール', 'IAMロール']]],
    ['prefers a longer Japanese term over its prefix', 'ノードグループを作成', [['ノードグループ', 'ノードグループ']]],
    ['matches a Japanese term inside Japanese text', 'このノードは', [['ノード', 'ノード']]],
    ['does not end a kana term before a long-vowel mark, which is part of the word', 'ノーダーとノードー、ﾉｰﾄﾞｰとノードを', [['ノード', 'ノード']]],
    ['does not end a katakana term inside a longer katakana word, which names something else', 'ノードキャストとｺﾝﾃﾅｲﾒｰｼﾞとコンテナランタイム', []],
    ['matches a katakana term of four kana or more that ends a katakana compound, which names one of it', 'マネージドコンテナとﾏﾈｰｼﾞﾄﾞｺﾝﾃﾅ', [['コンテナ', 'コンテナ'], ['ｺﾝﾃﾅ', 'コンテナ']]],
    ['does not start a katakana term of fewer than four kana inside a katakana word whose first part is no term', 'ワーカーノードとｽｰﾊﾟｰﾉｰﾄﾞ', []],
    ['matches a katakana term before a middle dot, kanji or hiragana', 'コンテナ・イメージ、コンテナ化、ノードが', [['コンテナ', 'コンテナ'], ['コンテナ', 'コンテナ'], ['ノード', 'ノード']]],
    ['matches a term followed by Japanese', 'EKSでは', [['EKS', 'EKS']]],
    ['matches terms around a slash', 'ALB/CLB', [['ALB', 'ALB'], ['CLB', 'CLB']]],
    ['matches inside full-width parentheses', '（AZ）', [['AZ', 'AZ']]],
    ['matches an ASCII term followed by a Japanese particle and term', 'AZのノード', [['AZ', 'AZ'], ['ノード', 'ノード']]],
    ['does not match an ASCII term glued to letters after it', 'IAMPolicy', []],
    ['does not match an ASCII term glued to letters before it', 'KubernetesRBAC', []],
    ['does not match an ASCII term glued to digits after it', 'HTTP503', []],
    ['does not match an ASCII term glued to digits before it', '2AZ', []],
    ['does not match an ASCII term inside an identifier joined with underscores', 'ECR_EKS と EKS_NAME と my_EKS', []],
    ['matches ASCII terms next to punctuation', 'HTTP-503 (EKS), AZ.', [['HTTP', 'HTTP'], ['EKS', 'EKS'], ['AZ', 'AZ']]],
    ['does not match an ASCII term that a dot joins to a word, as in a host or file name', 'Kubernetes.io、EKS.yaml、my.EKS、ＥＫＳ．ｉｏ、docs.Kubernetes.io', []],
    ['matches an ASCII term before a dot that ends a sentence or after one that starts a name', 'EKS. Then EKS.次に、(EKS.) と .EKS', [['EKS', 'EKS'], ['EKS', 'EKS'], ['EKS', 'EKS'], ['EKS', 'EKS']]],
    ['matches a term at the very start and end', 'EKS', [['EKS', 'EKS']]],
    ['matches a term made of symbols at its end', 'C++で書く', [['C++', 'C++']]],
    ['does not match a term that ends with a symbol glued to a digit after it', 'C++11で書く', []],
    ['matches a term that ends with a symbol before another symbol or a space', 'C++, C++ と (C++)', [['C++', 'C++'], ['C++', 'C++'], ['C++', 'C++']]],
    ['does not match a term that starts with a symbol glued to letters before it', 'ASP.NET と VB.NET', []],
    ['matches a term that starts with a symbol after kana, a space or a bracket', 'は.NET、 .NET と（.NET）', [['.NET', '.NET'], ['.NET', '.NET'], ['.NET', '.NET']]],
    ['judges a symbol at the edge on the full-width text as NFKC reads it', 'ＡＳＰ．ＮＥＴ と ．ＮＥＴ', [['．ＮＥＴ', '.NET']]],
    ['matches a term with a slash inside', 'CI/CDパイプライン', [['CI/CD', 'CI/CD']]],
    ['is case-sensitive by default', 'eks と Eks と pod', []],
    ['ignores case for caseSensitive: false terms', 'KUBECTL と Kubectl と kubectl', [['KUBECTL', 'kubectl'], ['Kubectl', 'kubectl'], ['kubectl', 'kubectl']]],
    ['matches full-width letters as ASCII', 'ＥＫＳクラスタ', [['ＥＫＳ', 'EKS']]],
    ['treats full-width neighbours as ASCII for boundaries', 'ＥＫＳＸ と ＸEKS', []],
    ['matches half-width katakana', 'ｺﾝﾃﾅを起動', [['ｺﾝﾃﾅ', 'コンテナ']]],
    ['matches half-width katakana with voiced marks', 'ｶﾞﾍﾞｰｼﾞｺﾚｸｼｮﾝ', [['ｶﾞﾍﾞｰｼﾞｺﾚｸｼｮﾝ', 'ガベージコレクション']]],
    ['matches decomposed kana', 'ガベージコレクション', [['ガベージコレクション', 'ガベージコレクション']]],
    ['matches a compatibility character that expands', '5㌔走る', [['㌔', 'キロ']]],
    ['matches a circled digit as a digit', '①番', [['①番', '1番']]],
    ['keeps offsets right after characters that expand', '㌔㌔と①番', [['㌔', 'キロ'], ['㌔', 'キロ'], ['①番', '1番']]],
    ['matches next to astral characters', '😀EKS😀', [['EKS', 'EKS']]],
    ['matches a term that contains an astral character', 'あ😀絵文字', [['😀絵文字', '😀絵文字']]],
    ['matches a term written with an ideographic variation selector, taking the selector in', '葛\u{E0100}城で', [['葛\u{E0100}城', '葛城']]],
    ['takes in a variation selector after the last character of a match', 'EKS\uFE0Fと葛城\u{E0101}を', [['EKS\uFE0F', 'EKS'], ['葛城\u{E0101}', '葛城']]],
    ['matches a term inside which a standardized variation selector stands', '葛\uFE00城', [['葛\uFE00城', '葛城']]],
    ['does not match an ASCII term glued to a letter that a variation selector follows', 'EKS\uFE0FEKS と EKS\u{E0100}EKS と é\u0301EKS', [['EKS', 'EKS']]],
    ['never starts a match at a variation selector with no character before it', '\u{E0100}EKS \uFE0FEKS', [['EKS', 'EKS'], ['EKS', 'EKS']]],
    ['matches multi-word aliases', 'Elastic Kubernetes Service', [['Elastic Kubernetes Service', 'EKS']]],
    ['continues after a match', 'EKSEKS EKS', [['EKS', 'EKS']]],
    ['finds nothing in empty text', '', []],
    ['finds nothing in text without terms', 'ただの文章です。Nothing here.', []],
  ])('%s: %j', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports offsets into the original string', () => {
    const text = '㌔のＥＫＳと😀のk8s';
    const matches = matcher.find(text);
    expect(matches).toEqual<TermMatch[]>([
      { start: 0, end: 1, key: 'キロ' },
      { start: 2, end: 5, key: 'EKS' },
      { start: 9, end: 12, key: 'Kubernetes' },
    ]);
  });

  it('returns matches sorted and non-overlapping', () => {
    const text = 'IAMロールとIAMとEKSとノードグループとノード';
    const matches = matcher.find(text);
    for (let index = 1; index < matches.length; index++) {
      expect(matches[index]!.start).toBeGreaterThanOrEqual(matches[index - 1]!.end);
    }
    expect(matches.map((match) => match.key)).toEqual(['IAMロール', 'IAM', 'EKS', 'ノードグループ', 'ノード']);
  });

  describe('a term written in kanji', () => {
    const kanji = createMatcher([term('認可'), term('同期'), term('負荷分散'), term('可用性'), term('暗号'), term('自動'), term('認証', ['多要素認証']), term('制御'), term('1番')]);

    it.each<[string, string, [string, string][]]>([
      ['does not start inside a word of kanji', '確認可能な設定', []],
      ['does not start inside a word that the term ends', '非同期処理', []],
      ['does not end inside a word of kanji', '自動化する', []],
      ['matches where words of kanji meet', '認証認可の違い、同期処理、負荷分散装置、高可用性、暗号化', [['認証', '認証'], ['認可', '認可'], ['同期', '同期'], ['負荷分散', '負荷分散'], ['可用性', '可用性'], ['暗号', '暗号']]],
      ['matches next to kana, ASCII and punctuation as before', 'アクセス制御を、自動でIAM制御。「認可」', [['制御', '制御'], ['自動', '自動'], ['制御', '制御'], ['認可', '認可']]],
      ['matches before a kanji that the dictionary reads as a word of its own', '多要素認証器と認証局', [['多要素認証', '認証'], ['認証', '認証']]],
      ['takes a digit before a kanji as no kanji', '第1番の席', [['1番', '1番']]],
    ])('%s: %j', (_name, text, expected) => {
      expect(found(text, kanji)).toEqual(expected);
    });

    it('reads a run of kanji longer than it keeps around the junction alone', () => {
      const long = `${'設定'.repeat(40)}確認可能${'設定'.repeat(40)}`;
      expect(found(long, kanji)).toEqual([]);
      expect(found(`${'設定'.repeat(40)}、認可`, kanji)).toEqual([['認可', '認可']]);
    });

    it('reads a word in its context, not the whole text, so a long note costs no more per match', () => {
      const long = `${'あ'.repeat(10_000)}確認可能、認可${'い'.repeat(10_000)}`;
      expect(kanji.find(long).map((match) => long.slice(match.start, match.end))).toEqual(['認可']);
    });
  });

  describe('a katakana term of fewer than four kana', () => {
    const short = createMatcher([term('ログ'), term('ポート', ['ポート番号']), term('サーバー', ['サーバ']), term('トークン'), term('Cache', [], false)]);

    it.each<[string, string, [string, string][]]>([
      ['does not start inside a loanword that it is a piece of', 'ブログ、カタログ、ダイアログ、サポート、レポート、エクスポート', []],
      ['does not start inside a katakana word with an alias that goes on past it', 'パスポート番号', []],
      ['does not start inside a katakana word written in half-width or decomposed kana', 'ﾌﾞﾛｸﾞとブログ', []],
      ['counts long-vowel marks as part of the word before it', 'ユーザーログ', []],
      ['ends a compound whose first part is a term', 'サーバーログ', [['ログ', 'ログ']]],
      ['ends a compound whose first part is an alias', 'サーバログ', [['ログ', 'ログ']]],
      ['ends a compound whose later part, just before it, is a term', 'アプリサーバーログ', [['ログ', 'ログ']]],
      ['starts a word after kanji, hiragana, ASCII or a middle dot', '監査ログ、このログ、IAMログ、ブ・ログ', [['ログ', 'ログ'], ['ログ', 'ログ'], ['ログ', 'ログ'], ['ログ', 'ログ']]],
      ['does not count the kana after the katakana it starts with', 'ポート番号を開ける', [['ポート番号', 'ポート']]],
      ['counts a small kana as one: トークン is short, as three', 'ブルートークン', []],
      ['starts after four kana or more of a katakana word, a word of their own', 'アクセスログ、メッセージキュー、アクセストークン', [['ログ', 'ログ'], ['トークン', 'トークン']]],
      ['does not count long-vowel marks or voiced marks among the four kana before it', 'エラーログ、ﾃﾞｰﾀﾞﾛｸﾞ', []],
    ])('%s: %j', (_name, text, expected) => {
      expect(found(text, short)).toEqual(expected);
    });

    it('takes the text the caller says comes before the text as the word going on, by the same rule', () => {
      const link = [{ start: 0, end: 2, key: 'ログ' }];
      expect(found('ログを見る', short)).toEqual([['ログ', 'ログ']]);
      expect(short.find('ログを見る', undefined, undefined, () => 'ブ')).toEqual([]);
      expect(short.find('ログを見る', undefined, undefined, () => 'これはブ')).toEqual([]);
      expect(short.find('ログを見る', undefined, undefined, () => 'フ\u3099')).toEqual([]);
      expect(short.find('ログを見る', undefined, undefined, () => 'の')).toEqual(link);
      expect(short.find('ログを見る', undefined, undefined, () => '')).toEqual(link);
      expect(short.find('ログを見る', undefined, undefined, () => 'アクセス')).toEqual(link);
      expect(short.find('ログを見る', undefined, undefined, () => 'サーバー')).toEqual(link);
      expect(short.find('ーログ', undefined, undefined, () => 'ア')).toEqual([]);
      expect(short.find('クセスログ', undefined, undefined, () => 'ア')).toEqual([{ start: 3, end: 5, key: 'ログ' }]);
    });

    it('asks for the text before only when the word a short katakana form would start inside reaches back to it', () => {
      let asked = 0;
      const before = () => {
        asked++;
        return 'ブ';
      };
      short.find('監査ログ', undefined, undefined, before);
      short.find('Cacheでログ', undefined, undefined, before);
      short.find('アクセスログ', undefined, undefined, before);
      expect(asked).toBe(0);
      short.find('ログ', undefined, undefined, before);
      short.find('カタログ', undefined, undefined, before);
      expect(asked).toBe(2);
    });

    it('takes long-vowel marks alone before it for a dash, not a word', () => {
      expect(found('結果ーログ、ーーログ', short)).toEqual([['ログ', 'ログ'], ['ログ', 'ログ']]);
    });

    it('finds a term after a long run of katakana or long-vowel marks, reading back a bounded way', () => {
      // Each of these took seconds when the rule read back to the start of the run for every match.
      expect(found(`${'ー'.repeat(20000)}ログ`, short)).toEqual([['ログ', 'ログ']]);
      expect(short.find('ログ'.repeat(20000)).length).toBe(1);
      expect(short.find(`ブ${'ー'.repeat(20000)}ログ`).length).toBe(1);
    });
  });

  it('tries a shorter form when the longest one fails its boundary', () => {
    const shorter = createMatcher([term('AWS'), term('AWS Lambda')]);
    expect(found('AWS Lambdas', shorter)).toEqual([['AWS', 'AWS']]);
    expect(found('AWS Lambda', shorter)).toEqual([['AWS Lambda', 'AWS Lambda']]);
  });

  it('passes over a match the caller refuses: a shorter form at the same position, then later positions', () => {
    const text = 'IAMロールとIAMロール';
    const refused: [number, number][] = [];
    const noFirstLong = (start: number, end: number) => {
      if (start === 0 && end === 6) {
        refused.push([start, end]);
        return false;
      }
      return true;
    };
    expect(matcher.find(text, noFirstLong)).toEqual<TermMatch[]>([
      { start: 0, end: 3, key: 'IAM' },
      { start: 7, end: 13, key: 'IAMロール' },
    ]);
    expect(refused).toEqual([[0, 6]]);
    // Nothing at a position: the scan goes on at the next one.
    expect(matcher.find('ノードグループ', (start) => start > 0)).toEqual([]);
    expect(matcher.find('IAMロールとEKS', (start) => start > 0)).toEqual<TermMatch[]>([{ start: 7, end: 10, key: 'EKS' }]);
  });

  it('prefers the longest form even when it is an alias', () => {
    const aliased = createMatcher([term('Kubernetes', ['Kubernetes API']), term('API')]);
    expect(found('Kubernetes APIを呼ぶ', aliased)).toEqual([['Kubernetes API', 'Kubernetes']]);
  });

  it('ignores empty forms', () => {
    const withEmpty = createMatcher([{ key: 'EKS', forms: ['', 'EKS'], caseSensitive: true }]);
    expect(found('EKS', withEmpty)).toEqual([['EKS', 'EKS']]);
    expect(createMatcher([{ key: 'x', forms: [''], caseSensitive: true }]).find('abc')).toEqual([]);
  });

  it('gives a duplicate form to the first term', () => {
    const duplicated = createMatcher([term('EKS'), term('Amazon EKS', ['EKS'])]);
    expect(found('EKS', duplicated)).toEqual([['EKS', 'EKS']]);
  });

  it('matches full-width term forms against ASCII text', () => {
    const fullWidth = createMatcher([term('ＶＰＣ')]);
    expect(found('VPCとＶＰＣ', fullWidth)).toEqual([
      ['VPC', 'ＶＰＣ'],
      ['ＶＰＣ', 'ＶＰＣ'],
    ]);
  });

  it('folds case beyond ASCII for caseSensitive: false terms', () => {
    const unicode = createMatcher([term('Straße', [], false), term('ΣΟΦΙΑ', [], false)]);
    expect(found('STRASSE と straße と σοφια', unicode)).toEqual([
      ['STRASSE', 'Straße'],
      ['straße', 'Straße'],
      ['σοφια', 'ΣΟΦΙΑ'],
    ]);
  });

  it('matches a decomposed accent even at the end of an ASCII word', () => {
    const accented = createMatcher([term('é')]);
    expect(found('cafe\u0301', accented)).toEqual([['e\u0301', 'é']]);
    expect(found('café', accented)).toEqual([['é', 'é']]);
  });

  it('never builds a regular expression from term text', () => {
    const hostile = createMatcher([term('.*'), term('a+b'), term('(x|y)')]);
    expect(found('abc a+b (x|y) .*', hostile)).toEqual([
      ['a+b', 'a+b'],
      ['(x|y)', '(x|y)'],
      ['.*', '.*'],
    ]);
  });

  // What 3,000 terms cost against 30 is measured by `npm run bench`, not
  // here: a timed test fails on a busy machine and proves little on an idle one.
  it('matches the same with 3,000 terms as with a few', () => {
    const many = [...glossary, ...manyTerms(3000)];
    const large = createMatcher(many);
    const text = 'IAMロールとEKSでは、用語0042とterm2999と別名1235を使う。IAMPolicyもterm29990も違う。';
    expect(found(text, large)).toEqual([
      ['IAMロール', 'IAMロール'],
      ['EKS', 'EKS'],
      ['用語0042', '用語0042'],
      ['term2999', 'term2999'],
      ['別名1235', 'term1235'],
    ]);
  });
});

describe('createMatcher().find with smartypants quotes and dashes', () => {
  // hexo-renderer-marked turns `'` into ’ or ‘, `"` into “ or ”, `--` into
  // an en dash and `---` into an em dash; terms are written either way.
  const smartTerms = [
    term("Let's Encrypt"),
    term("rock 'n' roll"),
    term('“Hello World”'),
    term('Node.js --inspect'),
    term('Diffie–Hellman'),
    term('push---pull'),
    term("o'reilly", [], false),
    term('IAM'),
  ];
  const smart = createMatcher(smartTerms);
  const unfiltered = createMatcher(smartTerms, { filters: false });

  it.each<[string, string, [string, string][]]>([
    ['matches ’ in the text as an apostrophe in the term', 'Let’s Encrypt で証明書', [['Let’s Encrypt', "Let's Encrypt"]]],
    ['matches ‘ and ’ in the text as the term\'s apostrophes', 'some rock ‘n’ roll', [['rock ‘n’ roll', "rock 'n' roll"]]],
    ['matches “ and ” in the text as the term\'s double quotes', 'say “quoted” and “Hello World”', [['“Hello World”', '“Hello World”']]],
    ['matches ASCII double quotes in the text as the term\'s “ and ”', 'say "Hello World"', [['"Hello World"', '“Hello World”']]],
    ['matches a mix of ASCII and typographic double quotes', 'say "Hello World”', [['"Hello World”', '“Hello World”']]],
    ['matches an en dash in the text as -- in the term', 'Node.js –inspect で接続', [['Node.js –inspect', 'Node.js --inspect']]],
    ['matches -- in the text as an en dash in the term', 'Diffie--Hellman 鍵交換', [['Diffie--Hellman', 'Diffie–Hellman']]],
    ['matches an en dash in the text as the term\'s en dash', 'Diffie–Hellman 鍵交換', [['Diffie–Hellman', 'Diffie–Hellman']]],
    ['matches an em dash in the text as --- in the term', 'push—pull model', [['push—pull', 'push---pull']]],
    ['folds quotes in case-insensitive terms too', 'O’REILLY の本', [['O’REILLY', "o'reilly"]]],
    ['matches a term between typographic quotes', '‘IAM’ and “IAM”', [['IAM', 'IAM'], ['IAM', 'IAM']]],
    ['keeps the word boundary after a quote-folded match', 'Let’s Encrypted', []],
    ['keeps the word boundary before a quote-folded match', 'xLet’s Encrypt', []],
    ['does not match an em dash as an en dash', 'Node.js —inspect', []],
    ['does not match an en dash as an em dash', 'push–pull', []],
    ['does not match a hyphen as an en dash', 'Diffie-Hellman', []],
    ['does not match a double quote as an apostrophe', 'Let”s Encrypt', []],
  ])('%s: %j', (_name, text, expected) => {
    expect(found(text, smart)).toEqual(expected);
    // The start filters must not rule out a quote or dash that isn't ASCII.
    expect(found(text, unfiltered)).toEqual(expected);
  });

  it.each<[string, string, [string, string][]]>([
    ['an apostrophe', "Let's Encrypt", [["Let's Encrypt", "Let's Encrypt"]]],
    ['two hyphens', 'Node.js --inspect', [['Node.js --inspect', 'Node.js --inspect']]],
    ['three hyphens', 'push---pull', [['push---pull', 'push---pull']]],
    ['one hyphen less', 'Node.js -inspect と push--pull', []],
    ['one hyphen more', 'Node.js ---inspect', []],
  ])('matches plain ASCII as before: %s', (_name, text, expected) => {
    expect(found(text, smart)).toEqual(expected);
  });

  it('reports offsets into the original text, around dashes that stand for several hyphens', () => {
    expect(smart.find('—Diffie–Hellman—push—pull—')).toEqual<TermMatch[]>([
      { start: 1, end: 15, key: 'Diffie–Hellman' },
      { start: 16, end: 25, key: 'push---pull' },
    ]);
  });
});

function manyTerms(count: number): MatchableTerm[] {
  const terms: MatchableTerm[] = [];
  for (let index = 0; index < count; index++) {
    const number = String(index).padStart(4, '0');
    terms.push(index % 2 === 0 ? term(`用語${number}`) : term(`term${number}`, [`別名${number}`]));
  }
  return terms;
}

describe('start filters (property)', () => {
  const runs = Number(process.env.FC_RUNS ?? 1000);
  // Few symbols, so forms share first units and texts are full of near misses:
  // kana (with a combining voicing mark and the half-width form), ASCII in
  // both cases, full-width letters, a compatibility ideograph, a surrogate pair.
  // Smartypants' quotes and dashes, which compare as ASCII, and that ASCII too.
  // Whitespace of every kind HTML collapses, which the walk reads as one space.
  // Variation selectors, of the BMP and ideographic, which compare as nothing.
  const symbols = ['カ', 'キ', 'ク', 'ー', 'ン', '\u3099', 'ｶ', 'a', 'B', 'b', '1', 'Ａ', '㍿', '株式', '😀', ' ', '\n', '\t', '  ', '/', "'", '’', '-', '–', '—', '\uFE0F', '\u{E0100}'];
  const piece = fc.constantFrom(...symbols);
  const form = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''));
  const terms = fc.uniqueArray(
    fc.record({ forms: fc.array(form, { minLength: 1, maxLength: 2 }), caseSensitive: fc.boolean() }),
    { minLength: 1, maxLength: 40, selector: (entry) => entry.forms.join('|') },
  );
  const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

  it('never change what is found, only how fast', () => {
    fc.assert(
      fc.property(terms, fc.array(text, { minLength: 1, maxLength: 5 }), (entries, texts) => {
        const list = entries.map((entry, index) => ({ key: `t${index}`, forms: entry.forms, caseSensitive: entry.caseSensitive }));
        const filtered = createMatcher(list);
        const plain = createMatcher(list, { filters: false });
        for (const sample of texts) expect(filtered.find(sample)).toEqual(plain.find(sample));
      }),
      { numRuns: runs },
    );
  });
});
