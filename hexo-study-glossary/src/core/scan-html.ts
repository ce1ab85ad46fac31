/**
 * Reports the elements, text and attributes of an HTML fragment, with the
 * raw range of every text piece, as htmlparser2's `Parser` would see them.
 *
 * htmlparser2's `Tokenizer` does the tokenizing; this module keeps only the
 * element stack, with the same rules as htmlparser2 10's `Parser` in HTML
 * mode (void elements, the end tags an opening tag implies, self-closing
 * tags in SVG and MathML only, `</p>` and `</br>` without a start tag).
 * The `Parser` itself builds a name and a value string for every attribute
 * of every tag and keeps state the linker never reads; it took a fifth of
 * the linker's time. Here attributes are read only when the handler asks
 * for them, which made the linker about 8% faster. A property test checks
 * that both report the same events, but for two fixes: after a self-closed
 * `<svg/>` or `<math/>` the Parser stays in foreign content, where any
 * `<tag/>` closes itself; here HTML rules apply again, as in a browser. And
 * an end tag left open at the end of the input is dropped with what follows
 * it, where the Parser reports its last character as text.
 *
 * With `browser: true`, the stack follows a browser's tree building where
 * the Parser's doesn't, so that no text a browser puts inside an element is
 * reported outside it (see `ScanOptions`).
 *
 * Entities are decoded here too, with the decoder htmlparser2 uses (from
 * `entities`, in the same modes, seeing the same input after each `&`): a
 * tokenizer that decodes them reads text a character at a time, looking for
 * `&`, where one that doesn't skips to the next `<` with `indexOf`. That
 * took two fifths off the tokenizer's time and about 8% off planning a
 * note's links; the few runs of text with an `&` are decoded on their own.
 */
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * Some attribute names, lower-case, for `ScanHandler.onopentagname`: only
 * those are reported. An attribute whose name has none of their lengths is
 * passed over unread, which is what most attributes of prose are.
 */
export class AttributeNames {
  readonly names: ReadonlySet<string>;
  readonly lengths: ReadonlySet<number>;

  constructor(names: readonly string[]) {
    this.names = new Set(names);
    this.lengths = new Set(names.map((name) => name.length));
  }
}

export interface ScanHandler {
  /**
   * An element opens; `name` is lower-case, `start` the index of its `<`
   * (-1 when no start tag is written: `</p>` alone opens and closes a `p`).
   * Returns which of its attributes to report: all (`true`), none
   * (`false`), or those named.
   */
  onopentagname(name: string, start: number): boolean | AttributeNames;
  /** An attribute of the element that just opened: name lower-case, value decoded. */
  onattribute(name: string, value: string): void;
  /** The start tag of the element that just opened ends just before `end` (-1 when none is written). */
  onopentagend(end: number): void;
  /**
   * An element closes, explicitly, implicitly or at the end of the input.
   * `start`–`end` is the raw range of the end tag that closes it, or -1 and
   * -1 when it closes implicitly (a void element, an end tag or start tag
   * that implies it, a self-closed element in SVG, the end of the input).
   */
  onclosetag(name: string, start: number, end: number): void;
  /**
   * A piece of text: `data` decoded, `rawStart`–`rawEnd` its range in the
   * input. A decoded entity is its own piece (`entity` true); an entity that
   * decodes to two code points comes as two pieces with the same range.
   */
  ontext(data: string, rawStart: number, rawEnd: number, entity: boolean): void;
  /** A comment, CDATA section, declaration or processing instruction. */
  onother(): void;
  /** The input ended; every element was closed before. */
  onend(): void;
}

export interface ScanOptions {
  /**
   * Build the element stack as a browser does (the HTML standard's "in
   * body" rules) where htmlparser2's Parser doesn't, for markup written by
   * hand; Markdown never writes any of these:
   * - A formatting element (`a`, `code`, `em`…: HTML's list) that an end
   *   tag not its own closed (`<p>Run <code>kubectl</p>`) is reopened, with
   *   its attributes, before the next text or inline start tag: a browser
   *   shows the paragraphs after it as code too, until `</code>` or the end
   *   of the table cell it was opened in. Reopened, it is reported as
   *   opening with no start tag (-1).
   * - An end tag is ignored when its element is beyond a table, a cell or
   *   another scope boundary (`<code><table><tr><td>x</code>`), and an
   *   inline element's (`</span>`) when a block is open inside it. A
   *   formatting element's with a block open inside it (`<a><div>x</a>`),
   *   which a browser answers by moving the block out of it, closes it and
   *   all inside it, then opens the block again (see `adopt`).
   * - A block's start tag closes the paragraph it is in, and a list item's
   *   the item before it, with whatever is open inside them (the Parser
   *   closes them only when they are the innermost element).
   * - A link's start tag closes a link still open.
   * - An HTML start tag such as `<p>` or `<em>` ends SVG or MathML content
   *   (`<svg><em>`); it is reported as written nowhere (-1), since the SVG
   *   ends where it starts. So do `</p>` and `</br>`.
   * - A heading's end tag closes the heading open, whatever its level.
   * - What a browser reads as raw text is: an `<iframe>`'s, a
   *   `<noscript>`'s (scripting on), a `<script/>`'s, all after `<plaintext>`.
   * - Tags a browser ignores where they are (`<head>`, `<td>` outside a
   *   table, `</form>` with more open inside the form) are reported as
   *   `onother`, or close nothing; so do tags inside a `<select>` for what
   *   is outside it.
   *
   * Default: `false`, the Parser's own events.
   */
  browser?: boolean | undefined;
  /**
   * With `browser`: the names of the elements the page puts this HTML in,
   * outermost first (a theme's `<div>`s). An end tag of one of them that
   * matches nothing open in the HTML (a stray `</div>`) closes everything
   * open, as a browser closes the page's innermost element of that name,
   * and all inside it; that one and those inside it are gone for the end
   * tags after.
   *
   * Default: none.
   */
  within?: readonly string[] | undefined;
}

/** Feeds `html` to `handler`, synchronously. */
export function scanHtml(html: string, handler: ScanHandler, options: ScanOptions = {}): void {
  const scanner = new Scanner(html, handler, options.browser === true, options.within);
  const tokenizer = new SkippingTokenizer({ decodeEntities: false }, scanner);
  scanner.tokenizer = tokenizer as unknown as SpecialCursor;
  tokenizer.write(html);
  // Paused where a browser reads raw text and the tokenizer would read tags.
  while (scanner.readRawText()) tokenizer.resume();
  tokenizer.end();
}

/**
 * What the scanner sets of htmlparser2's tokenizer (private there), while
 * it is paused, to make it read what follows as raw text to an end tag: as
 * it does after `<xmp>` (`startSpecial`, htmlparser2 10.0.0).
 */
interface SpecialCursor {
  isSpecial: boolean;
  currentSequence: Uint8Array;
  sequenceIndex: number;
  state: number;
  pause(): void;
}

/**
 * The tokenizer's state for raw text (`State.InSpecialTag`, not exported),
 * read from one as it reports the text of `<xmp>a`; -1 if it never says,
 * and then the scanner leaves the tokenizer as it is.
 */
const inSpecialTag = ((): number => {
  let state = -1;
  const probe: Tokenizer = new Tokenizer(
    { decodeEntities: false },
    new Proxy({} as TokenizerCallbacks, {
      get: (_, name) => (name === 'ontext' ? () => (state = (probe as unknown as SpecialCursor).state) : () => {}),
    }),
  );
  probe.write('<xmp>a');
  return state;
})();

/** What `fastForwardTo` reads of htmlparser2's tokenizer (private there). */
interface TokenizerCursor {
  buffer: string;
  index: number;
  offset: number;
}

/**
 * htmlparser2's tokenizer, skipping to the next `<` (after text) or quote
 * (in an attribute value) with `indexOf` rather than a character at a time
 * in JavaScript: about a quarter of the tokenizer's time over rendered
 * notes. Same steps as its own `fastForwardTo` (htmlparser2 10.0.0, pinned):
 * `index` lands on the character found, or on the last one of the input
 * when there is none. Should a version rename the method, this one is never
 * called and the tokenizer's own runs; the scanner stays correct either way.
 */
export class SkippingTokenizer extends Tokenizer {}
Object.defineProperty(SkippingTokenizer.prototype, 'fastForwardTo', {
  value: function fastForwardTo(this: TokenizerCursor, code: number): boolean {
    const found = this.buffer.indexOf(String.fromCharCode(code), this.index + 1 - this.offset);
    if (found === -1) {
      this.index = this.buffer.length + this.offset - 1;
      return false;
    }
    this.index = found + this.offset;
    return true;
  },
});

// The tables of htmlparser2 10.0.0's Parser.ts.
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const openImpliesClose = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, formTags] as const),
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((name) => [name, pTag] as const),
]);
/**
 * The same for a browser, where a form control's start tag closes none of
 * the others (`<option><input>`: the input is in the option), `<button>`
 * closes a button, and `<option>` and `<optgroup>` an option.
 */
const browserImpliesClose = new Map(openImpliesClose);
for (const name of ['select', 'input', 'output', 'datalist', 'textarea']) browserImpliesClose.delete(name);
browserImpliesClose.set('button', new Set(['button']));
browserImpliesClose.set('option', new Set(['option']));
browserImpliesClose.set('optgroup', new Set(['option']));
const voidElements = 'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(' ');
/**
 * Elements whose content the tokenizer reads as raw text, up to their end
 * tag; it decodes entities only in a `title`.
 */
const rawTextElements = ['script', 'style', 'textarea', 'xmp'];
/**
 * Elements whose content a browser reads as raw text, with the end tag that
 * ends it: after their start tag, self-closing or not (`<script/>`). The
 * tokenizer does so only for some (`rawTextElements` and `title`), and not
 * after a self-closing one. `noscript` is read as where scripting is on
 * (parse5's default). `plaintext` never ends: `<` then a code no
 * character matches (the tokenizer compares `c | 0x20`).
 */
const rawTextEnds = new Map<string, Uint8Array>([
  ...['script', 'style', 'textarea', 'xmp', 'title', 'iframe', 'noembed', 'noframes', 'noscript'].map(
    (name) => [name, Uint8Array.from(`</${name}`, (c) => c.charCodeAt(0))] as const,
  ),
  ['plaintext', Uint8Array.of(0x3c, 0)],
]);
/** Of those, the ones the tokenizer reads as markup after a start tag that isn't self-closing. */
const browserRawText = ['iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];
const foreignContextElements = ['math', 'svg'];
const htmlIntegrationElements = ['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title'];

// What the tables above say of an element, in one lookup per tag rather
// than one per table.
const IMPLIES = 1;
const VOID = 2;
const FOREIGN = 4;
const INTEGRATION = 8;
const RAW = 16;
// A browser's tree building (`ScanOptions.browser`), from the HTML standard's
// "in body" insertion mode.
const FORMATTING = 32;
const MARKER = 64;
const SCOPE = 128;
const NO_REOPEN = 256;
const SPECIAL = 512;
const OWN_END_RULES = 1024;
const BREAKOUT = 2048;
const CLOSES_P = 4096;
const ITEM = 8192;
const HEADING = 16384;
const BROWSER_RAW = 32768;
const IGNORED = 65536;
const TABLE_PART = 131072;
const SELECT = 262144;
const DROPPED = 524288;
const IMAGE = 1048576;
/**
 * The flags of a start tag a browser ignores: it closes, opens and reopens
 * nothing, and is reported as `onother`, as a comment is (it ends a run of
 * text): a handler sees no element, and no `<a>` a browser never made.
 */
const IGNORED_TAG = VOID | NO_REOPEN | DROPPED;
const elementFlags = new Map<string, number>();
const flag = (names: Iterable<string>, bit: number): void => {
  for (const name of names) elementFlags.set(name, (elementFlags.get(name) ?? 0) | bit);
};
flag(openImpliesClose.keys(), IMPLIES);
flag(voidElements, VOID);
flag(foreignContextElements, FOREIGN);
flag(htmlIntegrationElements, INTEGRATION);
flag(rawTextElements, RAW);
/** HTML's formatting elements: a browser reopens one that an end tag not its own closed. */
flag('a b big code em font i nobr s small strike strong tt u'.split(' '), FORMATTING);
/** Elements that put a marker on the list of formatting elements: none opened outside one is reopened inside it. */
flag('applet caption marquee object td template th'.split(' '), MARKER);
/** Where an end tag stops looking for its element (the standard's default scope); lower-cased SVG names. */
flag('applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title'.split(' '), SCOPE);
/** Start tags before which a browser reopens nothing: the block-level ones, headings, lists, tables, raw text. */
flag(
  ('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p ' +
    'search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext table hr textarea iframe noembed noscript html body ' +
    'frameset base basefont bgsound link meta noframes script style template title head caption col colgroup frame tbody td tfoot th ' +
    'thead tr rb rtc rp rt param source track').split(' '),
  NO_REOPEN,
);
/** The standard's special elements (those that can be open): an end tag of an inline element, or of a formatting element, never closes one. */
flag(
  ('address applet article aside blockquote body button caption center colgroup dd details dir div dl dt fieldset figcaption figure footer form ' +
    'frameset h1 h2 h3 h4 h5 h6 head header hgroup html iframe li listing main marquee menu nav noembed noframes noscript object ol p plaintext ' +
    'pre script search section select style summary table tbody td template textarea tfoot th thead title tr ul xmp ' +
    'mi mo mn ms mtext annotation-xml foreignobject desc').split(' '),
  SPECIAL,
);
/**
 * End tags with rules of their own in the standard; any other (`</span>`,
 * `</label>`, `</option>`…) closes its element only if no special element
 * is open inside it.
 */
flag(
  ('template body html address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header ' +
    'hgroup listing main menu nav ol pre search section summary ul form p li dd dt h1 h2 h3 h4 h5 h6 applet marquee object br ' +
    'table caption colgroup col tbody tfoot thead tr td th select script style textarea title xmp iframe noembed noframes ' +
    'noscript plaintext').split(' '),
  OWN_END_RULES,
);
/** Start tags that end SVG or MathML content where they appear: a browser closes it and reads them as HTML. */
flag(
  ('b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s ' +
    'small span strong strike sub sup table tt u ul var').split(' '),
  BREAKOUT,
);
/** Start tags that close a paragraph open around them, formatting and all, as long as no scope boundary is between (not only the innermost). */
flag(
  ('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p ' +
    'search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext table hr xmp').split(' '),
  CLOSES_P,
);
/** List items: the start tag of one closes the item open before it (`dd` and `dt` each other's). */
flag(['li', 'dd', 'dt'], ITEM);
flag(browserRawText, BROWSER_RAW);
/**
 * In a page's body a browser ignores these start and end tags (a note is
 * there): `<head><code></head>` leaves the code open. `<frameset>` too,
 * once the page has shown text before it.
 */
flag(['html', 'head', 'body', 'frameset'], IGNORED);
/** Start tags a browser ignores outside a table: `<td><code></td>x` leaves the code open. */
flag('caption col colgroup tbody td tfoot th thead tr'.split(' '), TABLE_PART);
flag(['select'], SELECT);
/** `<image>`, which HTML reads as `<img>` (void: `</image>` closes nothing); SVG's is its own. */
flag(['image'], IMAGE);
/** Start tags that end a select they are in (`<select>` only that). */
const endsSelect = new Set(['select', 'input', 'keygen', 'textarea']);
/** Elements inside which a browser reads a table's parts: a table, its parts, and a template. */
const tableAncestors = new Set('table tbody thead tfoot tr td th caption colgroup template'.split(' '));
/** Headings: the start tag of one closes a heading that is the current element, and the end tag of one closes any. */
flag('h1 h2 h3 h4 h5 h6'.split(' '), HEADING);
/** Where text that is only whitespace is put as it is, not into a reopened element (the table's own rows). */
const tableContext = new Set(['table', 'tbody', 'tfoot', 'thead', 'tr']);

/**
 * Names of the elements rendered Markdown is made of, by length and first
 * character. A start tag spelt so is named with the string here rather than
 * a new one sliced and lower-cased: no allocation, and the element tables
 * (here and in the handler) look up a string whose hash is already known.
 * That took about a tenth off planning a note's links (0.87x and 0.90x of
 * the time in alternating rounds). Other spellings (`<P>`) are sliced.
 */
const commonNames = new Map<number, string[]>();
for (const name of 'a b blockquote br code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img input kbd li mark ol p pre rp rt ruby s span strong sub summary sup table tbody td th thead tr u ul wbr'.split(' ')) {
  const key = nameKey(name.length, name.charCodeAt(0));
  commonNames.set(key, [...(commonNames.get(key) ?? []), name]);
}
const noNames: readonly string[] = [];

function nameKey(length: number, first: number): number {
  return length * 0x10000 + first;
}

/**
 * A formatting element closed by an end tag not its own, which a browser
 * keeps on its list of active formatting elements to open again: its name,
 * the raw range of its start tag, and how many markers were open when it
 * closed (it is reopened only at that level).
 */
interface Closed {
  name: string;
  start: number;
  end: number;
  level: number;
}

/** How deep the stack of open elements gets before each name's elements are counted (see `openCounts`). */
const countedDepth = 32;

class Scanner implements TokenizerCallbacks {
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /**
   * Once `stack` has been deep, how many of each name it holds, so that an
   * end tag with nothing to close is known as such without a search:
   * repeated under a deep stack (`<b>ア` 20,000 times, then `</i>ア` as
   * often), each searched it whole, 2.6 s for a note. Kept only past
   * `countedDepth`: counting every element of every note made planning the
   * usual notes 5% slower.
   */
  private openCounts: Map<string, number> | undefined;
  /*
   * With `browser`, a browser's list of active formatting elements is kept
   * in two parts, so that the usual markup costs no allocation: the open
   * formatting elements are those of `stack` (their start tags give the
   * list's order), and `closed` holds the others.
   */
  /** With `browser`, per element of `stack`: its `elementFlags` (without `FORMATTING` in SVG or MathML), and the raw range of its start tag. */
  private readonly stackFlags: number[] = [];
  private readonly tagStarts: number[] = [];
  private readonly tagEnds: number[] = [];
  /**
   * With `browser`, per element of `stack`: the latest start tag of the
   * formatting elements open at or below it, since the last marker (-1:
   * none). `reopenFormatting` looked through the stack for it before every
   * start tag and text that might reopen one: misnested formatting repeated
   * (`<p><b>ア</p>` 40,000 times) deepened the stack, and that took time
   * with the note's square.
   */
  private readonly formattingMax: number[] = [];
  /** With `browser`: indices in `stack` of the open elements that put a marker on the list (`MARKER`). */
  private readonly markers: number[] = [];
  /** With `browser`: formatting elements to reopen, in the order they were opened. */
  private readonly closed: Closed[] = [];
  /** With `browser`: how many `p`, `a` and `select` elements are open (most tags need not look for one). */
  private paragraphs = 0;
  private links = 0;
  private selects = 0;
  /** Whether the start tag being read pushed an element (whose tag end is yet to come). */
  private pushed = false;
  /** Whether self-closing tags close, per foreign or integration element; innermost last. */
  private readonly foreign: boolean[] = [false];
  /**
   * With `browser`: where in `stack` the outermost SVG or MathML element is
   * when an end tag there matched nothing open in the note, -1 otherwise. A
   * browser may close it then, and all in it, with an element of the page
   * around the note that `within` doesn't name (another theme's): until it
   * closes, what a browser reads as raw text in HTML is read so here too.
   */
  private unsure = -1;
  /** With `browser`: the elements of the page around the HTML still open (`ScanOptions.within`), outermost first. */
  private readonly page: string[];
  /** The tokenizer that reports to this scanner: set once, before it runs. */
  tokenizer: SpecialCursor | undefined;
  /** The end tag of the raw text that follows where the tokenizer was paused (`readRawText`). */
  private rawTextEnd: Uint8Array | undefined;
  /** The element whose start tag is being read. */
  private tagname = '';
  /** Its `elementFlags`. */
  private tagFlags = 0;
  private wantsAttributes: boolean | AttributeNames = false;
  /** The attribute being read; `''` when it is not reported. */
  private attribname = '';
  /** The raw range of the value of the attribute being read (-1: none yet). */
  private valueStart = -1;
  private valueEnd = -1;
  /** What the tokenizer reads as text now: HTML, a `title`'s content, or raw text. */
  private textMode: TextMode = TextMode.Html;
  /** The first `&` at or after the last text read, or -1 when none is left: found once for many texts. */
  private nextAmp: number;
  private decoder: EntityDecoder | undefined;
  /** Code points of the entity just decoded (two for a few named ones). */
  private readonly codePoints: number[] = [];

  constructor(
    private readonly html: string,
    private readonly handler: ScanHandler,
    private readonly browser: boolean,
    within: readonly string[] = [],
  ) {
    this.nextAmp = html.indexOf('&');
    this.page = [...within];
  }

  ontext(start: number, endIndex: number): void {
    // An end tag the input ends in (`</x EKS`) comes back as text from -1,
    // the Parser's last character; HTML drops an unfinished tag, text and all.
    if (start < 0) return;
    if (this.textMode === TextMode.Title) return this.titleText(start, endIndex);
    if (this.closed.length > 0 && this.textMode === TextMode.Html && !this.foreign[this.foreign.length - 1] && !this.inTableRows(start, endIndex)) {
      this.reopenFormatting();
    }
    let amp = this.textMode === TextMode.Raw ? -1 : this.ampFrom(start);
    let section = start;
    while (amp !== -1 && amp < endIndex) {
      const length = this.decode(amp, DecodingMode.Legacy);
      if (length > 0) section = this.entity(section, amp, length);
      amp = this.ampFrom(amp + Math.max(length, 1));
    }
    if (section < endIndex) this.handler.ontext(this.html.slice(section, endIndex), section, endIndex, false);
  }

  ontextentity(): void {
    // Never called: the tokenizer leaves entities to `ontext`.
  }

  onopentagname(start: number, endIndex: number): void {
    // The tokenizer reports the name, which follows the `<` at once.
    this.openTag(this.nameAt(start, endIndex), start - 1);
  }

  onattribname(start: number, endIndex: number): void {
    const wants = this.wantsAttributes;
    if (wants === false) return;
    if (wants !== true && !wants.lengths.has(endIndex - start)) return;
    const name = this.html.slice(start, endIndex).toLowerCase();
    if (wants === true || wants.names.has(name)) this.attribname = name;
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attribname === '') return;
    if (this.valueStart < 0) this.valueStart = start;
    this.valueEnd = endIndex;
  }

  onattribentity(): void {
    // Never called: values are decoded in `onattribend`.
  }

  onattribend(): void {
    if (this.attribname !== '') this.handler.onattribute(this.attribname, this.valueStart < 0 ? '' : this.attributeValue(this.valueStart, this.valueEnd));
    this.attribname = '';
    this.valueStart = -1;
    this.valueEnd = -1;
  }

  onopentagend(endIndex: number): void {
    // The tokenizer reads what follows these start tags as raw text (not
    // after `<script/>`, which it takes as closed: `onselfclosingtag`).
    if (this.inSelectRawText()) this.pauseForRawText(true);
    else if (this.tagFlags & RAW) this.textMode = TextMode.Raw;
    else if (this.tagname === 'title') this.textMode = TextMode.Title;
    else if (this.tagFlags & BROWSER_RAW && this.browser) this.pauseForRawText();
    this.endOpenTag(endIndex + 1);
  }

  onselfclosingtag(endIndex: number): void {
    // HTML ignores the slash, except in SVG and MathML.
    if (this.foreign[this.foreign.length - 1]) return this.closeCurrentTag(endIndex + 1, -1, -1);
    if (this.inSelectRawText()) this.pauseForRawText(true);
    else if (this.browser && rawTextEnds.has(this.tagname)) this.pauseForRawText();
    this.endOpenTag(endIndex + 1);
  }

  /**
   * A raw text element's start tag in a select (`<select><iframe>`, but not
   * `<script>`): the HTML standard ignores it there, so the tags after it
   * are read, while Chromium, whose selects can be styled, reads what follows
   * as its raw text. The two disagree on where the select ends
   * (`<select><iframe><select></iframe>…`), so the linker takes the rest
   * as text of neither, as after `<plaintext>`: nothing after it is linked.
   */
  private inSelectRawText(): boolean {
    // `selects` first: this is asked at every start tag, and a select is rare.
    return this.selects > 0 && Boolean(this.browser) && this.tagname !== 'script' && rawTextEnds.has(this.tagname) && !this.foreign[this.foreign.length - 1];
  }

  onclosetag(start: number, endIndex: number): void {
    this.textMode = TextMode.Html;
    const { stack } = this;
    // Most end tags close the innermost element: its name is at hand.
    const innermost = stack[stack.length - 1];
    const name =
      innermost !== undefined && endIndex - start === innermost.length && this.html.startsWith(innermost, start)
        ? innermost
        : this.nameAt(start, endIndex);
    const flags = elementFlags.get(name) ?? 0;
    // The Parser leaves foreign content at any such end tag; a browser, as the element closes (`pop`).
    if (!this.browser && flags & (FOREIGN | INTEGRATION)) this.foreign.pop();
    // Mostly `</name>`; but the tokenizer allows whitespace between `</`
    // and the name, and skips to the first `>` after the name. After raw
    // text it matches `</` as `c | 0x20`: U+001C and U+000F can spell it.
    const { html } = this;
    const before = html.charCodeAt(start - 2);
    const tagStart = before === 0x3c || before === 0x1c ? start - 2 : html.lastIndexOf('<', start - 1);
    const gt = html.charCodeAt(endIndex) === 0x3e ? endIndex : html.indexOf('>', endIndex);
    const tagEnd = gt === -1 ? html.length : gt + 1;
    // The usual end tag closes the innermost element: the same for a browser, unless in SVG or with formatting to reopen.
    if (name === innermost && (!this.browser || (this.closed.length === 0 && !this.foreign[this.foreign.length - 1]))) {
      return this.pop(tagStart, tagEnd);
    }
    if (this.browser && (name === 'p' || name === 'br')) {
      // `</p>` and `</br>` end SVG or MathML content too.
      while (this.foreign[this.foreign.length - 1] && stack.length > 0) this.pop(-1, -1);
    }
    if (flags & VOID) {
      if (name === 'br') {
        this.handler.onopentagname(name, -1);
        this.handler.onopentagend(-1);
        this.handler.onclosetag(name, tagStart, tagEnd);
      }
      return;
    }
    const index = this.browser ? this.browserEndTag(name, flags, tagStart, tagEnd) : this.lastOpen(name);
    if (index >= 0) {
      this.closeTo(index, tagStart, tagEnd);
    } else if (index === -1 && name === 'p') {
      this.openTag(name, -1);
      this.closeCurrentTag(-1, tagStart, tagEnd);
    }
  }

  /**
   * Where in `stack` the end tag `name` (at `tagStart`–`tagEnd`) closes an
   * element as a browser reads it: its index, -1 when it closes none, -2
   * when it was dealt with here (in SVG or MathML, or a formatting element's).
   */
  private browserEndTag(name: string, flags: number, tagStart: number, tagEnd: number): number {
    const { stack } = this;
    // The innermost element of that name, -1 when none is open: the stack doesn't change below but where this returns.
    const index = this.lastOpen(name);
    // In SVG or MathML an end tag closes the element of its name there, if any, and nothing else.
    if (this.foreign[this.foreign.length - 1]) {
      for (let at = stack.length - 1; at >= 0; at--) {
        if (stack[at] === name) {
          this.closeTo(at, tagStart, tagEnd);
          return -2;
        }
        if (this.stackFlags[at]! & FOREIGN) break;
      }
      if (this.unsure === -1 && flags & OWN_END_RULES && (flags & IGNORED) === 0 && index === -1) {
        this.unsure = this.stackFlags.findIndex((own) => own & FOREIGN);
      }
    }
    if (flags & IGNORED) return -2;
    // In a select a browser ignores the end tag of an element opened outside
    // it (`<center><select></center>x`: x is in the select).
    if (this.selects > 0 && name !== 'select' && index < this.lastOpen('select')) return -2;
    // `</div>` with no div open here closes the page's, and all in it,
    // unless a table, a cell or another edge of a scope is open.
    const wrapper = index === -1 ? this.page.lastIndexOf(name) : -1;
    if (wrapper !== -1 && !this.outOfScope(-1, name, SCOPE)) {
      while (stack.length > 0) this.pop(-1, -1);
      this.page.length = wrapper;
      return -2;
    }
    // `</form>` takes the form out of the stack and leaves open what is
    // open inside it (`<form><h2></form>x`: x is in the h2). The scanner
    // keeps a stack, so it leaves the form open instead, until they close.
    if (name === 'form' && stack[stack.length - 1] !== 'form') return -2;
    if (flags & HEADING) return this.headingEnd();
    if (flags & FORMATTING) {
      // The standard's adoption agency, as far as the stack goes: an end
      // tag finds its element among those opened since the last marker;
      // one already closed is forgotten (never reopened), and one opened
      // before the marker or never is left as it is.
      const at = this.lastFormatting(name);
      if (at < -1) this.closed.splice(-2 - at, 1);
      else if (at !== -1 && !this.outOfScope(at, name, SCOPE)) this.adopt(at, tagStart, tagEnd);
      return -2;
    }
    // An inline element's end tag (`</span>`) doesn't close a block open inside it.
    return index !== -1 && this.outOfScope(index, name, flags & OWN_END_RULES ? SCOPE : SCOPE | SPECIAL) ? -1 : index;
  }

  /**
   * `<iframe>`, `<noscript>`, `<script/>`…: a browser reads what follows as
   * text, to their end tag, where the tokenizer would read tags:
   * `<code><iframe></code>` leaves the code open. The tokenizer stops once
   * this start tag is read; `readRawText` sets it to go on so. In SVG or
   * MathML these are elements like any other, unless a browser may have
   * closed that SVG or MathML (`unsure`).
   */
  private pauseForRawText(unending = false): void {
    if ((this.foreign[this.foreign.length - 1] && this.unsure === -1) || inSpecialTag === -1) return;
    this.textMode = this.tagname === 'title' && !unending ? TextMode.Title : TextMode.Raw;
    this.rawTextEnd = rawTextEnds.get(unending ? 'plaintext' : this.tagname);
    this.tokenizer!.pause();
  }

  /** Whether the tokenizer was paused for raw text (`pauseForRawText`): then it is set to read it, to be resumed. */
  readRawText(): boolean {
    const end = this.rawTextEnd;
    if (end === undefined) return false;
    this.rawTextEnd = undefined;
    const tokenizer = this.tokenizer!;
    tokenizer.isSpecial = true;
    tokenizer.currentSequence = end;
    tokenizer.sequenceIndex = 0;
    tokenizer.state = inSpecialTag;
    return true;
  }

  /**
   * Closes the select open around the start tag `name`, which ends it;
   * returns the tag's flags then (`<select>` in a select only ends it). Not
   * past a scope's edge (`<select><object><input>`): there Chromium puts
   * the element in the select.
   */
  private endSelect(name: string, flags: number): number {
    const at = this.lastOpen('select');
    if (this.outOfScope(at, 'select', SCOPE)) return flags;
    this.closeTo(at, -1, -1);
    return name === 'select' ? IGNORED_TAG : flags;
  }

  /** Whether a table, a part of one or a template is open: outside one a browser ignores a table's parts. */
  private inTable(): boolean {
    for (let at = this.stack.length - 1; at >= 0; at--) if (tableAncestors.has(this.stack[at]!)) return true;
    return false;
  }

  /**
   * Where in `stack` a heading's end tag closes: at the innermost heading,
   * whatever its level (`<h2>a</h3>` ends the h2, and `<h2><b><h3>a</h2>`
   * the h3 only); -1 when none is in scope.
   */
  private headingEnd(): number {
    for (let at = this.stack.length - 1; at >= 0; at--) {
      const flags = this.stackFlags[at]!;
      if (flags & HEADING) return at;
      if (flags & SCOPE) break;
    }
    return -1;
  }

  oncomment(): void {
    this.handler.onother();
  }

  oncdata(): void {
    this.handler.onother();
  }

  ondeclaration(): void {
    this.handler.onother();
  }

  onprocessinginstruction(): void {
    this.handler.onother();
  }

  onend(): void {
    const { stack } = this;
    while (stack.length > 0) this.pop(-1, -1);
    this.handler.onend();
  }

  /**
   * A `title`'s content. The tokenizer looks for `</title` in it a
   * character at a time, and an `&` is an entity only where no part of that
   * is matched: `<&amp;` keeps its `&amp;`. This follows its steps (a
   * character matches as `c | 0x20`, so U+001C is a `<` there too).
   */
  private titleText(start: number, end: number): void {
    const { html } = this;
    let section = start;
    let matched = 0;
    for (let index = start; index < end; index++) {
      const c = html.charCodeAt(index);
      // `</title` then neither `>` nor a space: not its end tag after all.
      if (matched === titleEnd.length) matched = 0;
      if ((c | 0x20) === titleEnd.charCodeAt(matched)) matched++;
      else if (matched !== 0) matched = c === 0x3c ? 1 : 0;
      else if (c === 0x26) {
        const length = this.decode(index, DecodingMode.Legacy);
        if (length > 0) {
          section = this.entity(section, index, length);
          index = section - 1;
        }
      }
    }
    if (section < end) this.handler.ontext(html.slice(section, end), section, end, false);
  }

  /** The name spelt at `start`–`end`, lower-case: one of `commonNames` when it is one, as spelt. */
  private nameAt(start: number, end: number): string {
    const { html } = this;
    for (const known of commonNames.get(nameKey(end - start, html.charCodeAt(start))) ?? noNames) {
      if (html.startsWith(known, start)) return known;
    }
    return html.slice(start, end).toLowerCase();
  }

  /** Reports the text from `section` to the entity at `amp`, then the entity just decoded; returns where the entity ends. */
  private entity(section: number, amp: number, length: number): number {
    const { html, handler } = this;
    const end = amp + length;
    if (section < amp) handler.ontext(html.slice(section, amp), section, amp, false);
    // An entity's raw range holds one code point's text, or two.
    for (const codePoint of this.codePoints) handler.ontext(String.fromCodePoint(codePoint), amp, end, true);
    return end;
  }

  /** The first `&` at or after `from`, or -1. */
  private ampFrom(from: number): number {
    if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = this.html.indexOf('&', from);
    return this.nextAmp;
  }

  /**
   * Decodes the entity at `amp`, as htmlparser2's tokenizer does: the code
   * points go to `codePoints`; returns the length of its raw text, or 0
   * when the `&` starts none.
   */
  private decode(amp: number, mode: DecodingMode): number {
    const codePoints = this.codePoints;
    codePoints.length = 0;
    const decoder = (this.decoder ??= new EntityDecoder(htmlDecodeTree, (codePoint) => codePoints.push(codePoint)));
    decoder.startEntity(mode);
    // The decoder stops at the first character no entity has (`<`, a
    // quote, a space), as the tokenizer's does; -1: the input ended first.
    const length = decoder.write(this.html, amp + 1);
    return length >= 0 ? length : decoder.end();
  }

  /** The decoded value of an attribute whose raw value is `start`–`end`. */
  private attributeValue(start: number, end: number): string {
    const { html } = this;
    let value = '';
    let section = start;
    for (let amp = html.indexOf('&', start); amp !== -1 && amp < end; ) {
      const length = this.decode(amp, DecodingMode.Attribute);
      if (length > 0) {
        value += html.slice(section, amp) + String.fromCodePoint(...this.codePoints);
        section = amp + length;
      }
      amp = html.indexOf('&', amp + Math.max(length, 1));
    }
    return value + html.slice(section, end);
  }

  private openTag(tagName: string, start: number): void {
    const { stack } = this;
    let name = tagName;
    let flags = elementFlags.get(name) ?? 0;
    if (flags & IMAGE && this.browser && !this.foreign[this.foreign.length - 1]) flags = elementFlags.get((name = 'img'))!;
    this.tagname = name;
    if (this.selects > 0 && endsSelect.has(name) && !this.foreign[this.foreign.length - 1]) flags = this.endSelect(name, flags);
    this.tagFlags = flags;
    // In a select a browser closes nothing at a start tag (`<p><select><dd>`
    // keeps the paragraph), whether it ignores the tag, as older ones do, or
    // puts its element in the select, as Chromium does since select content
    // can be styled.
    const tagStart = this.browser && this.selects === 0 ? this.closeBeforeStartTag(name, flags, start) : start;
    if (flags & (IGNORED | TABLE_PART) && this.browser && !this.foreign[this.foreign.length - 1] && (flags & IGNORED || !this.inTable())) {
      this.tagFlags = flags = IGNORED_TAG;
    }
    if (flags & IMPLIES) {
      const implied = (this.browser ? browserImpliesClose : openImpliesClose).get(name);
      while (implied && stack.length > 0 && implied.has(stack[stack.length - 1]!)) this.pop(-1, -1);
    }
    // In SVG and MathML, `a` and the rest are not HTML's: none is reopened.
    if (this.browser && (this.links > 0 || this.closed.length > 0) && this.selects === 0 && !this.foreign[this.foreign.length - 1]) {
      this.reopenBeforeStartTag(name, flags);
    }
    if ((flags & VOID) === 0) {
      this.push(name);
      if (flags & FOREIGN) this.foreign.push(true);
      else if (flags & INTEGRATION) this.foreign.push(false);
      if (this.browser) this.track(name, flags, start);
    }
    this.wantsAttributes = flags === IGNORED_TAG ? (this.handler.onother(), false) : this.handler.onopentagname(name, tagStart);
  }

  /**
   * What a browser closes at the start tag `name` before it opens, beyond
   * the Parser (see `ScanOptions`); returns where its start tag is reported
   * to be: `start`, or -1 when it ended SVG or MathML content.
   */
  private closeBeforeStartTag(name: string, flags: number, start: number): number {
    const { stack } = this;
    let tagStart = start;
    if (flags & BREAKOUT) {
      // `<svg><p>`: the SVG ends before the paragraph, but in its start tag:
      // it is reported as written nowhere, so that no link starts before it.
      while (this.foreign[this.foreign.length - 1] && stack.length > 0) {
        this.pop(-1, -1);
        tagStart = -1;
      }
    }
    // In SVG or MathML a block's name (`<details>`, not one of those above) is theirs: it closes nothing.
    if (flags & CLOSES_P && !this.foreign[this.foreign.length - 1]) this.closeBlocks(name, flags);
    // `<h2>a<h3>`: a heading doesn't open in the heading it follows, but only
    // when that is the current element (`<h2><b><h3>` nests).
    if (flags & HEADING && this.stackFlags[this.stackFlags.length - 1]! & HEADING) this.pop(-1, -1);
    return tagStart;
  }

  /** What a browser closes and reopens at the HTML start tag `name` once the elements it implies are closed. */
  private reopenBeforeStartTag(name: string, flags: number): void {
    if (name === 'a' && flags & FORMATTING) {
      // Links don't nest: a new one ends the one still open (unless
      // something special is open in it), or the closed one that would be reopened.
      const at = this.lastFormatting('a');
      if (at < -1) this.closed.splice(-2 - at, 1);
      else if (at !== -1 && !this.outOfScope(at, 'a', SCOPE)) this.adopt(at, -1, -1);
    }
    if (this.closed.length > 0 && (flags & NO_REOPEN) === 0) this.reopenFormatting();
  }

  /**
   * Records what a browser's tree building needs of the element `name` just
   * pushed (its start tag at `start`, whose end is to come: `pushed`).
   */
  private track(name: string, flags: number, start: number): void {
    // Pushed already: in SVG or MathML means inside one, not the element itself.
    const foreign = (flags & FOREIGN) === 0 && this.foreign[this.foreign.length - 1];
    // There an element is HTML's in name only (`<math><td>` is no cell, nor
    // a scope's edge): only the integration points (`<mi>`,
    // `<foreignObject>`) are special, and the edges of a scope.
    const own = !foreign ? flags : flags & INTEGRATION ? flags & ~(FORMATTING | SELECT) : 0;
    if (own & MARKER) this.markers.push(this.stack.length - 1);
    if (name === 'p') this.paragraphs++;
    else if (name === 'a' && !foreign) this.links++;
    else if (own & SELECT) this.selects++;
    this.stackFlags.push(own);
    this.tagStarts.push(start);
    this.tagEnds.push(-1);
    this.pushFormattingMax(own, start, (own & MARKER) !== 0);
    this.pushed = true;
  }

  /** Records `formattingMax` for the element just pushed, with `flags` and its start tag at `start`; a marker starts afresh. */
  private pushFormattingMax(flags: number, start: number, marker: boolean): void {
    const { formattingMax } = this;
    const below = marker || formattingMax.length === 0 ? -1 : formattingMax[formattingMax.length - 1]!;
    formattingMax.push(marker ? -1 : flags & FORMATTING ? Math.max(below, start) : below);
  }

  /** Works `formattingMax` out again from the element at `from` up, once its `FORMATTING` is taken away. */
  private refreshFormattingMax(from: number): void {
    const { formattingMax, stackFlags, tagStarts, markers } = this;
    for (let index = from; index < formattingMax.length; index++) {
      const below = index === 0 ? -1 : formattingMax[index - 1]!;
      formattingMax[index] = markers.includes(index) ? -1 : stackFlags[index]! & FORMATTING ? Math.max(below, tagStarts[index]!) : below;
    }
  }

  /**
   * What a browser closes before a block's start tag `name`, where the
   * Parser closes only the innermost element: the list item it follows
   * (`<li><em>a<li>`), then the paragraph it is in (`<p><em>a<div>`), with
   * any element still open inside them.
   */
  private closeBlocks(name: string, flags: number): void {
    const { stack } = this;
    if (flags & ITEM) {
      for (let index = stack.length - 1; index >= 0; index--) {
        const element = stack[index]!;
        if (name === 'li' ? element === 'li' : element === 'dd' || element === 'dt') {
          this.closeTo(index, -1, -1);
          break;
        }
        if (this.stackFlags[index]! & SPECIAL && element !== 'address' && element !== 'div' && element !== 'p') break;
      }
    }
    if (this.paragraphs === 0) return;
    const p = this.lastOpen('p');
    if (p !== -1 && !this.outOfScope(p, 'p', SCOPE)) this.closeTo(p, -1, -1);
  }

  /**
   * Closes the element open at `index` in `stack`, with the end tag at
   * `start`–`end` (-1: implied), and first all open inside it, implied.
   */
  private closeTo(index: number, start: number, end: number, reopenable: boolean = start < 0): void {
    const { stack } = this;
    while (stack.length > index + 1) this.pop(-1, -1);
    if (stack.length > index) this.pop(start, end, reopenable);
  }

  /** Opens the element `name` (what a browser's tree building needs of it is `track`'s). */
  private push(name: string): void {
    const { stack, openCounts } = this;
    stack.push(name);
    if (openCounts) openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
    else if (stack.length > countedDepth) {
      const counts = new Map<string, number>();
      for (const open of stack) counts.set(open, (counts.get(open) ?? 0) + 1);
      this.openCounts = counts;
    }
  }

  /** How many elements named `name` are open; `Infinity` while the stack has not been deep (not counted). */
  private openCount(name: string): number {
    return this.openCounts ? (this.openCounts.get(name) ?? 0) : Infinity;
  }

  /** Where the innermost open element named `name` is in `stack`; -1 when none is open. */
  private lastOpen(name: string): number {
    return this.openCount(name) === 0 ? -1 : this.stack.lastIndexOf(name);
  }

  /**
   * Closes the innermost open element, with the end tag at `start`–`end`
   * (-1: implied). A formatting element closed otherwise than by its own
   * end tag is reopened later (`reopenable`), as a browser does.
   */
  private pop(start: number, end: number, reopenable: boolean = start < 0): void {
    const name = this.stack.pop()!;
    this.openCounts?.set(name, this.openCounts.get(name)! - 1);
    if (this.browser) this.untrack(name, reopenable);
    this.handler.onclosetag(name, start, end);
  }

  /** Forgets what `track` recorded of the element `name` just popped; one `reopenable` is kept to be reopened if it is formatting. */
  private untrack(name: string, reopenable: boolean): void {
    const flags = this.stackFlags.pop()!;
    const tagStart = this.tagStarts.pop()!;
    const tagEnd = this.tagEnds.pop()!;
    this.formattingMax.pop();
    if (flags & (FOREIGN | INTEGRATION)) this.foreign.pop();
    if (this.stack.length <= this.unsure) this.unsure = -1;
    if (name === 'p') this.paragraphs--;
    else if (name === 'a' && flags & FORMATTING) this.links--;
    else if (flags & SELECT) this.selects--;
    if (flags & MARKER) {
      // A cell (caption, template…) ends with the formatting opened in it.
      this.markers.pop();
      const level = this.markers.length;
      for (let index = this.closed.length - 1; index >= 0; index--) if (this.closed[index]!.level > level) this.closed.splice(index, 1);
    }
    if (flags & FORMATTING && reopenable) this.keepClosed({ name, start: tagStart, end: tagEnd, level: this.markers.length });
  }

  /** Adds `element` to `closed`, in the order of the start tags (elements close innermost first). */
  private keepClosed(element: Closed): void {
    const { closed } = this;
    let index = closed.length;
    while (index > 0 && closed[index - 1]!.start > element.start) index--;
    closed.splice(index, 0, element);
  }

  /**
   * The standard's "Noah's Ark": of the formatting elements since the last
   * marker with the same name and attributes as the one just opened at
   * `at`, only the last three are kept to reopen (the earliest is dropped
   * from the list; if open, it stays open). Without it, a mistake repeated
   * (`<div><b>x</div>` a thousand times) reopened more elements each time:
   * seconds for a note, where a browser keeps three.
   */
  private noahsArk(at: number): void {
    const { stack, stackFlags, tagStarts, tagEnds, closed, html } = this;
    const name = stack[at]!;
    // Attributes compared as written: the start tag past its name.
    const attributes = (start: number, end: number) => html.slice(start + 1 + name.length, end);
    const own = attributes(tagStarts[at]!, tagEnds[at]!);
    let count = 0;
    let earliest = -1;
    let earliestStart = Infinity;
    const floor = this.markerFloor();
    // From the top down: every open of this kind before was held to three,
    // so three found on the stack are all there are, and the search ends
    // there, or once every element of the name is passed. Searching the
    // whole stack each time made unclosed tags (`<b><i><u>ア` repeated)
    // quadratic: 16 s for 40,000 in a note. The earliest is the one whose
    // start tag came first: one reopened above another keeps its own.
    let others = this.openCount(name) - 1;
    for (let index = at - 1; index > floor && count < 3 && others > 0; index--) {
      if (stack[index] !== name) continue;
      others--;
      if (stackFlags[index]! & FORMATTING && attributes(tagStarts[index]!, tagEnds[index]!) === own) {
        count++;
        if (tagStarts[index]! < earliestStart) [earliest, earliestStart] = [index, tagStarts[index]!];
      }
    }
    const level = this.markers.length;
    for (let index = 0; index < closed.length && count < 3; index++) {
      const element = closed[index]!;
      if (element.level === level && element.name === name && attributes(element.start, element.end) === own) {
        count++;
        if (element.start < earliestStart) [earliest, earliestStart] = [-2 - index, element.start];
      }
    }
    if (count < 3) return;
    if (earliest < -1) closed.splice(-2 - earliest, 1);
    else {
      stackFlags[earliest] = stackFlags[earliest]! & ~FORMATTING;
      this.refreshFormattingMax(earliest);
      if (name === 'a') this.links--;
    }
  }

  /** Where the formatting elements open since the last marker begin in `stack`. */
  private markerFloor(): number {
    const { markers } = this;
    return markers.length > 0 ? markers[markers.length - 1]! : -1;
  }

  /**
   * The formatting element named `name` opened last since the last marker:
   * its index in `stack` when it is open, `-2 - i` when it is `closed[i]`,
   * -1 when there is none.
   */
  private lastFormatting(name: string): number {
    const { stack, stackFlags, closed } = this;
    let open = -1;
    // None of that name open: no search of the stack.
    const floor = this.openCount(name) === 0 ? stack.length - 1 : this.markerFloor();
    for (let index = stack.length - 1; index > floor; index--) {
      if (stackFlags[index]! & FORMATTING && stack[index] === name) {
        open = index;
        break;
      }
    }
    const level = this.markers.length;
    for (let index = closed.length - 1; index >= 0; index--) {
      const element = closed[index]!;
      if (element.level !== level || element.name !== name) continue;
      if (open === -1 || element.start > this.tagStarts[open]!) return -2 - index;
      break;
    }
    return open;
  }

  /**
   * The standard's "reconstruct the active formatting elements": the closed
   * ones opened after the last one still open (since the last marker) are
   * opened again, in order, each with the attributes of its start tag.
   */
  private reopenFormatting(): void {
    const { formattingMax, closed } = this;
    const after = formattingMax.length === 0 ? -1 : formattingMax[formattingMax.length - 1]!;
    const level = this.markers.length;
    for (let index = 0; index < closed.length; ) {
      const element = closed[index]!;
      if (element.level !== level || element.start <= after) {
        index++;
        continue;
      }
      closed.splice(index, 1);
      this.reopen(element.name, element.start, element.end);
    }
  }

  /**
   * Opens again an element a browser makes again, reported with no start
   * tag (-1) and the attributes of its own (`start`–`end`).
   */
  private reopen(name: string, start: number, end: number): void {
    this.push(name);
    if (name === 'p') this.paragraphs++;
    else if (name === 'a') this.links++;
    const flags = elementFlags.get(name) ?? 0;
    this.stackFlags.push(flags);
    this.tagStarts.push(start);
    this.tagEnds.push(end);
    // Not put on `markers` (as `track` would a cell): not a marker here either.
    this.pushFormattingMax(flags, start, false);
    const wants = this.handler.onopentagname(name, -1);
    if (wants !== false && start >= 0 && end > start) this.replayAttributes(start, end, wants);
    this.handler.onopentagend(-1);
  }

  /** Reports the attributes of the start tag at `start`–`end` again, those `wants` names. */
  private replayAttributes(start: number, end: number, wants: true | AttributeNames): void {
    const { handler } = this;
    scanHtml(this.html.slice(start, end), {
      onopentagname: () => wants,
      onattribute: (name, value) => handler.onattribute(name, value),
      onopentagend: () => {},
      onclosetag: () => {},
      ontext: () => {},
      onother: () => {},
      onend: () => {},
    });
  }

  /**
   * Closes the formatting element open at `index`, ended by the end tag at
   * `start`–`end` (-1: by another link's start tag), as the standard's
   * adoption agency leaves the elements open: with no block open inside it,
   * it closes with all that is open in it. With blocks open inside it
   * (`<a><div>x</a>`), a browser moves them out of it, each with a copy of
   * the formatting elements between them; what is open inside the
   * innermost block, and the other elements between, close. Here every
   * element above it closes, it closes, and the blocks and formatting
   * elements among them open again, as if reopened: the text that follows
   * is where a browser puts it. (The text already read in the blocks, which
   * a browser moves out of the element, stays where it was read: inside.)
   */
  private adopt(index: number, start: number, end: number): void {
    const { stack, stackFlags } = this;
    let block = stack.length - 1;
    while (block > index && (stackFlags[block]! & SPECIAL) === 0) block--;
    if (block === index) {
      // The usual case, `<code>…</code>`: nothing to open again.
      return this.closeTo(index, start, end, false);
    }
    const kept: [name: string, start: number, end: number][] = [];
    for (let above = index + 1; above <= block; above++) {
      if (stackFlags[above]! & (SPECIAL | FORMATTING)) kept.push([stack[above]!, this.tagStarts[above]!, this.tagEnds[above]!]);
    }
    this.closeTo(block + 1, -1, -1);
    // What is kept closes without being reopened later: it opens again here.
    while (stack.length > index + 1) this.pop(-1, -1, false);
    this.pop(start, end, false);
    for (const [name, tagStart, tagEnd] of kept) this.reopen(name, tagStart, tagEnd);
  }

  /**
   * Whether an element between the open element at `index` and the
   * innermost keeps the end tag `name` from closing it: one of `stops`
   * (`SCOPE`: the boundaries of the scope the end tag looks in; `SPECIAL`
   * too for an end tag with no rules of its own, which a block stops).
   */
  private outOfScope(index: number, name: string, stops: number): boolean {
    const { stack, stackFlags } = this;
    for (let above = index + 1; above < stack.length; above++) {
      const element = stack[above]!;
      if (stackFlags[above]! & stops) return true;
      // `</li>` looks in list item scope, `</p>` in button scope.
      if (name === 'li' ? element === 'ul' || element === 'ol' : name === 'p' && element === 'button') return true;
    }
    return false;
  }

  /** Whether text from `start` to `end` is only whitespace among a table's rows, where a browser reopens nothing for it. */
  private inTableRows(start: number, end: number): boolean {
    if (!tableContext.has(this.stack[this.stack.length - 1] ?? '')) return false;
    for (let index = start; index < end; index++) {
      const c = this.html.charCodeAt(index);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
    }
    return true;
  }

  /** The start tag ends before `end` (-1: none was written). */
  private endOpenTag(end: number): void {
    if (this.pushed) {
      this.pushed = false;
      const at = this.tagEnds.length - 1;
      this.tagEnds[at] = end;
      if (this.stackFlags[at]! & FORMATTING) this.noahsArk(at);
    }
    if (this.tagFlags !== IGNORED_TAG) {
      this.handler.onopentagend(end);
      if (this.tagFlags & VOID) this.handler.onclosetag(this.tagname, -1, -1);
    }
    this.tagname = '';
    this.tagFlags = 0;
    this.wantsAttributes = false;
  }

  /** Closes the element just opened, its start tag ending before `end`, with the end tag at `closeStart`–`closeEnd` (-1: implied). */
  private closeCurrentTag(end: number, closeStart: number, closeEnd: number): void {
    const name = this.tagname;
    const flags = this.tagFlags;
    this.endOpenTag(end);
    const { stack } = this;
    if (stack[stack.length - 1] !== name) return;
    // A self-closed `<svg/>` or `<math/>` ends its foreign content at once:
    // left on `foreign`, it made a later `<code/>` or `<a/>` in HTML close
    // itself, and the text after it was linked. (Integration elements never
    // get here: their own entry says self-closing tags don't close.)
    if (flags & FOREIGN && !this.browser) this.foreign.pop();
    this.pop(closeStart, closeEnd);
  }
}

const enum TextMode {
  Html,
  /** A `title`'s content: entities are decoded, but not within a part of `</title` (`titleText`). */
  Title,
  /** Raw text (`script`, `style`, `textarea`, `xmp`): no entities. */
  Raw,
}

const titleEnd = '</title';
