/**
 * A list command made from configuration, so an admin adds `/partnership-areas` (or any
 * other) to config/herald.json without code: it answers with the article list that best
 * matches its topic words.
 */
import { defineCommand, type LeafCommand } from '../src/core/commands/define.js';
import { chooseList, listReply } from '../src/core/answers/list-reply.js';
import { notFound } from '../src/core/reply/build.js';

/** The shape of one `listCommands` entry in config/herald.json. */
export interface ListCommandSpec {
  readonly name: string;
  readonly description: string;
  /** Words that pick the list, matched against each list's lead and items. */
  readonly topic: string;
  /** An article (id, URL or title words) the command answers from when the user names none. */
  readonly article?: string | undefined;
  /** Only in these workspaces (`platform:id`); absent → everywhere. */
  readonly workspaces?: readonly string[] | undefined;
}

export function makeListCommand(spec: ListCommandSpec): LeafCommand {
  return defineCommand({
    name: spec.name,
    description: spec.description,
    access: 'member',
    category: 'lists',
    needs: ['article'],
    options: {},
    examples: [`/${spec.name}`],
    ...(spec.workspaces ? { workspaces: spec.workspaces } : {}),
    async run({ args, article, where, services }) {
      // A configured article applies only when the user did not pick one themselves.
      const a =
        spec.article && !(args as { article?: string }).article
          ? ((await services.library.find(where, spec.article)) ?? article)
          : article;
      const list = chooseList(a.facts.lists, spec.topic);
      if (!list)
        return notFound(
          `The article has no list of ${spec.topic}.`,
          [],
          [{ type: 'text', text: 'Type /lists to see the lists it has.' }],
        );
      return listReply(a, list);
    },
  }) as LeafCommand;
}
