/**
 * The second pass for a feed the strict XML parser refused: sax (the parser under rss-parser)
 * in its forgiving mode reads the document as a browser would — a bare `&` stays an ampersand,
 * HTML entities like `&eacute;` are known, an end tag that matches nothing is ignored, and
 * elements left open at the end are closed — and this writes what it read back out as
 * well-formed XML, which then goes through the normal strict path. So a recovered feed is read
 * by exactly the same code as a clean one.
 *
 * Forgiving sax changes the case of names; the original spelling is restored from the text,
 * since feed readers look for `pubDate`, not `pubdate`.
 */
import sax from 'sax';

/** Element and attribute names as the document spells them, keyed by their lower-case form. */
function spellings(text: string): { elements: Map<string, string>; attributes: Map<string, string> } {
  const elements = new Map<string, string>();
  const attributes = new Map<string, string>();
  for (const tag of text.matchAll(/<\/?([A-Za-z_][\w.:-]*)([^<>]*)/g)) {
    const name = tag[1]!;
    const key = name.toLowerCase();
    if (!elements.has(key)) elements.set(key, name);
    for (const attr of tag[2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)) {
      const attrKey = attr[1]!.toLowerCase();
      if (!attributes.has(attrKey)) attributes.set(attrKey, attr[1]!);
    }
  }
  return { elements, attributes };
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/**
 * `&` that starts no entity reference becomes `&amp;` (outside CDATA, where `&` is literal).
 * Forgiving sax would keep a bare `&` too, but it swallows the `<` of a following end tag
 * (`?a=1&c</link>`), losing the element.
 */
function escapeBareAmpersands(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][\w.-]*;)/g, '&amp;')))
    .join('');
}

/** Characters XML 1.0 forbids even escaped (most C0 controls); sax passes them through. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Elements that are one feed item: a broken one is dropped whole, the rest of the feed kept. */
const ITEM = new Set(['item', 'entry']);

interface OpenElement {
  readonly name: string;
  readonly key: string;
  /** Where its output starts, so a broken item can be cut out again. */
  readonly at: number;
  readonly selfClosing: boolean;
  /** Closed by something other than its own end tag, or holding an element that was. */
  broken: boolean;
}

/**
 * Well-formed XML holding what a forgiving reader finds in `text`: one root element, every
 * element closed, text escaped. An item (`<item>`, `<entry>`) that was not well formed itself —
 * cut off, or holding an element closed by someone else's end tag — is left out, so only
 * items that are whole are recovered. No DOCTYPE is kept, so nothing declared in one is
 * expanded. Returns null when there is no element at all.
 */
export function recoverXml(input: string): string | null {
  const text = escapeBareAmpersands(input);
  const names = spellings(text);
  const parser = sax.parser(false, { lowercase: true, noscript: true });
  const out: string[] = [];
  const open: OpenElement[] = [];
  let rootClosed = false;

  const close = (explicit: boolean) => {
    const element = open.pop()!;
    const broken = element.broken || !explicit;
    if (broken && ITEM.has(element.key)) {
      out.length = element.at; // drop the whole item
      return;
    }
    out.push(`</${element.name}>`);
    const parent = open[open.length - 1];
    if (parent && broken) parent.broken = true;
    if (open.length === 0) rootClosed = true;
  };

  parser.onopentag = (node) => {
    if (rootClosed) return; // a second root: readers ignore it, XML forbids it
    const name = names.elements.get(node.name) ?? node.name;
    let tag = `<${name}`;
    for (const [attr, value] of Object.entries(node.attributes as Record<string, string>)) {
      tag += ` ${names.attributes.get(attr) ?? attr}="${escapeAttr(value.replace(FORBIDDEN, ''))}"`;
    }
    open.push({ name, key: node.name, at: out.length, selfClosing: node.isSelfClosing, broken: false });
    out.push(`${tag}>`);
  };
  parser.onclosetag = (name) => {
    const top = open[open.length - 1];
    if (!top || rootClosed) return;
    // An end tag closing several elements at once ("<a><b></a>") closes the inner ones implicitly;
    // only the element the written end tag names was closed properly.
    const written = text.slice(Math.max(0, parser.position - 256), parser.position).match(/<\/\s*([^\s<>]*)\s*>$/);
    close(top.selfClosing || written?.[1]?.toLowerCase() === name);
  };
  const onText = (t: string) => {
    if (open.length > 0) out.push(escapeText(t.replace(FORBIDDEN, '')));
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  // Forgiving mode still stops at a few things (a tag cut off at the end); carry on past them.
  parser.onerror = () => {
    parser.error = null as unknown as Error;
    parser.resume();
  };
  parser.write(text).close();
  while (open.length > 0) close(false);
  return out.length > 0 ? out.join('') : null;
}

/** What a strict parser's complaint means, in words an admin can act on. */
const PROBLEMS: readonly (readonly [RegExp, string])[] = [
  [
    /Invalid character entity|Invalid character in entity name/i,
    'an "&" that is not written as &amp;, or an entity XML does not define',
  ],
  [/Unexpected close tag|Unmatched closing tag/i, 'an end tag that does not match the element it should close'],
  [/Unclosed root tag|Unexpected end/i, 'the document ends before its elements are closed (cut short?)'],
  [/Text data outside of root node/i, 'text after the end of the document'],
  [/Unencoded </i, 'a "<" that is not written as &lt;'],
  [
    /Attribute without value|Unquoted attribute value|No whitespace between attributes/i,
    'an attribute written the HTML way (no quotes or no value)',
  ],
  [
    /Invalid character in tag name|Invalid tagname|Invalid attribute name/i,
    'a tag or attribute name XML does not allow',
  ],
];

/** "line 7: an end tag that does not match ..." from a sax error message ("Unexpected close tag\nLine: 6\n..."). */
export function describeXmlError(message: string): string {
  const line = message.match(/Line:\s*(\d+)/)?.[1];
  const what = PROBLEMS.find(([pattern]) => pattern.test(message))?.[1] ?? 'markup that is not well-formed XML';
  // sax counts lines from 0.
  return line !== undefined ? `line ${Number(line) + 1}: ${what}` : what;
}
