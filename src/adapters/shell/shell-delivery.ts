/**
 * The shell's delivery port: a scheduled digest or a feed notice is printed where the
 * shell user reads, with a header saying where it would have gone.
 */
import type { Writable } from 'node:stream';
import type { DeliveryPort } from '../../core/ports.js';
import { ok } from '../../core/result.js';
import { renderText } from '../text/render-text.js';

export function createShellDelivery(output: Writable & { isTTY?: boolean }): DeliveryPort {
  let n = 0;
  return {
    async deliver(where, message) {
      n += 1;
      output.write(
        `\n── posted to #${where.channelId} (${message.deliveryKey}) ──\n${renderText(message.reply, { ansi: !!output.isTTY })}\n`,
      );
      return ok({ messageId: `shell-${n}` });
    },
  };
}
