/**
 * Reply buttons → Discord action rows. A command button whose arguments do not fit in a
 * custom id is replaced by a link to the article (when there is one) rather than cut.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { Button } from '../../core/reply/types.js';
import { encodeCustomId } from './custom-id.js';
import { LIMITS } from './limits.js';
import { clip } from '../text/split-text.js';
import { defuseMentions } from './escape.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

const isWebUrl = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

/**
 * Builds at most 5 rows of 5 buttons. `sourceUrl` is the article link: the target of the
 * fallback link and of an added "Read the source" button.
 */
export function renderButtons(
  buttons: readonly Button[],
  sourceUrl: string | null,
): { rows: ButtonRow[]; dropped: number } {
  const out: APIButtonComponent[] = [];
  const linked = new Set<string>();
  let dropped = 0;
  const addLink = (label: string, url: string): void => {
    if (!isWebUrl(url) || linked.has(url)) return void dropped++;
    linked.add(url);
    out.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: clip(defuseMentions(label), LIMITS.buttonLabel),
      url,
    });
  };
  for (const b of buttons) {
    if (b.kind === 'link') {
      addLink(b.label, b.url);
      continue;
    }
    const id = encodeCustomId({ command: b.command, subcommand: b.subcommand ?? null, args: b.args ?? {} });
    if (id === null) {
      // Too many arguments for 100 characters: the article link is the honest fallback.
      if (sourceUrl) addLink('Read the source', sourceUrl);
      else dropped++;
      continue;
    }
    out.push({
      type: ComponentType.Button,
      style: b.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: clip(defuseMentions(b.label), LIMITS.buttonLabel),
      custom_id: id,
    });
  }
  if (sourceUrl && isWebUrl(sourceUrl) && !linked.has(sourceUrl)) addLink('Read the source', sourceUrl);
  const max = LIMITS.buttonsPerRow * LIMITS.rows;
  dropped += Math.max(0, out.length - max);
  const rows: ButtonRow[] = [];
  for (let i = 0; i < Math.min(out.length, max); i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: out.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { rows, dropped };
}
