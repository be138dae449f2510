/**
 * Renders a `Reply` as plain terminal text (the shell, `herald run`) or as JSON.
 * ANSI styling is opt-in: the caller decides from whether its output is a TTY, so piped
 * output and tests get clean text.
 */
import { displayBlocks } from '../../core/reply/build.js';
import { safeReply, safeText } from '../../core/reply/safe-text.js';
import type { Block, Button, Citation, Reply } from '../../core/reply/types.js';

export interface TextRenderOptions {
  /** Bold headings and dim citations with ANSI escapes (only when writing to a TTY). */
  readonly ansi?: boolean;
  /** Longest citation shown, in characters; longer sentences end with "…". */
  readonly citationWidth?: number;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function citationLines(c: Citation, opts: TextRenderOptions): string[] {
  const width = opts.citationWidth ?? 280;
  return c.sentenceIds.map((id, i) => {
    const line = `  [s${id}] "${clip(c.text[i] ?? '', width)}"`;
    return opts.ansi ? `${DIM}${line}${RESET}` : line;
  });
}

function buttonHint(b: Button): string {
  if (b.kind === 'link') return `→ ${b.label}: ${b.url}`;
  const args = Object.entries(b.args ?? {}).map(([k, v]) => `${k}:${String(v)}`);
  return `→ ${b.label}: ${['/' + b.command, b.subcommand ?? '', ...args].filter(Boolean).join(' ')}`;
}

function heading(text: string, opts: TextRenderOptions): string[] {
  // Underlining keeps headings visible where colour is off (pipes, logs, CI).
  return opts.ansi ? [`${BOLD}${text}${RESET}`] : [text, '─'.repeat(Math.min(text.length, 72))];
}

function renderBlock(block: Block, opts: TextRenderOptions): string[] {
  switch (block.type) {
    case 'heading':
      return heading(block.text, opts);
    case 'text':
      return [block.text, ...(block.cite ? citationLines(block.cite, opts) : [])];
    case 'list': {
      const items = block.items.map((item, i) =>
        block.ordered ? `${String(i + 1).padStart(2)}. ${item}` : `  • ${item}`,
      );
      return [
        ...(block.title ? [`${block.title}:`] : []),
        ...items,
        ...(block.cite && block.ordered ? citationLines(block.cite, opts) : []),
      ];
    }
    case 'quote':
      return [
        `“${block.text}”`,
        ...(block.speaker ? [`  — ${block.speaker}`] : []),
        ...(block.cite ? citationLines(block.cite, opts) : []),
      ];
    case 'fields': {
      const width = Math.min(24, Math.max(...block.fields.map((f) => f.name.length)));
      return block.fields.map((f) => `${`${f.name}:`.padEnd(width + 2)}${f.value}`);
    }
    case 'citation':
      return citationLines(block.cite, opts);
    case 'source': {
      const what = [block.title, block.name ? `(${block.name})` : null].filter(Boolean).join(' ');
      return [`Source: ${what || 'the article'}${block.url ? ` — ${block.url}` : ''}`];
    }
    case 'buttons':
      return block.buttons.map(buttonHint);
    case 'divider':
      return ['────'];
  }
}

/**
 * The reply as lines of text, blocks separated by blank lines where that aids reading.
 * Article text is made safe first (no escape sequences, controls or bidi overrides), before
 * our own ANSI styling is added.
 */
export function renderText(reply: Reply, opts: TextRenderOptions = {}): string {
  const chunks: string[] = [];
  for (const block of displayBlocks(safeReply(reply))) {
    const lines = renderBlock(block, opts);
    if (lines.length === 0) continue;
    // Headings, lists, quotes and fields get room around them; citations hug their text.
    const tight = block.type === 'citation' || block.type === 'buttons';
    if (chunks.length > 0) chunks.push(tight ? '\n' : '\n\n');
    chunks.push(lines.join('\n'));
  }
  return chunks.join('');
}

/** The reply as pretty JSON, exactly the `Reply` data (for `--json` and scripts). */
export function renderJson(reply: Reply): string {
  // JSON escapes C0 controls but not C1 or bidi characters, which a terminal still acts on.
  return JSON.stringify(safeReply(reply), null, 2);
}

/** Any other text bound for a terminal (errors, `herald analyze`): the same rules as replies. */
export const terminalText = safeText;
