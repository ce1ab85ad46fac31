// The linker alone: MB/s over rendered note HTML, and how cost grows with terms.
//
// Timed the way a build links a note: `planLinks` without snippets (notes
// keep mention counts only: hexo/link-thread.ts, hexo/link-filters.ts),
// then `spliceLinks` with one opening tag per term made once per glossary
// (as `linking.openTag` in hexo/link-filters.ts). `linkHtml`, which earlier
// versions of this bench timed (the README's figures before late 2026), also
// takes a snippet for each term's first mention and escapes each opening tag
// again for every note, which a build never does; it is timed too, beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from './corpus.mjs';

const dist = join(repoRoot, 'hexo-study-glossary', 'dist', 'core');
const { createMatcher } = await import(join(dist, 'match-terms.js'));
const { linkHtml, planLinks, spliceLinks } = await import(join(dist, 'link-html.js'));
const { glossaryLinkOpenTags } = await import(join(dist, 'glossary-anchor.js'));

/** Article bodies of every note page under `site/public`. */
function articles(site) {
  const bodies = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html' && /\/\d{4}\/\d{2}\/\d{2}\//.test(path)) {
        const html = readFileSync(path, 'utf8');
        const start = html.indexOf('itemprop="articleBody">');
        const end = html.indexOf('<footer class="article-footer">', start);
        if (start !== -1 && end !== -1) bodies.push(html.slice(start + 23, end));
      }
    }
  };
  walk(join(site, 'public'));
  return bodies;
}

function termsFrom(yamlTexts) {
  const terms = [];
  for (const text of yamlTexts) {
    for (const [key, entry] of Object.entries(load(text) ?? {})) {
      terms.push({ key, forms: [key, ...(entry.aliases ?? [])], caseSensitive: entry.case_sensitive !== false });
    }
  }
  return terms;
}

const link = { href: (key) => `/glossary/${key}/`, title: (key) => key };

/** Seconds to link every body once, as a build does. */
function time(bodies, matcher, openTag) {
  const started = process.hrtime.bigint();
  for (const body of bodies) spliceLinks(body, planLinks(body, matcher, { mode: 'first', snippets: false }).plan, openTag);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds to link every body once with `linkHtml` (snippets, and opening tags made per call). */
function timeLinkHtml(bodies, matcher) {
  const started = process.hrtime.bigint();
  for (const body of bodies) linkHtml(body, matcher, { mode: 'first', ...link });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

export function benchLinker(site, syntheticYaml) {
  const bodies = articles(site);
  const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  const glossaryDir = join(site, 'source', '_glossary');
  const real = termsFrom(readdirSync(glossaryDir).filter((name) => name !== 'zz-synthetic.yml').map((name) => readFileSync(join(glossaryDir, name), 'utf8')));
  const synthetic = termsFrom([syntheticYaml]);
  const few = real.slice(0, 30);
  const many = [...real, ...synthetic].slice(0, 3000);
  const configs = [few, many].map((terms) => ({ terms, matcher: createMatcher(terms), openTag: glossaryLinkOpenTags(link), samples: [], linkHtmlSamples: [] }));
  // Warm up the JIT, then alternate the two glossaries round by round, as
  // the builds alternate: this machine's speed drifts within a run.
  for (const config of configs) {
    time(bodies, config.matcher, config.openTag);
    timeLinkHtml(bodies, config.matcher);
  }
  for (let round = 0; round < 11; round++) {
    for (const config of configs) {
      config.samples.push(time(bodies, config.matcher, config.openTag));
      config.linkHtmlSamples.push(timeLinkHtml(bodies, config.matcher));
    }
  }
  const row = (terms, samples) => {
    const seconds = median(samples);
    return { terms: terms.length, bytes, seconds, mbPerSecond: bytes / 2 ** 20 / seconds };
  };
  const rows = configs.map(({ terms, samples }) => row(terms, samples));
  const linkHtmlRows = configs.map(({ terms, linkHtmlSamples }) => row(terms, linkHtmlSamples));
  // As with the builds' overhead: the median of each round's own ratio, since
  // a round's two glossaries run back to back while the machine drifts.
  const [small, large] = configs;
  const cost = median(large.samples.map((seconds, round) => seconds / small.samples[round]));
  return { rows, linkHtmlRows, cost };
}
