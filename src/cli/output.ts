/**
 * How the CLI reports: errors as one line on stderr with an exit code (2 for a usage mistake,
 * 1 otherwise), answers on stdout as text or JSON. Everything passes through the terminal-safe
 * text filter first.
 */
import type { Writable } from 'node:stream';
import { renderJson, renderText, terminalText } from '../adapters/text/render-text.js';
import type { Reply } from '../core/reply/types.js';
import type { Failure } from '../core/result.js';

/** The two streams reporting needs. */
export interface OutIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
}

const usageCode = (f: Failure): number => (f.code === 'bad_input' || f.code === 'unknown_command' ? 2 : 1);

export function fail(io: OutIo, f: Failure): number {
  io.stderr.write(`herald: ${terminalText(errorLine([f.message, f.hint ?? '']))}\n`);
  return usageCode(f);
}

/**
 * An error as stderr shows it: one line, unless the message lists problems ("- a", "- b"); then
 * the list keeps its lines and the hint gets its own, so it does not run into the last problem.
 */
export function errorLine(parts: readonly string[]): string {
  const texts = parts.filter((t) => t.trim() !== '');
  if (texts.some((t) => t.includes('\n- '))) return texts.map((t) => t.replace(/\s*\n\s*/g, '\n')).join('\n');
  return texts.join(' ').replace(/\s*\n\s*/g, ' ');
}

/** Replies that report an error go to stderr as one line; answers (found or not) go to stdout. */
export function emit(io: OutIo, reply: Reply, json: boolean): number {
  if (reply.kind === 'error') {
    io.stderr.write(
      `herald: ${terminalText(errorLine(reply.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []))))}\n`,
    );
    return reply.code === 'bad_input' || reply.code === 'unknown_command' ? 2 : 1;
  }
  io.stdout.write(`${json ? renderJson(reply) : renderText(reply, { ansi: !!io.stdout.isTTY })}\n`);
  return 0;
}
