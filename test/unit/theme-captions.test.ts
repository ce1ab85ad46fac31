import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeCaptionScript } from '../../hexo-study-glossary/src/core/theme-captions.js';
import { repoRoot } from '../helpers/site.js';

const landscape = readFileSync(join(repoRoot, 'node_modules', 'hexo-theme-landscape', 'source', 'js', 'script.js'), 'utf8');

describe('safeCaptionScript', () => {
  it("rewrites the two lines of landscape's script that paste alt text into HTML, and nothing else", () => {
    const safe = safeCaptionScript(landscape);
    expect(safe).toBeDefined();
    expect(safe).not.toContain(`'<span class="caption">' + alt + '</span>'`);
    expect(safe).not.toContain(`data-caption="' + alt + '"`);
    expect(safe).toContain(`$(this).after($('<span class="caption"></span>').text(alt));`);
    expect(safe).toContain(`'data-caption': $('<span></span>').text(alt).html()`);
    const changed = safe!.split('\n').filter((line, index) => line !== landscape.split('\n')[index]);
    expect(changed).toHaveLength(2);
    expect(safe!.split('\n')).toHaveLength(landscape.split('\n').length);
  });

  it('leaves a script without those lines alone: another theme, another version', () => {
    expect(safeCaptionScript('console.log(1);')).toBeUndefined();
    expect(safeCaptionScript(landscape.replace(`'<span class="caption">'`, `'<figcaption>'`))).toBeUndefined();
  });
});
