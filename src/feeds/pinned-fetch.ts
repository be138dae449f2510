/**
 * A `fetch` whose connections can only go to addresses the address policy accepts.
 * `safeFetch` checks the host before each request; this closes the gap between that check
 * and the connection (DNS rebinding): the socket's own lookup is checked again, so a name
 * that resolves to a public address for the check and to 127.0.0.1 for the connect fails.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { refusedAddressReason, type AddressAllowlist } from './address-policy.js';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function allowed(address: string, host: string, allow: AddressAllowlist): boolean {
  const h = host.toLowerCase();
  if (allow.hosts.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) : h === p))) return true;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (allow.cidrs.check(address, family)) return true;
  return refusedAddressReason(address) === null;
}

/** A connect-time lookup that refuses addresses outside the policy (exported for tests). */
export function guardedLookup(allow: AddressAllowlist, resolve: typeof dnsLookup = dnsLookup) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = (addresses as unknown as LookupAddress[]) ?? [];
      const bad = list.find((a) => !allowed(a.address, hostname, allow));
      if (bad || list.length === 0) {
        const e = new Error(
          `refused to connect to ${hostname} (${bad?.address ?? 'no address'}): ${bad ? refusedAddressReason(bad.address) : 'unresolved'}`,
        ) as NodeJS.ErrnoException;
        e.code = 'EHERALDREFUSED';
        return callback(e, []);
      }
      if (options.all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Builds the production feed `fetch`: undici with the guarded lookup on every connection. */
export function createPinnedFetch(allow: AddressAllowlist): typeof fetch {
  const agent = new Agent({ connect: { lookup: guardedLookup(allow) as never }, keepAliveTimeout: 10_000 });
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher: agent } as never)) as unknown as typeof fetch;
}
