/**
 * Expected failures are values with a stable `code`; bugs throw.
 * Adapters map a `Failure` to a short user message; logs carry the code.
 */
export type FailureCode =
  | 'bad_input'
  | 'not_found'
  | 'unknown_command'
  | 'permission_denied'
  | 'article_unavailable'
  | 'unreadable_article'
  | 'feed_unreachable'
  | 'feed_invalid'
  | 'url_refused'
  | 'too_large'
  | 'timeout'
  | 'conflict'
  | 'platform_error'
  | 'rate_limited'
  | 'internal';

/** An expected failure: what went wrong, in a sentence, and what to do about it. */
export interface Failure {
  readonly code: FailureCode;
  /** One short sentence for the user. */
  readonly message: string;
  /** What the user can do next (an example of a valid value, a command to try). */
  readonly hint?: string;
  /** Machine-readable details for logs and JSON output. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E = Failure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E = Failure>(error: E): Result<never, E> => ({ ok: false, error });

export function failure(
  code: FailureCode,
  message: string,
  extra: { hint?: string; details?: Record<string, unknown> } = {},
): Failure {
  return { code, message, ...extra };
}

/** Wraps a `Failure` so it can cross a throw boundary (e.g. inside a library callback) and be recovered. */
export class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'FailureError';
  }
}

export function isFailure(value: unknown): value is Failure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'message' in value &&
    typeof (value as Failure).message === 'string'
  );
}
