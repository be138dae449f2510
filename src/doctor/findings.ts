/**
 * What `herald doctor` found: one line per check, each either fine, worth knowing, or something
 * to fix, and the fix in words (the portal page, the variable, the command).
 */

export type FindingStatus = 'ok' | 'warn' | 'fix' | 'skip';

export interface Finding {
  readonly status: FindingStatus;
  /** What was checked: "Discord token", "Slack scopes", "Channel C123". */
  readonly area: string;
  /** The result, and for `fix`/`warn` what to do, in one sentence or two. */
  readonly text: string;
}

export const ok = (area: string, text: string): Finding => ({ status: 'ok', area, text });
export const warn = (area: string, text: string): Finding => ({ status: 'warn', area, text });
export const fix = (area: string, text: string): Finding => ({ status: 'fix', area, text });
export const skip = (area: string, text: string): Finding => ({ status: 'skip', area, text });

const LABEL: Record<FindingStatus, string> = { ok: 'ok  ', warn: 'warn', fix: 'FIX ', skip: 'skip' };

/** One line per finding, then a summary line; what the CLI prints. */
export function formatFindings(findings: readonly Finding[]): string {
  const lines = findings.map((f) => `${LABEL[f.status]}  ${f.area}: ${f.text}`);
  const toFix = findings.filter((f) => f.status === 'fix').length;
  const warnings = findings.filter((f) => f.status === 'warn').length;
  lines.push(
    toFix === 0
      ? `All checks passed${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`
      : `${toFix} thing${toFix === 1 ? '' : 's'} to fix${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`,
  );
  return lines.join('\n');
}
