import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { matchableTerms, planSignature } from '../../hexo-study-glossary/src/core/matchable-terms.js';

/** The plan signature of a glossary file with `yaml` in it. */
function signatureOf(yaml: string, path = 'terms.yml'): string {
  const { glossary } = loadGlossary([{ path, content: yaml }]);
  const unlinked = new Set(glossary.entries.filter((entry) => !entry.link).map((entry) => entry.key));
  return planSignature(matchableTerms(glossary.entries), unlinked);
}

const base = 'EKS:\n  summary: Kubernetes を動かすサービス。\n  aliases: [Amazon EKS]\nIAM:\n  summary: 認証と認可。\n';

describe('planSignature', () => {
  it('stays the same when only what links say changes: summaries, readings, related terms, the file name', () => {
    const signature = signatureOf(base);
    expect(signatureOf(base.replace('Kubernetes を動かすサービス。', 'Kubernetes のマネージドサービス。'))).toBe(signature);
    expect(signatureOf(`${base}  reading: あいえーえむ\n  related: [EKS]\n`)).toBe(signature);
    expect(signatureOf(base, 'aws.yml')).toBe(signature);
  });

  it('changes when where links go may change: a term, an alias, case, link: false, or the order of terms', () => {
    const signature = signatureOf(base);
    const others = [
      `${base}VPC:\n  summary: 仮想ネットワーク。\n`,
      base.replace('[Amazon EKS]', '[Amazon EKS, EKS クラスター]'),
      `${base}  case_sensitive: false\n`,
      `${base}  link: false\n`,
      'IAM:\n  summary: 認証と認可。\nEKS:\n  summary: Kubernetes を動かすサービス。\n  aliases: [Amazon EKS]\n',
    ].map((yaml) => signatureOf(yaml));
    for (const other of others) expect(other).not.toBe(signature);
    expect(new Set(others).size).toBe(others.length);
  });
});
