/**
 * A feed's own message format: text with placeholders for the item's fields. Checked when an
 * admin sets it (unknown placeholders and over-long formats are refused with the list of known
 * ones); filled when a post is made. The result is plain text like every Reply text, so the
 * adapters escape the item's title as they escape everything: a title cannot inject mentions,
 * masked links or markup through a template.
 */
import { err, failure, ok, type Result } from '../result.js';

export const PLACEHOLDERS = ['title', 'link', 'lead', 'people', 'published', 'feed', 'author'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<Placeholder, string>>;

/**
 * Longest format accepted: a filled template goes into one Discord message (2,000 characters)
 * or Slack section (3,000), and the fields need room; longer text would be cut on every post.
 */
export const MAX_TEMPLATE_LENGTH = 1_000;

const PLACEHOLDER = /\{([^{}\s]*)\}/gu;

/** The format as given, or why it is refused. */
export function checkTemplate(text: string): Result<string> {
  const t = text.trim();
  const known = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  if (t.length === 0) return err(failure('bad_input', 'The template is empty.', { hint: `Use ${known}` }));
  if (t.length > MAX_TEMPLATE_LENGTH)
    return err(
      failure('bad_input', `The template is ${t.length} characters; at most ${MAX_TEMPLATE_LENGTH} fit in a post.`, {
        hint: 'Shorten it; {lead} and {people} bring the story itself.',
      }),
    );
  const unknown = [...t.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return err(
      failure(
        'bad_input',
        `Unknown placeholder${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `{${u}}`).join(', ')}.`,
        {
          hint: `A template can use ${known}.`,
          details: { unknown },
        },
      ),
    );
  if (!t.match(PLACEHOLDER))
    return err(
      failure('bad_input', 'The template has no placeholder, so every post would read the same.', {
        hint: `Use ${known}`,
      }),
    );
  return ok(t);
}

/** Fills a checked template. Values are inserted once: a title containing `{link}` stays as written. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}
