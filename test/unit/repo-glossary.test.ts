import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { repoRoot } from '../helpers/site.js';

const dir = join(repoRoot, 'source', '_glossary');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ path: `source/_glossary/${name}`, content: readFileSync(join(dir, name), 'utf8') }));
const { glossary, problems } = loadGlossary(files);

describe("the repository's glossary", () => {
  it('loads without problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it.each([
    'EKS', 'Kubernetes', 'ECR', 'ELB', 'ALB', 'NLB', 'CLB', 'IAM', 'IAMユーザー', 'IAMグループ', 'IAMポリシー', 'IAMロール',
    'VPC', 'サブネット', 'リージョン', 'アベイラビリティゾーン', 'RBAC', 'kubectl', 'eksctl', 'CloudFormation', 'CNI', 'Pod',
    'Ingress', 'AWS Load Balancer Controller', 'Clair', 'スポットインスタンス', 'EC2', 'Fargate', 'Fargate プロファイル',
    'CloudWatch', 'CloudWatch Container Insights', 'Fluentd', 'Liveness Probe', 'Readiness Probe',
  ])('defines %s', (key) => {
    expect(glossary.byKey.has(key)).toBe(true);
  });

  it.each([
    ['ElasticKubernetesService', 'EKS'],
    ['ElasticLoadBalancing', 'ELB'],
    ['VirtualPrivateCloud', 'VPC'],
    ['Kubectl', 'kubectl'],
    ['AZ', 'アベイラビリティゾーン'],
    ['ALB Ingress Controller', 'AWS Load Balancer Controller'],
  ])('knows the note spelling %s as %s', (alias, key) => {
    expect(glossary.byKey.get(key)?.aliases).toContain(alias);
  });

  it.each([
    ['ALB', 'ELB'],
    ['NLB', 'ELB'],
    ['CLB', 'ELB'],
    ['IAMユーザー', 'IAM'],
    ['IAMグループ', 'IAM'],
    ['IAMポリシー', 'IAM'],
    ['IAMロール', 'IAM'],
  ])('puts %s under %s', (child, parent) => {
    expect(glossary.byKey.get(child)?.parent).toBe(parent);
  });

  it('links the official documentation of every entry over https', () => {
    for (const entry of glossary.entries) {
      expect(entry.links.length, entry.key).toBeGreaterThan(0);
      for (const link of entry.links) expect(link.url, entry.key).toMatch(/^https:\/\//);
    }
  });
});
