/**
 * HTML → paragraph blocks, using linkedom's DOM rather than regexes. Used for
 * Readability's output and for feed-item HTML fragments (which need no Readability:
 * they are already just the story, sometimes without a single <p>).
 */
import { parseHTML } from 'linkedom';
import type { RawBlock } from './boilerplate.js';
import { textToBlocks } from './text.js';

/** Minimal DOM surface we walk; linkedom's nodes satisfy it. */
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly tagName?: string;
  getAttribute?(name: string): string | null;
}

/** Never story text: media, widgets, forms, and captions (figure/figcaption). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'figure',
  'figcaption',
  'picture',
  'img',
  'video',
  'audio',
  'object',
  'embed',
  'map',
  'nav',
  'aside',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'footer',
  'menu',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'address',
  'center',
  'details',
  'summary',
  'body',
]);
/** class/id words of widgets that sit inside article markup (feeds and CMS bodies keep them). */
const WIDGET_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|comments?|respond|caption|credit|related|newsletter|promo|advert|ad-slot|sponsor|subscribe|byline|author-bio|tags?-list|breadcrumbs?|sidebar|popup|modal|cookie)(?:$|[\s_-])/iu;

/** Longer than this, an element is content whatever its class says. */
const WIDGET_MAX_CHARS = 1000;

function tagOf(node: DomNode): string {
  return (node.tagName ?? '').toLowerCase();
}

function isWidget(node: DomNode): boolean {
  if (!node.getAttribute) return false;
  const hint = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
  if (node.getAttribute('hidden') !== null || node.getAttribute('aria-hidden') === 'true') return true;
  if (node.getAttribute('role') === 'navigation' || node.getAttribute('role') === 'complementary') return true;
  // Widgets are short; a long element whose class merely mentions "comments" is the article itself.
  return WIDGET_HINT.test(hint) && (node.textContent ?? '').length < WIDGET_MAX_CHARS;
}

/** Walks a DOM subtree into paragraph blocks. */
export function domToBlocks(root: DomNode): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer.trim() !== '') blocks.push(...textToBlocks(buffer));
    buffer = '';
  };
  const visit = (node: DomNode): void => {
    const children = Array.from(node.childNodes);
    for (const child of children) {
      if (child.nodeType === 3) {
        // Source newlines in HTML are plain whitespace; only <br> breaks a line.
        buffer += (child.textContent ?? '').replace(/\s+/gu, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = tagOf(child);
      if (SKIP.has(tag) || isWidget(child)) continue;
      if (tag === 'br') {
        buffer += '\n';
      } else if (HEADINGS.has(tag)) {
        flush();
        const text = (child.textContent ?? '').replace(/\s+/gu, ' ').trim();
        if (text !== '') blocks.push({ text, heading: true });
      } else if (BLOCKS.has(tag)) {
        flush();
        visit(child);
        // Block boundaries are paragraph breaks even when the text runs on.
        buffer += '\n\n';
        flush();
      } else {
        visit(child);
      }
    }
  };
  visit(root);
  flush();
  return blocks;
}

/** Parses an HTML fragment (feed content) into blocks. */
export function htmlFragmentToBlocks(html: string): RawBlock[] {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return domToBlocks(document.body as unknown as DomNode);
}

/** True when a string contains HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|span|a|em|strong|b|i|ul|ol|li|h[1-6]|blockquote|img|figure|table|section|article)\b[^>]*>/iu.test(
    text,
  );
}
