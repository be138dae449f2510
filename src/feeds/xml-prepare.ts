/**
 * Small rewrites of feed XML before rss-parser reads it, for the shapes feed readers accept
 * but rss-parser (which ignores namespaces) does not:
 * - a root in a prefixed namespace (`<a:feed xmlns:a="http://www.w3.org/2005/Atom">`,
 *   `<r:rss>`), or RSS 1.0 written as `<rss:channel>`: the feed prefix is dropped;
 * - `<rss>` or `<rdf:RDF>` with no `<channel>` at all: an empty one is added (an empty feed is
 *   still a feed);
 * - titles and text constructs with markup inside (Atom `type="xhtml"`, or raw HTML in RSS):
 *   the markup is wrapped as HTML text, because the XML-to-object step loses the order of mixed
 *   text and elements ("Example <b>Atom</b>" would come out as "Example " plus a stray "Atom").
 */

/** Namespaces whose elements are the feed itself, by family, whatever prefix a document binds them to. */
const FAMILIES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://backend.userland.com/rss2': 'rss',
  'http://backend.userland.com/rss': 'rss',
  'http://purl.org/rss/1.0/': 'rdf',
  'http://my.netscape.com/rdf/simple/0.9/': 'rdf',
  'http://channel.netscape.com/rdf/simple/0.9/': 'rdf',
};

const familyOf = (ns: string | undefined): string | undefined => (ns ? FAMILIES[ns.trim().toLowerCase()] : undefined);

/** The root element's name as written (`rss`, `a:feed`, `rdf:RDF`), after prolog, comments and doctype. */
export function rootElementName(text: string): string | null {
  const stripped = text
    .slice(0, 8192)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  return stripped.match(/<([A-Za-z_][\w:.-]*)/)?.[1] ?? null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drops `prefix:` from element names: `<a:title>` → `<title>`, `</a:title>` → `</title>`. */
function dropPrefix(text: string, prefix: string): string {
  return text.replace(new RegExp(`<(/?)${escapeRegExp(prefix)}:(?=[A-Za-z_])`, 'g'), '<$1');
}

/**
 * Drops every prefix bound to the root's own feed namespace (`<a:feed xmlns:a=Atom>`, an
 * `<p0:entry xmlns:p0=Atom>` inside an Atom feed, RSS 1.0's `<rss:item>`), but never another
 * format's: `<atom:link>` inside RSS 2 must stay out of the way of RSS's own `<link>`.
 */
function normaliseNamespaces(text: string, root: string): string {
  const colon = root.indexOf(':');
  const rootPrefix = colon > 0 ? root.slice(0, colon) : null;
  const local = colon > 0 ? root.slice(colon + 1) : root;
  const rootTag = text.match(new RegExp(`<${escapeRegExp(root)}\\b[^>]*>`))?.[0] ?? '';
  const rootNs = rootTag.match(
    new RegExp(`\\bxmlns${rootPrefix ? `:${escapeRegExp(rootPrefix)}` : ''}\\s*=\\s*["']([^"']*)["']`),
  )?.[1];
  const family = local === 'RDF' ? 'rdf' : familyOf(rootNs);
  let out = text;
  if (family) {
    const prefixes = new Set<string>();
    for (const m of text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
      if (familyOf(m[2]) === family) prefixes.add(m[1]!);
    }
    for (const prefix of prefixes) if (out.includes(`<${prefix}:`)) out = dropPrefix(out, prefix);
  }
  // rss-parser knows RSS 1.0 only as `rdf:RDF`; a few feeds bind RDF's namespace to another prefix.
  if (local === 'RDF' && rootPrefix !== 'rdf') {
    out = out.replace(new RegExp(`<(/?)${rootPrefix ? `${escapeRegExp(rootPrefix)}:` : ''}RDF\\b`, 'g'), '<$1rdf:RDF');
  }
  return out;
}

/** Adds `<channel>` to an RSS or RDF document that has none, so it reads as an empty feed. */
function ensureChannel(text: string, root: string): string {
  if (/<channel[\s>/]/.test(text)) return text;
  const start = new RegExp(`<${escapeRegExp(root)}\\b[^>]*?(/?)>`).exec(text);
  if (!start) return text;
  // `<rss version="2.0"/>`: open it so a channel fits inside.
  const opening = start[1] === '/' ? `${start[0].slice(0, -2)}>` : start[0];
  const close = start[1] === '/' ? `</${root}>` : '';
  const at = start.index + start[0].length;
  if (root === 'rss') {
    // Items written straight under <rss> belong to the channel that was left out.
    const end = text.lastIndexOf(`</${root}`);
    if (end > at)
      return `${text.slice(0, start.index)}${opening}<channel>${text.slice(at, end)}</channel>${text.slice(end)}`;
  }
  return `${text.slice(0, start.index)}${opening}<channel></channel>${close}${text.slice(at)}`;
}

const TEXT_CONSTRUCT =
  /<(title|subtitle|tagline|summary|content|description|rights)\b([^>]*?)(?<!\/)>([\s\S]*?)<\/\1\s*>/g;

/** CDATA that survives a `]]>` inside the text. */
const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Text constructs holding elements become HTML text; everything else is left alone. */
function markupAsHtml(text: string): string {
  return text.replace(TEXT_CONSTRUCT, (whole, name: string, attrs: string, inner: string) => {
    if (!/<[A-Za-z]/.test(inner) || /^\s*<!\[CDATA\[/.test(inner)) return whole;
    // A match that runs into the next element of the same name or past an item's end is a
    // broken document (an end tag misspelt), not markup: leave it for the forgiving pass.
    if (new RegExp(`<${name}[\\s>/]|</(?:item|entry)\\s*>`).test(inner)) return whole;
    const html = attrs.replace(/\btype\s*=\s*["'][^"']*["']/, 'type="html"').replace(/\bmode\s*=\s*["']xml["']/, '');
    return `<${name}${html}>${cdata(inner)}</${name}>`;
  });
}

/** The rewrites above, given the document's root element name. */
export function prepareXml(text: string, root: string): string {
  let out = normaliseNamespaces(text, root);
  const local = root.slice(root.indexOf(':') + 1);
  const newRoot = local === 'RDF' ? 'rdf:RDF' : local;
  if (newRoot === 'rss' || newRoot === 'rdf:RDF') out = ensureChannel(out, newRoot);
  // Atom 0.3 feeds written with RSS's <item> for <entry>; feedparser reads them, so do we.
  if (newRoot === 'feed' && !/<entry[\s>/]/.test(out)) out = out.replace(/<(\/?)item(?=[\s>/])/g, '<$1entry');
  return markupAsHtml(out);
}
