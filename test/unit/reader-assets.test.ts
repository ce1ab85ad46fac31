import { describe, expect, it } from 'vitest';
import { readerLabels } from '../../hexo-study-glossary/src/core/reader-labels.js';
import { scrollRegionScript } from '../../hexo-study-glossary/src/core/scroll-regions.js';
import { themeControlsScript } from '../../hexo-study-glossary/src/core/theme-controls.js';
import { renderSearchForm, renderSearchPage, searchIcon, searchIconLink } from '../../hexo-study-glossary/src/core/render-search.js';
import { resultsId, searchScript } from '../../hexo-study-glossary/src/core/search-client.js';
import { tooltipCss, tooltipId, tooltipScript } from '../../hexo-study-glossary/src/core/tooltip-assets.js';
import { colours, readerCss, themeIcons } from '../../hexo-study-glossary/src/core/reader-styles.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';

const linkSearchIcon = (html: string, href: string): string => applyEdits(html, [searchIconLink(html, href) ?? []].flat());

const hostile = `"><script>alert(1)</script>&'`;

/** WCAG contrast ratio of two `#rrggbb` (or `#rgb`) colours. */
function contrast(one: string, other: string): number {
  const luminance = (hex: string) => {
    const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((digit) => digit + digit).join('') : hex.slice(1);
    const [r, g, b] = [0, 2, 4].map((at) => {
      const channel = parseInt(digits.slice(at, at + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The declarations of every rule in `css` whose selector list has `selector` in it, in order. */
function declarationsFor(css: string, selector: string): string {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter(([, selectors]) => (selectors ?? '').split(',').map((item) => item.trim()).includes(selector))
    .map(([, , declarations]) => declarations)
    .join(';');
}

/** The last `color` `css` gives `selector`. */
function colourOf(css: string, selector: string): string | undefined {
  return [...declarationsFor(css, selector).matchAll(/(?:^|;)color:(#[0-9a-f]{3,6})/gi)].at(-1)?.[1];
}
const ja = readerLabels('ja');

describe('reader-labels', () => {
  it('should speak Japanese for ja and ja-JP, English otherwise', () => {
    expect(readerLabels('ja-JP')).toBe(ja);
    expect(ja.search).toBe('検索');
    expect(readerLabels('en').search).toBe('Search');
    expect(readerLabels(undefined).search).toBe('Search');
    expect(readerLabels('de').search).toBe('Search');
  });
});

describe('render-search', () => {
  it("should keep the classes of Hexo's search_form and search this site", () => {
    const html = renderSearchForm({ action: '/search/' }, ja);
    expect(html).toMatch(/^<form action="\/search\/" method="get" accept-charset="UTF-8" class="search-form" role="search">/);
    expect(html).toContain('<input type="search" name="q" class="search-form-input" placeholder="検索" aria-label="サイト内を検索">');
    expect(html).toContain(`<button type="submit" class="search-form-submit" aria-label="検索">${searchIcon}</button>`);
    expect(html).not.toMatch(/google|sitesearch/);
  });

  it('should escape every value it inserts', () => {
    const html = renderSearchForm({ action: hostile, className: hostile, placeholder: hostile }, ja);
    expect(html).not.toContain('<script>');
    const pageHtml = renderSearchPage({ action: hostile, bundle: hostile, alternatives: [{ text: hostile, href: hostile }] }, ja);
    expect(pageHtml).not.toContain('<script>');
    expect(pageHtml).toContain('&lt;script&gt;');
  });

  it('should render a search page that works as a plain form and mounts Pagefind', () => {
    const html = renderSearchPage({ action: '/search/', bundle: '/pagefind/', alternatives: [{ text: 'Glossary', href: '/glossary/' }] }, ja);
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(html).toContain('<form class="reader-search-form" action="/search/" method="get" role="search">');
    expect(html).toContain('<label for="reader-search-q">サイト内を検索</label>');
    expect(html).toContain(`id="${resultsId}"`);
    expect(html).toContain('data-bundle="/pagefind/"');
    expect(html).toContain('<noscript><p>検索には JavaScript が必要です。');
    // Read before the form, which can't search without scripts.
    expect(html.indexOf('<noscript>')).toBeLessThan(html.indexOf('<form'));
    expect(html).toContain('<a href="/glossary/">Glossary</a>');
  });

  it("should give landscape's search icon the search page's URL, once", () => {
    const header = '<nav id="sub-nav"><a class="nav-icon nav-search-btn" title="検索"><span class="fa fa-search"></span></a></nav>';
    const linked = linkSearchIcon(header, '/search/');
    expect(linked).toContain('<a class="nav-icon nav-search-btn" title="検索" href="/search/">');
    expect(linkSearchIcon(linked, '/other/')).toBe(linked);
    expect(linkSearchIcon('<p>no header</p>', '/search/')).toBe('<p>no header</p>');
  });

  it("finds landscape's search icon past a comment, a script and text that name its class", () => {
    const before = '<!-- a.nav-search-btn --><script>var c = "<a class=nav-search-btn>";</script><p>nav-search-btn</p>';
    const icon = '<a class="nav-icon nav-search-btn" title="検索"></a>';
    expect(linkSearchIcon(before + icon, '/search/')).toBe(`${before}<a class="nav-icon nav-search-btn" title="検索" href="/search/"></a>`);
  });

  it('leaves a page whose only mentions of the icon are no tag as it is', () => {
    const page = '<!-- nav-search-btn --><p>the class nav-search-btn</p><pre><code>&lt;a class="nav-search-btn"&gt;</code></pre>';
    expect(linkSearchIcon(page, '/search/')).toBe(page);
  });

  it('takes the first icon without an href, past one that has one', () => {
    const linked = '<a class="nav-search-btn" href="/find/"></a><p>x</p>';
    expect(linkSearchIcon(`${linked}<a class="nav-search-btn"></a>`, '/search/')).toBe(`${linked}<a class="nav-search-btn" href="/search/"></a>`);
  });
});

describe('browser scripts', () => {
  it.each([
    ['tooltip', tooltipScript],
    ['search', searchScript],
    ['code block', scrollRegionScript('コード')],
    ['theme controls', themeControlsScript({ menu: 'メニュー' })],
  ])('the %s script should parse as a plain script', (_name, script) => {
    expect(() => new Function(script)).not.toThrow();
  });

  it.each([
    ['tooltip', tooltipScript],
    ['search', searchScript],
    ['code block', scrollRegionScript('コード')],
    ['theme controls', themeControlsScript({ menu: 'メニュー' })],
  ])('the %s script should never write HTML', (_name, script) => {
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(/);
  });

  it('the tooltip should be announced as a tooltip and described by the link while open', () => {
    expect(tooltipScript).toContain("setAttribute('role', 'tooltip')");
    expect(tooltipScript).toContain(`link.setAttribute('aria-describedby', ${JSON.stringify(tooltipId)})`);
    expect(tooltipScript).toContain("link.removeAttribute('title')");
    expect(tooltipScript).toContain("open.link.setAttribute('title', open.title)");
    expect(tooltipScript).toContain("event.key === 'Escape'");
  });
});

describe('stylesheets', () => {
  it('should fetch nothing from another host', () => {
    for (const css of [readerCss, tooltipCss]) {
      expect(css).not.toMatch(/@import|url\((?!"data:)/);
      expect(css).not.toMatch(/https?:\/\//);
    }
  });

  it("should draw every icon of landscape's header", () => {
    expect(Object.keys(themeIcons).sort()).toEqual(['fa-bars', 'fa-rss', 'fa-search']);
    for (const name of Object.keys(themeIcons)) expect(readerCss).toContain(`.${name}::before{-webkit-mask-image:url("data:image/svg+xml,`);
  });

  it('should ring focused links, buttons and fields on keyboard focus only', () => {
    for (const name of ['a', 'button', 'input']) {
      expect(declarationsFor(readerCss, `${name}:focus-visible`), name).toMatch(/outline:2px solid #[0-9a-f]{6};outline-offset:2px;box-shadow:0 0 0 2px #fff/);
    }
    // :focus would ring a link clicked with the mouse too.
    expect(readerCss).not.toMatch(/:focus(?!-visible)[^{]*\{[^}]*(outline|box-shadow)/);
  });

  it("should draw the focus ring in two colours that show on landscape's dark header and light pages alike", () => {
    // WCAG technique C40: two colours 9:1 apart, so one has 3:1 against any background.
    expect(contrast(colours.focus, '#fff')).toBeGreaterThanOrEqual(9);
    // The article and pagination (#fff), the page (#eee), the sidebar's widgets (#ddd).
    for (const light of ['#fff', '#eee', '#ddd']) expect(contrast(colours.focus, light), light).toBeGreaterThanOrEqual(3);
    // The banner's fallback (#000), the footer (#262a30), the mobile menu (#191919).
    for (const dark of ['#000', '#262a30', '#191919']) expect(contrast('#fff', dark), dark).toBeGreaterThanOrEqual(3);
  });

  it("should give landscape's newer/older links under a note 4.5:1 on its #eee", () => {
    // Landscape: the caption #ddd (1.17:1), the title #999 (2.45:1).
    for (const selector of ['.article-nav-caption', '.article-nav-link-wrap']) {
      const colour = colourOf(readerCss, selector);
      expect(colour, selector).toBe(colours.muted);
      expect(contrast(colour ?? '#eee', '#eee'), selector).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("should name the Share box's services in text, from each link's own title", () => {
    // landscape's js/script.js: <a class="article-share-twitter" title="Twitter"><span class="fa fa-twitter"></span></a>
    expect(declarationsFor(readerCss, '.article-share-links a::before')).toContain('content:attr(title)');
    expect(readerCss).not.toMatch(/fa-(twitter|facebook|pinterest|linkedin)/);
    expect(contrast(colourOf(readerCss, '.article-share-links a') ?? '#eee', '#eee')).toBeGreaterThanOrEqual(4.5);
    // Landscape writes the name white on the hovered service's colour.
    expect(contrast(colours.twitterHover, '#fff')).toBeGreaterThanOrEqual(4.5);
    for (const brand of ['#3b5998', '#cb2027', '#0077b5']) expect(contrast(brand, '#fff'), brand).toBeGreaterThanOrEqual(4.5);
  });

  it('should set a Japanese font stack for Japanese pages only', () => {
    expect(readerCss).toMatch(/html:lang\(ja\) body[^{]*\{font-family:[^}]*"Noto Sans CJK JP"[^}]*"Hiragino Sans"|html:lang\(ja\) body[^{]*\{font-family:[^}]*"Hiragino Sans"[^}]*"Noto Sans CJK JP"/);
  });
});
