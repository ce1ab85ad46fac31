/**
 * Links glossary terms in the text of an HTML fragment (a rendered note).
 *
 * The fragment is read with `scanHtml` (htmlparser2's tokenizer) and never
 * re-serialized: anchors are spliced into the original string, so removing
 * them gives back the input byte for byte. Only text is scanned, never
 * attributes or comments, and never the text of skipped elements
 * (`defaultSkip`). Consecutive text pieces (plain text and decoded entities)
 * form one segment that is matched as a whole, across the tags of inline
 * formatting (`bridging`: `**IAM**ロール` reads as IAMロール, and links it,
 * not IAM); any other tag, or a comment, ends a segment and is a word boundary.
 *
 * Decisions worth knowing:
 * - an anchor wraps the raw text as written (`CI&#x2F;CD` stays so); a match
 *   that would start or end inside an entity is dropped;
 * - a match across formatting tags takes in the fewest of them that make
 *   its anchor well nested (`<a …><strong>IAM</strong>ロール</a>`); a match
 *   that no anchor can wrap so (`<em>とIAM</em>ロール`) is passed over as one
 *   whose word boundary fails: a shorter term at its start (IAM), or a
 *   later match, is linked instead;
 * - an `a` in the input whose class list has `glossary-link` and that has a
 *   `data-term` counts as a link to that term: in `first` mode no other
 *   occurrence of the term is linked, wherever that anchor is (but in a
 *   `select`, where browsers before Chromium's styled selects make no
 *   link). This is what makes linking twice the same as linking once;
 * - excluded keys are neither linked nor counted, but their matches still
 *   take their text: with `IAMロール` excluded, `IAMロール` does not link `IAM`;
 * - a glossary link already in the input is counted whatever the exclusions:
 *   the author put it there (`{% term %}`), and the note does link the term;
 * - in `first` mode, text inside a closed `details` or `dialog` (no `open`
 *   attribute) is out of sight: a term is linked there only when no text in
 *   sight mentions it.
 */
import { isAsciiAlnum } from './ascii.js';
import { escapeAttribute } from './escape.js';
import { glossaryLinkOpenTags, withBeforeLink } from './glossary-anchor.js';
import type { Matcher, TermMatch } from './match-terms.js';
import { decodeHTML } from 'entities/decode';
import { AttributeNames, scanHtml, type ScanHandler } from './scan-html.js';
import { isHighSurrogate, isLowSurrogate } from './utf16.js';

export { escapeAttribute };

/**
 * The revision of the rules below. Bump it with any change that links or
 * counts other text in the same HTML: Hexo's cache keeps each note's link
 * record and mention counts across builds, and a note stamped with another
 * revision is linked again (see hexo/link-filters.ts), so an upgrade needs
 * no `hexo clean`.
 */
export const linkRules = 31;

/**
 * Elements the theme puts a note in, outermost first: landscape's
 * `div#container > div#wrap > div.outer > section#main > article >
 * div.article-inner > div.article-entry`. A stray `</div>` in a note closes
 * the innermost div around it, and everything the note has open: what
 * follows is no longer in the code or heading it was in, nor does its end
 * tag close anything later.
 */
const pageWrappers: readonly string[] = ['div', 'div', 'div', 'section', 'article', 'div', 'div'];

/** Elements whose text is never linked, unless `options.skip` says otherwise. */
export const defaultSkip: readonly string[] = Object.freeze([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** What decides which text is linked. */
export interface PlanOptions {
  /** `'first'`: link the first occurrence of each term per call; `'all'`: every one. Default: `'first'`. */
  mode?: 'first' | 'all' | undefined;
  /**
   * Elements whose text is never linked; replaces the default. Default: `defaultSkip`.
   * Anchors, summaries, labels and raw-text elements (`script`, `style`, `textarea`, `title`…)
   * are skipped whatever this says: a link inside would be a control in a control, and raw text isn't markup.
   */
  skip?: readonly string[] | undefined;
  /**
   * Keys never linked nor counted (front matter `glossary_exclude`), except
   * glossary links already in the input. Default: none.
   * Terms with `link: false` are best left out of the matcher altogether.
   */
  exclude?: ReadonlySet<string> | undefined;
  /**
   * Take a snippet around each term's first mention. Without, every
   * mention's snippet is empty, and planning costs about a tenth less
   * (for callers that keep only counts). Default: `true`.
   */
  snippets?: boolean | undefined;
}

/** What decides which text is linked, and the links' markup. */
export interface LinkOptions extends PlanOptions {
  /** URL of a term's page (already a URL; escaped here). Required. */
  href: (key: string) => string;
  /** Tooltip of a term; no `title` attribute when it returns `undefined` or `''`. Default: no titles. */
  title?: ((key: string) => string | undefined) | undefined;
}

/**
 * Decoded text around a mention, taken from the same block (paragraph, list
 * item…), whitespace collapsed, about `snippetRadius` characters each side.
 * Spaces next to the match are kept, so `before + match + after` reads as written.
 */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface Mention {
  /** Occurrences found in scanned text, plus glossary links already in the input. */
  count: number;
  /** Around the first of them; empty when planned with `snippets: false`. */
  snippet: Snippet;
}

/**
 * Where the anchors of a linked fragment go, apart from its HTML: the raw
 * range of each linked piece of text, in order, and its term. Kept with a
 * note instead of the linked HTML (see hexo/linked-notes.ts).
 */
export interface LinkPlan {
  /** `[start, end)` of each link in the fragment, flat: link `i` is `ranges[2i]`…`ranges[2i + 1]`. */
  ranges: number[];
  /** The term of each link. */
  keys: string[];
}

export interface PlanResult {
  plan: LinkPlan;
  /** Mentions of each linkable term, in order of first mention. */
  mentions: Map<string, Mention>;
}

export interface LinkResult {
  /** The linked HTML; the input string itself when nothing was linked. */
  html: string;
  /** Number of anchors inserted. */
  linked: number;
  /** Mentions of each linkable term, in order of first mention. */
  mentions: Map<string, Mention>;
}

/** Links terms found by `matcher` in the text of `html`. */
export function linkHtml(html: string, matcher: Matcher, options: LinkOptions): LinkResult {
  const { plan, mentions } = planLinks(html, matcher, options);
  return { html: spliceLinks(html, plan, glossaryLinkOpenTags(options)), linked: plan.keys.length, mentions };
}

/** Finds where terms found by `matcher` in the text of `html` are to be linked; `spliceLinks` links them. */
export function planLinks(html: string, matcher: Matcher, options: PlanOptions): PlanResult {
  const linker = new Linker(html, matcher, options);
  // As a browser builds the tree: text it puts inside a `code` or a link, reopened after a stray end tag, is never linked.
  scanHtml(html, linker, { browser: true, within: pageWrappers });
  return linker.result();
}

/**
 * Inserts the anchors of `plan` into `html`, a piece of the fragment that was
 * planned, starting at its offset `offset` (an excerpt of a note, say): links
 * outside the piece are left out. Returns `html` itself when no link falls in it.
 * A link that the plan's next link follows at once gets `beforeLinkAttribute`
 * (glossary-anchor.ts), in a piece as in the whole: a link of the note's own
 * HTML that follows is not looked for, since a piece may end before it.
 */
export function spliceLinks(html: string, plan: LinkPlan, openTag: (key: string) => string, offset = 0): string {
  const { ranges, keys } = plan;
  const end = offset + html.length;
  // Appended, not joined: V8 keeps the pieces as a rope of slices of `html`
  // and copies them once, into the page that shows the note (a theme
  // appends the note to its page, and the page is flattened as a whole).
  // Joining copied every linked note once more: some 90 MB of short-lived
  // strings in a build of 2,000 notes.
  let linked = '';
  let last = 0;
  for (let index = 0; index < keys.length; index++) {
    const start = ranges[2 * index]! - offset;
    const stop = ranges[2 * index + 1]! - offset;
    if (start < 0) continue;
    if (stop + offset > end) break;
    const tag = ranges[2 * index + 2] === ranges[2 * index + 1] ? withBeforeLink(openTag(keys[index]!)) : openTag(keys[index]!);
    linked += html.slice(last, start) + tag + html.slice(start, stop) + '</a>';
    last = stop;
  }
  if (linked === '') return html;
  return linked + html.slice(last);
}

/**
 * Text that readers don't see as prose, or can't see: skipped whatever
 * `options.skip` says, and left out of snippets. Raw text isn't markup; a
 * browser drops a link inside a `select` or its options; what `noscript`
 * holds is hidden from readers with scripts, so the first mention of a
 * term must not be spent there; a link inside a `button` is invalid HTML,
 * and clicks on it go where each browser pleases; and a ruby annotation
 * (`rt`, with its fallback parentheses `rp`) is the reading of the text
 * beside it, not prose. The fallback text of media, `canvas`, `object`,
 * `progress` and `meter` shows only where the element itself can't (a
 * browser without video, an object whose file failed): measured in
 * Chromium, a link there is not drawn, and one in a `canvas` still takes
 * a Tab stop, an invisible focus.
 */
const hidden: readonly string[] = [
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext',
  'select', 'option', 'optgroup', 'datalist', 'noscript', 'rt', 'rp', 'button',
  'audio', 'video', 'canvas', 'object', 'progress', 'meter',
];

/**
 * Prose that is, or belongs to, a control a link can't go in: skipped
 * whatever `options.skip` says. Anchors can't nest. A `summary` is the
 * button that opens its `details`: a link inside is an interactive
 * control inside another (axe's nested-interactive), which Chromium
 * folds into the summary's accessible name, and a click on it follows
 * the link instead of opening the details. A `label`'s text is where a
 * reader clicks to tick or focus its control: a click on a link there
 * follows the link instead, and the link joins the control's name.
 */
const controls: readonly string[] = ['a', 'summary', 'label'];

const alwaysSkip: readonly string[] = [...controls, ...hidden];

/** Elements whose text is not prose: left out of snippets too. */
const opaque: readonly string[] = [...hidden, 'svg', 'math', 'template'];

/** Phrasing elements: they don't end the text a snippet is taken from. */
const phrasing: readonly string[] =
  'a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q rp rt ruby s samp small span strong sub sup time u var wbr'.split(' ');

/**
 * Inline formatting that doesn't part the words it holds: a term is matched
 * across its tags, as a reader reads it (`**IAM**ロール`, `Kuber<wbr>netes`).
 * Not `sub` and `sup` (`EKS<sup>1</sup>` is EKS and a note mark), nor `s`,
 * `del` and `ins` (an edit, not the text), nor `q` (it shows quotes), nor
 * elements that are skipped or opaque.
 */
const bridging: readonly string[] = 'abbr b bdi bdo cite data dfn em i mark ruby small span strong time u var wbr'.split(' ');

/**
 * A ruby's annotations, its reading (`rt`) and the fallback parentheses
 * around it (`rp`): skipped, but inside a bridged `ruby` they don't part
 * the text either. `<ruby>冗長化<rt>じょうちょうか</rt></ruby>構成` reads as
 * 冗長化構成, as a reader reads it; a link there takes the annotation in
 * with its base. Each is one void item of the segment (see `annotationAt`).
 */
const annotations: readonly string[] = ['rt', 'rp'];

/** The one void element of `bridging`: its start tag is all of it. */
const bridgingVoid = 'wbr';

// What an element name means to the linker, as bits: one lookup per tag.
const PHRASING = 1;
const SKIP = 2;
const OPAQUE = 4;
const BRIDGE = 8;
const SELECT = 16;

// The kinds of the tags recorded in a segment.
const OPEN = 0;
const CLOSE = 1;
const VOID = 2;

function tagTable(skip: readonly string[]): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  const mark = (names: readonly string[], bit: number) => {
    for (const name of names) table.set(name, (table.get(name) ?? 0) | bit);
  };
  mark(phrasing, PHRASING);
  mark(skip, SKIP);
  mark(alwaysSkip, SKIP);
  mark(opaque, OPAQUE);
  mark(['select'], SELECT);
  for (const name of bridging) {
    // A skipped element's tags end the text around it, whatever it is.
    const flags = table.get(name) ?? 0;
    if ((flags & (SKIP | OPAQUE)) === 0) table.set(name, flags | BRIDGE);
  }
  return table;
}

const defaultTags = tagTable(defaultSkip);

/** The snippet of every mention when none are taken. */
const noSnippet: Snippet = Object.freeze({ before: '', match: '', after: '' });

/** Characters of context on each side of a snippet's match. */
const snippetRadius = 40;

/** An `a` element of the input, while it is open. */
interface OpenAnchor {
  /** Its `class` and `data-term` attributes, as they are read. */
  classes: string | undefined;
  key: string | undefined;
  /** Whether it is inside a `select`, where browsers before Chromium's styled selects make no link. */
  inSelect: boolean;
  /** Where its text starts in the block's context. */
  contextIndex: number;
  contextEpoch: number;
}

interface PendingSnippet {
  snippet: Snippet;
  after: string;
}

/** The state of one `linkHtml` call; also the scanner's handler. */
class Linker implements ScanHandler {
  private readonly all: boolean;
  private readonly snippets: boolean;
  private readonly table: ReadonlyMap<string, number>;
  private readonly exclude: ReadonlySet<string> | undefined;

  private skipDepth = 0;
  /** Whether an HTML `select` is open (1), counted outside opaque elements only: a select is opaque, and so are SVG and MathML, whose `select` is theirs. */
  private selectDepth = 0;
  private opaqueDepth = 0;
  /** `a` elements currently open. */
  private readonly anchors: OpenAnchor[] = [];
  /** The anchor whose attributes the scanner is reporting, if any. */
  private anchorTag: OpenAnchor | undefined;
  /** Open `figure` elements, each true when it is a highlighted code block. */
  private readonly figures: boolean[] = [];
  /** Whether the scanner is reporting the attributes of a `figure`. */
  private figureTag = false;
  /** Open `details` and `dialog` elements, each true while it counts as closed (no `open` attribute seen). */
  private readonly folds: boolean[] = [];
  /** How many of `folds` are closed: text inside one is out of sight until the reader opens it. */
  private foldedDepth = 0;
  /** Whether the scanner is reporting the attributes of a `details` or `dialog`. */
  private foldTag = false;
  /**
   * In `first` mode, the first mention of each term seen only inside closed
   * `details` or `dialog` elements, as [rawStart, rawEnd]: linked at the end
   * unless the term is also linked in sight (see `result`).
   */
  private readonly folded = new Map<string, [number, number]>();
  /** Elements open, as the scanner reports them: the depth of the innermost. */
  private depth = 0;
  /**
   * The depth of the outermost open element an attribute hides (see
   * `hidesText`), or 0. Inside it no attribute is read: one is enough.
   */
  private hiddenAt = 0;
  /**
   * The depth of the outermost open element whose `role` makes it a control
   * (see `controlRoles`), or 0: its text is skipped, as a `button`'s is.
   */
  private controlAt = 0;
  /** Open `ruby` elements. */
  private rubyDepth = 0;
  /**
   * The depth of the ruby annotation being read as one void item of the
   * segment (see `annotations`), or 0. Nothing inside it ends the segment.
   */
  private annotationAt = 0;
  /** Keys with a glossary link in the input: already linked in `first` mode. */
  private readonly existing = new Set<string>();

  // The current segment: its decoded text and, per piece, where the piece
  // starts in that text and its raw range. Arrays are reused across segments
  // (`pieces` says how much is live) to spare allocations.
  private segmentText = '';
  private pieces = 0;
  private readonly pieceDecoded: number[] = [];
  private readonly pieceRawStart: number[] = [];
  private readonly pieceRawEnd: number[] = [];
  private readonly pieceEntity: boolean[] = [];
  private segmentContextIndex = 0;
  // The bridging tags of the current segment (`tags` live): where each sits
  // in the decoded text, its name, kind (OPEN, CLOSE, VOID) and raw range.
  private tags = 0;
  private readonly tagDecoded: number[] = [];
  private readonly tagName: string[] = [];
  private readonly tagKind: number[] = [];
  private readonly tagStart: number[] = [];
  private readonly tagEnd: number[] = [];
  /** Whether the segment's last item is a tag rather than a piece of text. */
  private tagLast = false;
  /** The start tag whose end the scanner is yet to report, or -1. */
  private openPending = -1;
  /** Open elements of a match being wrapped (see `wrap`), reused. */
  private readonly wrapStack: string[] = [];
  /** The raw start and end `wrap` found, -1 for the text's own. */
  private wrapStart = -1;
  private wrapEnd = -1;
  /** `wrap` for the matcher: a match no anchor can wrap is not taken. */
  private readonly wrappable = (start: number, end: number): boolean => this.wrap(start, end);
  /** Where the segment being matched starts and ends in the input. */
  private segmentStart = 0;
  private segmentEnd = 0;
  /** For the matcher: what a reader sees after the segment, which a tag ended. */
  private readonly following = (): number => unitAfter(this.html, this.segmentEnd, this.table);
  /** For the matcher: what a reader sees before the segment, which a tag started. */
  private readonly preceding = (): string => textBefore(this.html, this.segmentStart, this.table, 64);

  // Links to insert, as flat [rawStart, rawEnd] pairs and keys.
  private readonly ranges: number[] = [];
  private readonly keys: string[] = [];
  private readonly chosen = new Set<string>();

  // Decoded text of the current block (`contextCount` pieces), for snippets.
  private readonly context: string[] = [];
  private contextCount = 0;
  private contextEpoch = 0;
  private readonly pending: PendingSnippet[] = [];
  private readonly mentions = new Map<string, Mention>();

  constructor(
    private readonly html: string,
    private readonly matcher: Matcher,
    options: PlanOptions,
  ) {
    this.all = options.mode === 'all';
    this.snippets = options.snippets !== false;
    this.table = options.skip ? tagTable(options.skip) : defaultTags;
    this.exclude = options.exclude && options.exclude.size > 0 ? options.exclude : undefined;
  }

  /** Reads the attributes of `a` and `figure`, and those that hide the text of elements whose text would be linked. */
  onopentagname(name: string, start: number): boolean | AttributeNames {
    const flags = this.table.get(name) ?? 0;
    if (flags & BRIDGE && start >= 0 && this.skipDepth === 0 && this.opaqueDepth === 0) {
      this.addTag(name, name === bridgingVoid ? VOID : OPEN, start, -1);
      this.openPending = this.tags - 1;
    } else if (this.rubyDepth > 0 && start >= 0 && this.skipDepth === 0 && this.opaqueDepth === 0 && annotations.includes(name)) {
      // Its end is set when it closes (`onclosetag`), not where its start tag ends.
      this.addTag(name, VOID, start, -1);
      this.annotationAt = this.depth + 1;
    } else {
      this.flush();
    }
    this.depth++;
    if (name === 'ruby') this.rubyDepth++;
    if ((flags & PHRASING) === 0) this.endBlock();
    else if (name === 'br' && this.opaqueDepth === 0) this.addContext(' ');
    if (flags & SKIP) this.skipDepth++;
    if (flags & SELECT && this.opaqueDepth === 0) this.selectDepth++;
    if (flags & OPAQUE) this.opaqueDepth++;
    this.anchorTag = undefined;
    this.figureTag = false;
    this.foldTag = false;
    if (name === 'details' || name === 'dialog') {
      // Closed until its `open` attribute, if any, is read.
      this.folds.push(true);
      this.foldedDepth++;
      this.foldTag = true;
      return foldAttributes;
    }
    if (name === 'figure') {
      this.figures.push(false);
      this.figureTag = true;
      return true;
    }
    if (name === 'a') {
      this.anchorTag = { classes: undefined, key: undefined, inSelect: this.selectDepth > 0, contextIndex: this.contextCount, contextEpoch: this.contextEpoch };
      this.anchors.push(this.anchorTag);
      return true;
    }
    // Inside skipped text an attribute changes nothing: spare reading them
    // (a highlighted code block is a span with a class per token). Else only
    // those that keep an element's text from being linked are read: reading
    // every attribute of prose cost a tenth of the linker's speed.
    return this.skipDepth === 0 && this.opaqueDepth === 0 && skippingAttributes;
  }

  onattribute(name: string, value: string): void {
    if (this.hiddenAt === 0 && hidesText(name, value)) {
      // A bridging element whose text is skipped ends the text before it.
      this.flush();
      this.hiddenAt = this.depth;
      this.skipDepth++;
      this.opaqueDepth++;
    }
    if (name === 'role' && this.controlAt === 0 && isControlRole(value)) {
      this.flush();
      this.controlAt = this.depth;
      this.skipDepth++;
    }
    if (this.foldTag) {
      if (name === 'open' && this.folds[this.folds.length - 1]) {
        this.folds[this.folds.length - 1] = false;
        this.foldedDepth--;
      }
      return;
    }
    if (this.figureTag) {
      // Hexo's highlighted code block: its caption is the code's file name
      // (`VPC.yaml`), code as much as the code is.
      if (name !== 'class') return;
      if (value.split(/\s+/).includes('highlight')) {
        this.figures[this.figures.length - 1] = true;
        this.skipDepth++;
      }
      this.figureTag = false;
      return;
    }
    const anchor = this.anchorTag;
    if (!anchor) return;
    // The first of duplicate attributes wins, as in browsers.
    if (name === 'class') anchor.classes ??= value;
    else if (name === 'data-term') anchor.key ??= value;
  }

  onopentagend(end: number): void {
    if (this.openPending === -1) return;
    this.tagEnd[this.openPending] = end;
    this.openPending = -1;
  }

  onclosetag(name: string, start: number, end: number): void {
    const flags = this.table.get(name) ?? 0;
    if (this.annotationAt !== 0 && this.annotationAt === this.depth) {
      // The annotation ends, and the text goes on after it. Nothing was
      // added to the segment inside it: it is still the last item. Ended
      // without an end tag (-1), it runs to the segment's next item, a tag
      // (the next annotation, `</ruby>`): `addTag` looks for no gap then.
      this.annotationAt = 0;
      this.tagEnd[this.tags - 1] = end;
    } else if (flags & BRIDGE && this.skipDepth === 0 && this.opaqueDepth === 0) {
      // A void element's start tag was all of it; an implied end is a boundary.
      if (start >= 0) this.addTag(name, CLOSE, start, end);
      else if (name !== bridgingVoid) this.flush();
    } else {
      this.flush();
    }
    if (this.hiddenAt === this.depth) {
      this.hiddenAt = 0;
      this.skipDepth--;
      this.opaqueDepth--;
    }
    if (this.controlAt === this.depth) {
      this.controlAt = 0;
      this.skipDepth--;
    }
    this.depth--;
    if (name === 'ruby') this.rubyDepth--;
    if (name === 'a') {
      const anchor = this.anchors.pop();
      if (anchor) this.closeAnchor(anchor);
      this.anchorTag = undefined;
    } else if (name === 'figure' && this.figures.pop()) {
      this.skipDepth--;
    } else if ((name === 'details' || name === 'dialog') && this.folds.pop()) {
      this.foldedDepth--;
    }
    if (flags & SKIP) this.skipDepth--;
    if (flags & OPAQUE) this.opaqueDepth--;
    if (flags & SELECT && this.opaqueDepth === 0) this.selectDepth--;
    if ((flags & PHRASING) === 0) this.endBlock();
  }

  onother(): void {
    this.flush();
  }

  onend(): void {
    this.flush();
    this.endBlock();
  }

  ontext(data: string, rawStart: number, rawEnd: number, entity: boolean): void {
    if (this.opaqueDepth > 0) return;
    if (this.skipDepth > 0) {
      this.addContext(data);
      return;
    }

    let count = this.pieces;
    let continued = false;
    if (this.tagLast) {
      // After a bridging tag: a new piece, unless something the scanner
      // doesn't report (a stray end tag) came in between.
      this.tagLast = false;
      if (this.tagEnd[this.tags - 1] !== rawStart) this.flush();
      count = this.pieces;
    } else if (count > 0) {
      const lastEnd = this.pieceRawEnd[count - 1]!;
      continued = entity ? lastEnd === rawEnd : lastEnd === rawStart;
      if (!continued && lastEnd !== rawStart) {
        // Something that is not text came in between.
        this.flush();
        count = 0;
      }
    }
    this.addContext(data);
    if (count === 0) this.segmentContextIndex = this.contextCount - 1;
    if (continued && this.pieceEntity[count - 1] === entity) {
      // More of the same piece: plain text right after plain text, or the
      // second code point of an entity that decodes to two.
      if (!entity) this.pieceRawEnd[count - 1] = rawEnd;
    } else {
      this.pieceDecoded[count] = this.segmentText.length;
      this.pieceRawStart[count] = rawStart;
      this.pieceRawEnd[count] = rawEnd;
      this.pieceEntity[count] = entity;
      this.pieces = count + 1;
    }
    this.segmentText += data;
  }

  result(): PlanResult {
    this.finishSnippets();
    const { ranges, keys } = this.all ? { ranges: this.ranges, keys: this.keys } : this.withFolded();
    if (this.all || this.existing.size === 0) return { plan: { ranges, keys }, mentions: this.mentions };
    // In `first` mode a glossary link anywhere in the input is the first one.
    const plan: LinkPlan = { ranges: [], keys: [] };
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (this.existing.has(key)) continue;
      plan.ranges.push(ranges[2 * index]!, ranges[2 * index + 1]!);
      plan.keys.push(key);
    }
    return { plan, mentions: this.mentions };
  }

  /**
   * The links chosen in sight, and for each term mentioned only inside
   * closed `details` or `dialog` elements its first mention there, in the
   * order of the input. In `first` mode the one link of a term should be
   * where the reader sees it: a study note's quiz answers sit in closed
   * `details`, and a term first named in an answer was otherwise linked
   * only there, out of sight, and nowhere in the text around it.
   */
  private withFolded(): LinkPlan {
    const { ranges, keys } = this;
    const folded = [...this.folded].filter(([key]) => !this.chosen.has(key));
    if (folded.length === 0) return { ranges, keys };
    // Both lists are in input order: merge them.
    const plan: LinkPlan = { ranges: [], keys: [] };
    let index = 0;
    for (const [key, [start, end]] of folded) {
      while (index < keys.length && ranges[2 * index]! < start) {
        plan.ranges.push(ranges[2 * index]!, ranges[2 * index + 1]!);
        plan.keys.push(keys[index]!);
        index++;
      }
      plan.ranges.push(start, end);
      plan.keys.push(key);
    }
    for (; index < keys.length; index++) {
      plan.ranges.push(ranges[2 * index]!, ranges[2 * index + 1]!);
      plan.keys.push(keys[index]!);
    }
    return plan;
  }

  /**
   * Records a bridging tag of the segment; a gap before it (a stray end tag,
   * which the scanner doesn't report) ends the segment first.
   */
  private addTag(name: string, kind: number, start: number, end: number): void {
    const cursor = this.tagLast ? this.tagEnd[this.tags - 1]! : this.pieces > 0 ? this.pieceRawEnd[this.pieces - 1]! : -1;
    if (cursor !== -1 && cursor !== start) this.flush();
    // After `flush`, which empties the segment's tags.
    const index = this.tags;
    this.tagDecoded[index] = this.segmentText.length;
    this.tagName[index] = name;
    this.tagKind[index] = kind;
    this.tagStart[index] = start;
    this.tagEnd[index] = end;
    this.tags = index + 1;
    this.tagLast = true;
  }

  /** Matches the current segment and records its links and mentions. */
  private flush(): void {
    // Inside a ruby annotation nothing ends the text around it.
    if (this.annotationAt !== 0) return;
    const pieces = this.pieces;
    const tags = this.tags;
    this.tagLast = false;
    this.openPending = -1;
    if (pieces === 0) {
      this.tags = 0;
      return;
    }
    const text = this.segmentText;
    this.pieces = 0;
    this.segmentText = '';
    this.segmentStart = tags > 0 ? Math.min(this.tagStart[0]!, this.pieceRawStart[0]!) : this.pieceRawStart[0]!;
    this.segmentEnd = this.pieceRawEnd[pieces - 1]!;
    // With tags in the text, a match's anchor may have to take some in
    // (`wrap` reads them: they are dropped once the matches are placed).
    const matches = this.matcher.find(text, tags > 0 ? this.wrappable : undefined, this.following, this.preceding);
    let piece = 0;
    for (const match of matches) {
      const key = match.key;
      if (this.exclude?.has(key)) continue;
      while (piece + 1 < pieces && this.pieceDecoded[piece + 1]! <= match.start) piece++;
      let start = this.rawOffset(piece, pieces, match.start, text.length);
      let last = piece;
      while (last + 1 < pieces && this.pieceDecoded[last + 1]! < match.end) last++;
      let end = this.rawOffset(last, pieces, match.end, text.length);
      // Inside an entity: can't be wrapped without breaking it.
      if (start < 0 || end < 0) continue;
      // The matcher took only matches that `wrap` accepts.
      if (tags > 0 && this.wrap(match.start, match.end)) {
        if (this.wrapStart >= 0) start = this.wrapStart;
        if (this.wrapEnd >= 0) end = this.wrapEnd;
      }
      this.mention(key, text, match);
      if (!this.all) {
        if (this.chosen.has(key)) continue;
        if (this.foldedDepth > 0) {
          // Out of sight: a mention in view, later on, is the one to link.
          if (!this.folded.has(key)) this.folded.set(key, [start, end]);
          continue;
        }
        this.chosen.add(key);
      }
      this.ranges.push(start, end);
      this.keys.push(key);
    }
    this.tags = 0;
  }

  /**
   * Whether an anchor can wrap the decoded `start`–`end` of the segment and
   * the tags inside it in full; if so, the raw start and end it takes are
   * left in `wrapStart` and `wrapEnd` (-1: the text's own). An end tag
   * inside whose start tag is before takes in that start tag, which must
   * then sit right before the text; a start tag inside likewise takes in
   * its end tag, right after the text.
   */
  private wrap(start: number, end: number): boolean {
    const { tagDecoded, tagKind, tagName } = this;
    const tags = this.tags;
    // The first tag after `start` (binary search: a paragraph may hold many).
    let low = 0;
    let high = tags;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tagDecoded[middle]! <= start) low = middle + 1;
      else high = middle;
    }
    const stack = this.wrapStack;
    stack.length = 0;
    let left = low - 1;
    let tag = low;
    for (; tag < tags && tagDecoded[tag]! < end; tag++) {
      const kind = tagKind[tag]!;
      if (kind === OPEN) {
        stack.push(tagName[tag]!);
      } else if (kind === CLOSE) {
        if (stack.length > 0) {
          if (stack.pop() !== tagName[tag]) return false;
        } else {
          // It closes an element opened before the text: that start tag must
          // be the next one back, but for a `<wbr>` beside the text (`<em><wbr>IA</em>M`).
          while (left >= 0 && tagKind[left] === VOID && tagDecoded[left] === start) left--;
          if (left < 0 || tagDecoded[left] !== start || tagKind[left] !== OPEN || tagName[left] !== tagName[tag]) return false;
          left--;
        }
      }
    }
    this.wrapStart = left < low - 1 ? this.tagStart[left + 1]! : -1;
    if (stack.length === 0) {
      this.wrapEnd = -1;
      return true;
    }
    for (let open = stack.length - 1; open >= 0; open--, tag++) {
      // A `<wbr>` after the text goes in with the elements it is in (`IA<em>M<wbr></em>`).
      while (tag < tags && tagDecoded[tag] === end && tagKind[tag] === VOID) tag++;
      if (tag >= tags || tagDecoded[tag] !== end || tagKind[tag] !== CLOSE || tagName[tag] !== stack[open]) return false;
    }
    this.wrapEnd = this.tagEnd[tag - 1]!;
    return true;
  }

  /** Raw offset of the decoded `offset` at either edge of `piece`, or -1 inside an entity. */
  private rawOffset(piece: number, pieces: number, offset: number, length: number): number {
    const decodedStart = this.pieceDecoded[piece]!;
    if (!this.pieceEntity[piece]) return this.pieceRawStart[piece]! + offset - decodedStart;
    if (offset === decodedStart) return this.pieceRawStart[piece]!;
    const decodedEnd = piece + 1 < pieces ? this.pieceDecoded[piece + 1]! : length;
    return offset === decodedEnd ? this.pieceRawEnd[piece]! : -1;
  }

  /** A glossary link already in the input: a mention, and a link in `first` mode. */
  private closeAnchor(anchor: OpenAnchor): void {
    const { key, classes } = anchor;
    if (key === undefined || classes === undefined || anchor.inSelect || !classes.split(/\s+/).includes('glossary-link')) return;
    this.existing.add(key);
    const known = this.mentions.get(key);
    if (known) {
      known.count++;
      return;
    }
    if (!this.snippets) {
      this.mentions.set(key, { count: 1, snippet: noSnippet });
      return;
    }
    const sameBlock = anchor.contextEpoch === this.contextEpoch;
    const match = (sameBlock && this.context.slice(anchor.contextIndex, this.contextCount).join('')) || key;
    const before = sameBlock ? this.tail(anchor.contextIndex) : '';
    this.addMention(key, before, match, '');
  }

  private mention(key: string, text: string, match: TermMatch): void {
    const known = this.mentions.get(key);
    if (known) {
      known.count++;
      return;
    }
    if (!this.snippets) {
      this.mentions.set(key, { count: 1, snippet: noSnippet });
      return;
    }
    const before = this.tail(this.segmentContextIndex) + text.slice(0, match.start);
    this.addMention(key, before, text.slice(match.start, match.end), text.slice(match.end));
  }

  private addMention(key: string, before: string, match: string, after: string): void {
    const snippet: Snippet = { before: clip(before, 'end'), match: collapse(match).trim(), after };
    this.mentions.set(key, { count: 1, snippet });
    const pending = { snippet, after };
    if (after.length >= 3 * snippetRadius) this.finishSnippet(pending);
    else this.pending.push(pending);
  }

  /** At least `3 * snippetRadius` characters (if there are) of the block's text before `contextIndex`. */
  private tail(contextIndex: number): string {
    let text = '';
    for (let index = contextIndex - 1; index >= 0 && text.length < 3 * snippetRadius; index--) {
      text = this.context[index]! + text;
    }
    return text;
  }

  private addContext(text: string): void {
    // The block's text is kept for snippets only.
    if (!this.snippets) return;
    this.context[this.contextCount++] = text;
    if (this.pending.length === 0) return;
    let kept = 0;
    for (const pending of this.pending) {
      pending.after += text;
      if (pending.after.length >= 3 * snippetRadius) this.finishSnippet(pending);
      else this.pending[kept++] = pending;
    }
    this.pending.length = kept;
  }

  private endBlock(): void {
    this.finishSnippets();
    this.contextCount = 0;
    this.contextEpoch++;
  }

  private finishSnippets(): void {
    if (this.pending.length === 0) return;
    for (const pending of this.pending) this.finishSnippet(pending);
    this.pending.length = 0;
  }

  private finishSnippet(pending: PendingSnippet): void {
    pending.snippet.after = clip(pending.after, 'start');
  }
}

/**
 * Collapses whitespace and keeps about `snippetRadius` characters at the
 * `keep` side of `text`. A cut is marked with `…`, and moved back to a space
 * when it would fall inside an ASCII word within the last few characters
 * (`The word xylophonequ` reads as a typo); Japanese is cut anywhere.
 */
function clip(text: string, keep: 'start' | 'end'): string {
  const collapsed = collapse(text);
  if (collapsed.length <= snippetRadius) return keep === 'start' ? collapsed.trimEnd() : collapsed.trimStart();
  if (keep === 'start') {
    let cut = snippetRadius;
    if (isAsciiAlnum(collapsed.charCodeAt(cut - 1)) && isAsciiAlnum(collapsed.charCodeAt(cut))) {
      const space = collapsed.lastIndexOf(' ', cut);
      if (space >= snippetRadius - wordSlack) cut = space;
    }
    if (isHighSurrogate(collapsed.charCodeAt(cut - 1))) cut--;
    return `${collapsed.slice(0, cut).trimEnd()}…`;
  }
  let cut = collapsed.length - snippetRadius;
  if (isAsciiAlnum(collapsed.charCodeAt(cut - 1)) && isAsciiAlnum(collapsed.charCodeAt(cut))) {
    const space = collapsed.indexOf(' ', cut);
    if (space !== -1 && space <= cut + wordSlack) cut = space + 1;
  }
  if (isLowSurrogate(collapsed.charCodeAt(cut))) cut++;
  return `…${collapsed.slice(cut).trimStart()}`;
}

/** Attributes that keep an element's text from being linked: `hidesText`, and `role` (`isControlRole`). */
const skippingAttributes = new AttributeNames(['hidden', 'inert', 'aria-hidden', 'role']);
/** For `details` and `dialog`: those, and whether they show their content. */
const foldAttributes = new AttributeNames(['hidden', 'inert', 'aria-hidden', 'role', 'open']);

/**
 * ARIA roles of controls: an element with one (`<span role="button">`) is
 * a button to the browser and to screen readers, so a link inside it is a
 * control inside a control, as in a real `button` (axe's nested-interactive):
 * its text is skipped like a `button`'s. Composite widgets that hold other
 * controls (`grid`, `tablist`, `menu`, `listbox`…) are not in the list:
 * their items are (`tab`, `menuitem`, `option`…).
 */
const controlRoles: ReadonlySet<string> = new Set([
  'button', 'checkbox', 'combobox', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option',
  'radio', 'scrollbar', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'textbox', 'treeitem',
]);

/**
 * The other roles of WAI-ARIA 1.2 (with `image`, which ARIA 1.3 adds), so
 * that a `role` list is read as a browser reads it: the first role it
 * knows wins (`role="fancy button"` is a button, `role="note button"` a note).
 */
const otherRoles: ReadonlySet<string> = new Set(
  ('alert alertdialog application article banner blockquote caption cell code columnheader complementary contentinfo ' +
    'definition deletion dialog directory document emphasis feed figure form generic grid gridcell group heading image img ' +
    'insertion list listbox listitem log main mark marquee math menu menubar meter navigation none note paragraph presentation ' +
    'progressbar radiogroup region row rowgroup rowheader search separator status strong subscript superscript table tablist ' +
    'tabpanel term time timer toolbar tooltip tree treegrid').split(' '),
);

/**
 * The first character a reader sees at or after `from` in `html`, across the
 * tags of inline elements (a link, `code`, `em`: the text goes on past
 * them) and past a ruby's reading, as a UTF-16 unit; `NaN` at the edge of a
 * block, a line break, an image, a comment or the end. Read from the markup
 * as written, and asked only by the rule that a katakana word goes on
 * (match-terms.ts): a term the linker left unlinked inside
 * `ポッドキャスト` stays so once the link after it is in (`ポッド<a…>キャスト</a>`).
 * A ruby's reading is read past as the linker reads a ruby's text, base
 * after base (`<ruby>ノード<rt>よみ</rt></ruby>キャスト` goes on in katakana):
 * stopped there, `ノード` was linked once a link followed the ruby, and not
 * before.
 */
function unitAfter(html: string, from: number, table: ReadonlyMap<string, number>): number {
  let at = from;
  while (at < html.length) {
    const unit = html.charCodeAt(at);
    if (unit === 38) return decodeHTML(html.slice(at, at + 32)).charCodeAt(0);
    if (unit !== 60) return unit;
    const tag = /^<(\/?)([a-z][^\s/>]*)/i.exec(html.slice(at, at + 64));
    const name = tag?.[2]?.toLowerCase();
    if (name === undefined) return unit; // `<` and no tag: text
    if (((table.get(name) ?? 0) & PHRASING) === 0 || lineEdges.has(name)) return NaN;
    at = tagEnd(html, at + 1 + name.length);
    if (tag?.[1] === '' && annotations.includes(name)) at = annotationEnd(html, at);
  }
  return NaN;
}

/**
 * The text a reader sees just before `to` in `html`, in reading order, up
 * to `limit` units: read back across the tags of inline elements as
 * `unitAfter` reads forward, past a ruby's reading to its base, with
 * entities decoded. It stops at a block's edge, a line break, a comment,
 * and a `>` that ends no tag it can see whole (in text, or in a quoted
 * attribute value), which it takes for an edge: each step looks a bounded
 * way back, so a long note costs no more per segment.
 */
function textBefore(html: string, to: number, table: ReadonlyMap<string, number>, limit: number): string {
  let text = '';
  let at = to;
  while (at > 0 && text.length < limit) {
    const unit = html.charCodeAt(at - 1);
    if (unit === 62) {
      const open = html.lastIndexOf('<', at - 1);
      if (open < 0 || at - open > maxTagLength || html.indexOf('>', open) !== at - 1) break;
      const tag = /^<(\/?)([a-z][^\s/>]*)/i.exec(html.slice(open, open + 64));
      const name = tag?.[2]?.toLowerCase();
      if (name === undefined || ((table.get(name) ?? 0) & PHRASING) === 0 || lineEdges.has(name)) break;
      at = tag![1] === '/' && annotations.includes(name) ? annotationStart(html, open) : open;
      continue;
    }
    if (unit === 59) {
      // `;` may end an entity: the character it stands for is what shows.
      // Looked for within the longest entity's reach, not through the note.
      const from = Math.max(0, at - 32);
      const found = html.slice(from, at).lastIndexOf('&');
      const amp = found < 0 ? -1 : from + found;
      if (amp >= 0) {
        const decoded = decodeHTML(html.slice(amp, at));
        if (decoded.length < at - amp) {
          text = decoded + text;
          at = amp;
          continue;
        }
      }
    }
    text = String.fromCharCode(unit) + text;
    at--;
  }
  return text;
}

/** The longest tag `textBefore` reads back across. */
const maxTagLength = 1024;

/** Where the ruby annotation (`rt`, `rp`) whose end tag starts at `end` starts: its start tag; `end` itself when none is near. */
function annotationStart(html: string, end: number): number {
  const from = Math.max(0, end - maxTagLength);
  const before = html.slice(from, end).toLowerCase();
  const start = Math.max(before.lastIndexOf('<rt'), before.lastIndexOf('<rp'));
  return start < 0 ? end : from + start;
}

/** Inline elements a reader's eye doesn't read across. */
const lineEdges: ReadonlySet<string> = new Set(['br', 'img']);

/** Where the text of a ruby annotation whose start tag ends at `at` ends: its end tag's end, or the next annotation or `</ruby>`, which end it unwritten. */
function annotationEnd(html: string, at: number): number {
  const next = /<(\/?)(?:rt|rp|ruby)(?=[\s/>])/gi;
  next.lastIndex = at;
  const found = next.exec(html);
  if (!found) return html.length;
  const closesOwn = found[1] === '/' && !/^<\/ruby/i.test(found[0]);
  return closesOwn ? tagEnd(html, found.index + found[0].length) : found.index;
}

/** Just past the `>` that ends the tag whose attributes start at `at`; quoted values may hold a `>`. */
function tagEnd(html: string, at: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let index = at; index < html.length; index++) {
    const unit = html.charCodeAt(index);
    if (quote !== 0) {
      if (unit === quote) quote = 0;
    } else if (unit === 62) {
      return index + 1;
    } else if (afterEquals && (unit === 34 || unit === 39)) {
      quote = unit;
    }
    if (unit === 61) afterEquals = true;
    else if (unit !== 32 && unit !== 9 && unit !== 10 && unit !== 12 && unit !== 13) afterEquals = false;
  }
  return html.length;
}

/** Whether a `role` value makes its element a control: its first role a browser knows is one of `controlRoles`. */
function isControlRole(value: string): boolean {
  for (const token of value.trim().toLowerCase().split(/[ \t\n\f\r]+/)) {
    if (controlRoles.has(token)) return true;
    // DPUB (`doc-…`) and graphics roles are known too, and none is a control.
    if (otherRoles.has(token) || token.startsWith('doc-') || token.startsWith('graphics-')) return false;
  }
  return false;
}

/**
 * Whether an attribute hides its element's text from readers, or its
 * links from use: `hidden` (not drawn), `aria-hidden="true"` (drawn, but a
 * link there is focusable and unnamed to screen readers, which axe reports
 * as aria-hidden-focus) and `inert` (drawn, but nothing in it can be
 * clicked or focused).
 */
function hidesText(name: string, value: string): boolean {
  if (name === 'hidden' || name === 'inert') return true;
  return name === 'aria-hidden' && value.trim().toLowerCase() === 'true';
}

/** How far a cut moves to stay out of an ASCII word; a longer word is cut. */
const wordSlack = 15;

function collapse(text: string): string {
  // Most snippet text has single spaces only: testing is cheaper than replacing.
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}
