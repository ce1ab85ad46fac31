/**
 * A week of writing, as an author does it: glossary files organised in
 * folders, mistakes made and mended, terms added from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';

describe('a glossary file in a subfolder of source/_glossary/', () => {
  let site: Site;
  let build: RunResult;
  let added: RunResult;
  let again: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_glossary/network/vpc.yml': 'VPC:\n  summary: AWS 上の仮想ネットワーク。\n  aliases: [Virtual Private Cloud]\n',
      'source/_posts/network.md': '---\ntitle: Network\ndate: 2024-02-01 10:00:00\n---\nVPC を作る。\n',
    });
    build = await site.hexo('generate');
    added = await site.hexo('terms', 'new', 'Subnet', '--file', 'network/vpc.yml');
    again = await site.hexo('terms', 'new', 'Virtual Private Cloud');
  });
  afterAll(() => site?.dispose());

  it('gives its terms a page and links them in notes', () => {
    expect(build.code, build.output).toBe(0);
    expect(site.exists('public/glossary/vpc/index.html')).toBe(true);
    expect(site.read('public/2024/02/01/network/index.html')).toContain('href="/glossary/vpc/" data-term="VPC"');
  });

  it('is where `hexo terms new --file` can add a term, and where it looks for existing ones', () => {
    expect(added.code, added.output).toBe(0);
    expect(added.stdout).toContain('source/_glossary/network/vpc.yml:5: added "Subnet"');
    expect(site.read('source/_glossary/network/vpc.yml')).toMatch(/^Subnet:\n {2}summary: TODO/m);
    expect(again.code).toBe(1);
    expect(again.output).toContain('"Virtual Private Cloud" is already in the glossary: an alias of "VPC" (source/_glossary/network/vpc.yml:1)');
  });
});

describe('a glossary entry with a YAML mistake, named by a note', () => {
  let site: Site;
  let build: RunResult;
  let added: RunResult;
  const tools = 'Terraform:\n\tsummary: インフラをコードで書くツール。\nAnsible:\n  summary: 構成管理ツール。\n';

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_glossary/tools.yml': tools,
      'source/_posts/tools.md': '---\ntitle: Tools\ndate: 2024-02-02 10:00:00\nglossary_exclude: [Terraform]\n---\n{% term Terraform %} と Ansible。\n',
    });
    build = await site.hexo('generate');
    added = await site.hexo('terms', 'new', 'Terraform');
  });
  afterAll(() => site?.dispose());

  it('reports the YAML mistake, and the note as right but unlinked, not as naming an unknown term', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain('source/_glossary/tools.yml:2:1: YAML: tab characters must not be used in indentation');
    expect(build.output).toContain(
      'source/_posts/tools.md:6: {% term Terraform %} is shown unlinked: the glossary entry of "Terraform" (source/_glossary/tools.yml:1) is not valid YAML',
    );
    expect(build.output).not.toContain('names no glossary term');
    expect(build.output).not.toContain('"glossary_exclude" names "Terraform"');
    expect(build.output).toMatch(/2 problems .*exiting with status 1/);
    expect(site.read('public/2024/02/02/tools/index.html')).toContain('data-term="Ansible"');
  });

  it('does not let `hexo terms new` add the term a second time', () => {
    expect(added.code).toBe(1);
    expect(added.output).toContain('"Terraform" is already in the glossary: the entry "Terraform" (source/_glossary/tools.yml:1) is not valid YAML; mend it instead');
    expect(site.read('source/_glossary/tools.yml')).toBe(tools);
  });
});

describe('a glossary entry left out for a mistake of its own (no summary), named by a note', () => {
  let site: Site;
  let build: RunResult;
  let added: RunResult;
  const mesh = 'Istio:\n  reading: いすてぃお\nEnvoy:\n  summary: サービスメッシュのプロキシ。\n  related: [Istio]\n';

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_glossary/mesh.yml': mesh,
      'source/_posts/mesh.md': '---\ntitle: Mesh\ndate: 2024-02-03 10:00:00\n---\n{% term Istio %} と Envoy。\n',
    });
    build = await site.hexo('generate');
    added = await site.hexo('terms', 'new', 'Istio');
  });
  afterAll(() => site?.dispose());

  it('reports the entry, and the note and the entries naming it as right but unlinked', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain('source/_glossary/mesh.yml:1:1: Istio: "summary" is required');
    expect(build.output).toContain(
      'source/_posts/mesh.md:5: {% term Istio %} is shown unlinked: the glossary entry of "Istio" (source/_glossary/mesh.yml:1) is not a valid entry',
    );
    expect(build.output).not.toContain('names no glossary term');
    expect(build.output).toContain('source/_glossary/mesh.yml:5:13: Envoy: "related" names "Istio", which is left out: its entry (source/_glossary/mesh.yml:1) is not a valid entry');
    expect(build.output).not.toContain('not a term in the glossary');
    expect(site.read('public/2024/02/03/mesh/index.html')).toContain('data-term="Envoy"');
  });

  it('does not let `hexo terms new` add the term a second time', () => {
    expect(added.code).toBe(1);
    expect(added.output).toContain('"Istio" is already in the glossary: the entry "Istio" (source/_glossary/mesh.yml:1) is not a valid entry; mend it instead');
    expect(site.read('source/_glossary/mesh.yml')).toBe(mesh);
  });
});

describe('a glossary_exclude that misspells a term', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_posts/exclude.md': '---\ntitle: Exclude\ndate: 2024-02-03 10:00:00\nglossary_exclude: [eks, Nothing]\n---\nEKS と IAM。\n',
      'source/_posts/commas.md': '---\ntitle: Commas\ndate: 2024-02-04 10:00:00\nglossary_exclude: EKS, IAM\n---\nEKS と IAM。\n',
    });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('suggests the spelling the glossary has, as {% term %} does', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain('source/_posts/exclude.md:4: "glossary_exclude" names "eks", which is not in the glossary; did you mean "EKS"?');
    expect(build.output).toMatch(/source\/_posts\/exclude\.md:4: "glossary_exclude" names "Nothing", which is not in the glossary\n/);
  });

  it('says how to name several terms when they are written as one string', () => {
    expect(build.output).toContain('source/_posts/commas.md:4: "glossary_exclude" names "EKS, IAM", which is not in the glossary; to name several terms, write a list: [EKS, IAM]');
  });
});

describe('an image in a note\'s asset folder (post_asset_folder: true)', () => {
  let site: Site;
  let build: RunResult;
  const png = readFileSync(join(repoRoot, 'source', 'favicon.png'));

  beforeAll(async () => {
    site = makeSite('repo', {
      'source/_posts/EKSのノード管理.md':
        '---\ntitle: EKSのノード管理\ndate: 2024-03-01 10:00:00\n---\nEKS のノード。\n\n{% asset_img nodes.png EKS と IAMロール の図 %}\n\n![EKS と IAM の構成図](nodes.png)\n',
    });
    const config = site.read('_config.yml');
    site.write('_config.yml', config.replace('post_asset_folder: false', 'post_asset_folder: true').replace(/^ {2}search: true.*$/m, '  search: false'));
    mkdirSync(join(site.dir, 'source/_posts/EKSのノード管理'));
    writeFileSync(join(site.dir, 'source/_posts/EKSのノード管理/nodes.png'), png);
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('shows the image of ![alt](file) as it shows {% asset_img %}, and links no term in the alt text', () => {
    expect(build.code, build.output).toBe(0);
    const note = site.read('public/2024/03/01/EKSのノード管理/index.html');
    const src = '/2024/03/01/EKS%E3%81%AE%E3%83%8E%E3%83%BC%E3%83%89%E7%AE%A1%E7%90%86/nodes.png';
    expect(note).toContain(`<img src="${src}" class="" title="EKS と IAMロール の図">`);
    expect(note).toContain(`<img src="${src}" alt="EKS と IAM の構成図">`);
    expect(site.exists(decodeURIComponent(`public${src}`))).toBe(true);
    expect(note).toContain('data-term="EKS"');
  });

  it('gives the search icon no link with search: false, and hides it, since it would open an empty box', () => {
    const home = site.read('public/index.html');
    expect(home).toMatch(/<a class="nav-icon nav-search-btn" title="[^"]*"><span class="fa fa-search"><\/span><\/a>/);
    expect(home).not.toContain('class="search-form"');
    expect(site.read('public/css/reader.css')).toContain('.nav-search-btn:not([href]){display:none}');
  });
});

describe('hidden files in source/_glossary/', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', {
      // macOS's AppleDouble file next to a copied terms.yml, and a file set aside.
      'source/_glossary/._terms.yml': '\u0000\u0005\u0016\u0007\u0000\u0002\u0000\u0000Mac OS X        \u0000\u0002',
      'source/_glossary/.old/terms.yml': 'EKS:\n  summary: 古い説明。\n',
    });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('are not read, as Hexo reads no hidden file of a site', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toContain('._terms.yml');
    expect(build.output).not.toContain('already defined');
  });
});

describe("landscape's script, which writes image captions", () => {
  let site: Site;
  let own: Site;

  beforeAll(async () => {
    site = makeSite('basic');
    own = makeSite('basic', { 'source/js/script.js': 'console.log("the site\'s own script");\n' });
    await Promise.all([site.hexo('generate'), own.hexo('generate')]);
  });
  afterAll(() => {
    site?.dispose();
    own?.dispose();
  });

  it('is served with the captions written from alt text as text', () => {
    const script = site.read('public/js/script.js');
    expect(script).toContain(".text(alt)");
    expect(script).not.toContain(`'<span class="caption">' + alt + '</span>'`);
    expect(script).toContain('$(\'.article-entry\').each(');
  });

  it("gives way to a site's own source/js/script.js, as the theme's does", () => {
    expect(own.read('public/js/script.js')).toBe('console.log("the site\'s own script");\n');
  });
});

describe('a glossary folder whose name starts with a dot', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic');
    site.write('source/notes/.terms/terms.yml', site.read('source/_glossary/terms.yml'));
    site.remove('source/_glossary');
    site.write('_config.yml', site.read('_config.yml').replace('glossary:\n', 'glossary:\n  dir: notes/.terms\n'));
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('is read as the glossary, and not published, as Hexo publishes no hidden file', () => {
    expect(build.code, build.output).toBe(0);
    expect(site.read('_config.yml')).toContain('dir: notes/.terms');
    expect(site.exists('public/glossary/eks/index.html')).toBe(true);
    expect(site.read('public/2024/01/02/first/index.html')).toContain('data-term="EKS"');
    expect(site.exists('public/notes')).toBe(false);
  });
});

describe('a term only a note that excludes it mentions', () => {
  let site: Site;
  let check: RunResult;
  let list: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', {
      'source/_glossary/tools.yml': 'Helm:\n  summary: Kubernetes のパッケージマネージャー。\n',
      'source/_posts/helm.md': '---\ntitle: Helm\ndate: 2024-02-05 10:00:00\nglossary_exclude: [Helm]\n---\nHelm でインストールする。\n',
    });
    check = await site.hexo('terms', 'check', '--json', '--silent');
    list = await site.hexo('terms', '--json', '--silent');
  });
  afterAll(() => site?.dispose());

  it('is not reported as a term no note mentions, and hexo terms counts the mention', () => {
    const unused = (JSON.parse(check.stdout) as { unused: { key: string }[] }).unused.map((term) => term.key);
    expect(unused).not.toContain('Helm');
    const terms = (JSON.parse(list.stdout) as { terms: { key: string; notes: number; mentions: number }[] }).terms;
    expect(terms.find((term) => term.key === 'Helm')).toMatchObject({ notes: 1, mentions: 1 });
  });
});
