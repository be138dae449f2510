/**
 * Microsoft's Channel Definition Format (1997: `<CHANNEL HREF=...><ITEM HREF=...><TITLE>`),
 * which feedparser still reads and a few old sites still serve. It maps one to one onto RSS 2
 * (ABSTRACT is the description, HREF the link, LASTMOD the date), so it is rewritten as RSS 2
 * and read by the same code as any feed.
 */
import sax from 'sax';

interface CdfEntry {
  title?: string;
  abstract?: string;
  href?: string;
  lastmod?: string;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fields(e: CdfEntry): string {
  return [
    e.title !== undefined ? `<title>${escape(e.title)}</title>` : '',
    e.href !== undefined ? `<link>${escape(e.href)}</link>` : '',
    e.abstract !== undefined ? `<description>${escape(e.abstract)}</description>` : '',
    e.lastmod !== undefined ? `<pubDate>${escape(e.lastmod)}</pubDate>` : '',
  ].join('');
}

/** Whether a root element name is CDF's (`CHANNEL`, in any case). */
export const isCdfRoot = (root: string): boolean => root.toLowerCase() === 'channel';

/** The CDF document as an RSS 2 document. */
export function cdfToRss(text: string): string {
  const parser = sax.parser(false, { lowercase: true, noscript: true });
  const channel: CdfEntry = {};
  const items: CdfEntry[] = [];
  const stack: string[] = [];
  let current: CdfEntry = channel;
  let buffer = '';

  parser.onopentag = (node) => {
    const attrs = node.attributes as Record<string, string>;
    if (node.name === 'item' || (node.name === 'channel' && stack.length === 0)) {
      current = node.name === 'item' ? {} : channel;
      if (node.name === 'item') items.push(current);
      if (attrs['href']) current.href = attrs['href'];
      if (attrs['lastmod']) current.lastmod = attrs['lastmod'];
    }
    stack.push(node.name);
    buffer = '';
  };
  parser.onclosetag = (name) => {
    stack.pop();
    if (name === 'title' || name === 'abstract') current[name] = buffer.trim();
    if (name === 'item') current = channel;
    buffer = '';
  };
  parser.ontext = (t) => {
    buffer += t;
  };
  parser.oncdata = parser.ontext;
  parser.onerror = () => {
    parser.error = null as unknown as Error;
    parser.resume();
  };
  parser.write(text).close();
  const body = items.map((i) => `<item>${fields(i)}</item>`).join('');
  return `<rss version="2.0"><channel>${fields(channel)}${body}</channel></rss>`;
}
