/**
 * One DeliveryPort for the scheduler and the poller: routes each message to the platform
 * of its channel. A platform that is not running answers with a Failure, never a throw.
 */
import type { DeliveryPort, Platform } from '../core/ports.js';
import { err, failure } from '../core/result.js';

export function createDeliveryRouter(ports: Partial<Record<Platform, DeliveryPort | null>>): DeliveryPort {
  return {
    async deliver(where, message) {
      const port = ports[where.platform];
      if (!port) {
        return err(
          failure('platform_error', `Cannot post to ${where.platform}: that adapter is not running.`, {
            hint:
              where.platform === 'shell'
                ? 'Start Herald with `npm start`.'
                : `Set the ${where.platform === 'discord' ? 'DISCORD_TOKEN' : 'SLACK_BOT_TOKEN'} variable and restart.`,
          }),
        );
      }
      return port.deliver(where, message);
    },
  };
}
