/**
 * Plain-text reports of `hexo terms` and `hexo terms check`, for people.
 * (Machines get `--json`.) Counts come first and the term last, so columns
 * line up whatever the width of Japanese terms.
 */
import type { CheckReport, NearMiss, TermUsage, UnlinkedCompound } from './check-terms.js';

/** `hexo terms`: one line per term. */
export function formatUsage(usage: readonly TermUsage[]): string {
  const rows = [...usage].sort((a, b) => b.notes - a.notes || b.mentions - a.mentions);
  const lines = ['notes  mentions  term'];
  for (const term of rows) {
    const note = term.linked ? '' : '  (link: false; counted in the Markdown)';
    lines.push(`${String(term.notes).padStart(5)}  ${String(term.mentions).padStart(8)}  ${term.key}${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `hexo terms check`: errors, then each kind of warning; empty sections are left out. */
export function formatCheck(report: CheckReport): string {
  const sections: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length > 0) sections.push([`${title} (${lines.length})`, ...lines.map((line) => `  ${line}`)].join('\n'));
  };

  section('Errors', report.errors);
  section(
    'Entries still to write',
    report.todo.map((term) => `${term.file}:${term.line}: "${term.key}": the summary is still TODO`),
  );
  section(
    'Terms no note mentions',
    report.unused.map((term) => `${term.file}:${term.line}: "${term.key}"`),
  );
  section(
    'Acronyms missing from the glossary',
    report.acronyms.map((acronym) => {
      const places = groupLines(acronym.locations);
      return `${acronym.acronym}: ${acronym.count}× in ${places}`;
    }),
  );
  section('Possible misspellings', report.nearMisses.map(formatNearMiss));
  section(
    'Katakana words that end in a term and are not linked (add one that is a compound as an alias to link it)',
    report.compounds.map(formatCompound),
  );
  section(
    'Kanji words that hold a term and are not linked (add one that names the term as an alias to link it)',
    report.kanjiWords.map(formatCompound),
  );
  return sections.length > 0 ? `${sections.join('\n\n')}\n` : '';
}

/** `ワーカーノード → ノード: 3× in a.md:1, 2; b.md:1` */
function formatCompound(compound: UnlinkedCompound): string {
  return `${compound.word} → ${compound.key}: ${compound.count}× in ${groupLines(compound.locations)}`;
}

/** `file:line: "CloudCormation" → did you mean "CloudFormation"?` */
function formatNearMiss(miss: NearMiss): string {
  const term = miss.suggestion === miss.key ? '' : ` (${miss.key})`;
  return `${miss.file}:${miss.line}: "${miss.text}" → did you mean "${miss.suggestion}"${term}?`;
}

/** `a.md:3, 9; b.md:1`: lines grouped by file, in order of first appearance. */
function groupLines(locations: readonly { file: string; line: number }[]): string {
  const byFile = new Map<string, number[]>();
  for (const { file, line } of locations) {
    const lines = byFile.get(file);
    if (!lines) byFile.set(file, [line]);
    else if (!lines.includes(line)) lines.push(line);
  }
  return [...byFile].map(([file, lines]) => `${file}:${lines.join(', ')}`).join('; ');
}
