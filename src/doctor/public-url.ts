/**
 * The public URL Slack and Discord call in HTTP mode: both call only https with a certificate a
 * browser would accept. `herald doctor` fetches `<url>/healthz` the way they would and says what
 * stands in the way (plain http, a certificate that does not verify, nothing answering).
 */
import { fix, ok, warn, type Finding } from './findings.js';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ status: number }>;

const causeOf = (e: unknown): { code?: string; message: string } => {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return { ...(c?.code ? { code: c.code } : {}), message: c?.message ?? (e instanceof Error ? e.message : String(e)) };
};

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|HOSTNAME|ALTNAME/i;

export async function publicUrlFinding(url: string | null, needed: boolean, fetchFn: FetchLike): Promise<Finding> {
  if (!url)
    return needed
      ? warn(
          'Public URL',
          'HTTP mode is on but HERALD_PUBLIC_URL is not set, so its reachability and certificate were not checked. Set it (or pass --url) to the https address that reaches this Herald.',
        )
      : ok('Public URL', 'not needed: no platform runs in HTTP mode');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return fix('Public URL', `"${url}" is not a URL; write it like https://herald.example.org`);
  }
  if (u.protocol !== 'https:')
    return fix(
      'Public URL',
      `${url} is not https. Slack and Discord call only https URLs with a valid certificate: put Herald behind a reverse proxy with TLS or a tunnel (see docs/discord.md, "A reverse proxy or a tunnel").`,
    );
  const health = `${u.origin}${u.pathname.replace(/\/+$/, '')}/healthz`;
  try {
    const res = await fetchFn(health, { signal: AbortSignal.timeout(10_000) });
    if (res.status >= 500 || res.status === 404)
      return fix(
        'Public URL',
        `${health} answered HTTP ${res.status}: the address reaches something that is not this Herald (check the proxy's target port, HTTP_PORT).`,
      );
    return ok('Public URL', `${health} answers over https with a valid certificate`);
  } catch (e) {
    const c = causeOf(e);
    if (TLS_CODES.test(`${c.code ?? ''} ${c.message}`))
      return fix(
        'Public URL',
        `the certificate of ${u.host} does not verify (${c.code ?? c.message}). Slack and Discord refuse it: use a certificate from a public CA (e.g. Let's Encrypt through your proxy) or a tunnel that provides one.`,
      );
    return fix(
      'Public URL',
      `${health} did not answer (${c.code ?? c.message}). Start Herald, check the proxy or tunnel, and that the host name resolves.`,
    );
  }
}
