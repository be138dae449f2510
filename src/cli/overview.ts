import type { ArticleFacts } from '../core/facts/types.js';

/** A human overview of the analysis; `--json` gives the full facts. */
export function overview(f: ArticleFacts): string {
  const lines = [`${f.title ?? '(untitled)'}`, `${f.sentences.length} sentences; tags: ${f.tags.join(', ') || 'none'}`];
  lines.push(
    `People (${f.people.length}):`,
    ...f.people.map((p) => `  ${p.name}${p.role ? ` — ${p.roleExpanded ?? p.role}` : ''}`),
  );
  lines.push(
    `Organisations (${f.organizations.length}):`,
    ...f.organizations.map((o) => `  ${o.name}${o.acronym ? ` (${o.acronym})` : ''}`),
  );
  lines.push(`Places: ${f.places.map((p) => p.name).join(', ') || 'none'}`);
  lines.push(
    `Lists (${f.lists.length}):`,
    ...f.lists.map((l) => `  ${l.lead} — ${l.items.length} items${l.count !== null ? ` (announced ${l.count})` : ''}`),
  );
  lines.push(
    `Quotes (${f.quotes.length}):`,
    ...f.quotes.map(
      (q) => `  ${q.speaker ?? 'unattributed'}: “${q.text.length > 80 ? `${q.text.slice(0, 79)}…` : q.text}”`,
    ),
  );
  lines.push(`Numbers: ${f.numbers.map((n) => n.text).join(', ') || 'none'}`);
  lines.push(`Summary sentences: ${f.summary.map((id) => `s${id}`).join(', ')}`);
  return lines.join('\n');
}
