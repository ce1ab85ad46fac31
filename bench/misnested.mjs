// `npm run bench:misnested`: how the linker's time grows with raw HTML that
// a browser must mend, repeated in one note (a pasted dump, a hostile note).
//
//   node bench/misnested.mjs [--sizes 10000,20000,40000]
//
// For each pattern, the time `planLinks` takes over the pattern repeated N
// times, for each N (the least of three runs), and the ratio from one size
// to the next: about 2 when the time grows with the note, 4 when with its
// square. The patterns are those that made it quadratic (unclosed inline
// tags under a deep stack, stray end tags, formatting closed and reopened,
// and long katakana runs or text read back before each tag by the katakana
// rule), and plain markup beside them.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './corpus.mjs';

const dist = join(repoRoot, 'hexo-study-glossary', 'dist', 'core');
const { createMatcher } = await import(join(dist, 'match-terms.js'));
const { planLinks } = await import(join(dist, 'link-html.js'));

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,20000,40000' } } });
const sizes = values.sizes.split(',').map(Number);
const matcher = createMatcher([
  { key: 'アア', forms: ['アア'], caseSensitive: true },
  { key: 'ログ', forms: ['ログ'], caseSensitive: true },
]);

const patterns = {
  'plain paragraphs': (n) => '<p>アア</p>'.repeat(n),
  'unclosed <b><i><u>': (n) => `<p>${'<b><i><u>ア'.repeat(n)}`,
  'unclosed <code>': (n) => `<p>${'<code>ア'.repeat(n)}`,
  'stray </i> under <b>s': (n) => `<p>${'<b>ア'.repeat(n)}${'</i>ア'.repeat(n)}`,
  '<b> across </p>': (n) => '<p><b>ア</p>ア'.repeat(n),
  '<em><strong> closed by </em>': (n) => `<p>${'<em><strong>ア</em>'.repeat(n)}`,
  // The katakana rule reads back for the word a short term would start inside.
  'long-vowel marks, then a short term': (n) => `<p>${'ー'.repeat(n)}ログ</p>`,
  'a short term repeated in one word': (n) => `<p>${'ログ'.repeat(n)}</p>`,
  '; before each tag': (n) => `<p>${'x;<s>ログ</s>'.repeat(n)}</p>`,
  '> in text before each tag': (n) => `<p>${'ログ><s>ログ'.repeat(n)}</p>`,
};

console.log(`| pattern | ${sizes.map((n) => `${n.toLocaleString('en')} ×`).join(' | ')} | growth per doubling |`);
console.log(`| --- |${sizes.map(() => ' ---: |').join('')} ---: |`);
for (const [name, make] of Object.entries(patterns)) {
  planLinks(make(sizes[0]), matcher, { mode: 'all' });
  // The least of three runs: the machine's noise only ever adds.
  const times = sizes.map((n) => {
    const html = make(n);
    let least = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      planLinks(html, matcher, { mode: 'all' });
      least = Math.min(least, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return least;
  });
  const growth = times.slice(1).map((time, index) => (time / times[index]).toFixed(1)).join(', ');
  console.log(`| ${name} | ${times.map((time) => `${time.toFixed(0)} ms`).join(' | ')} | ${growth} |`);
}
