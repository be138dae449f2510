/**
 * Which URLs Herald may fetch: http(s) only, and never an address inside the host's own
 * network (loopback, private, link-local, cloud metadata, CGNAT, ...) unless an admin
 * allowlisted it in config. See docs/decisions/009-feed-fetching-limits.md.
 */
import { lookup as dnsLookupAll } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { err, failure, ok, type Result } from '../core/result.js';

/** One resolved address, as `dns.promises.lookup(host, { all: true })` returns it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to all its addresses. Injected so tests never touch real DNS. */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The real resolver, for the composition root: every address, as the OS resolver returns them. */
export const systemLookup: LookupFn = (hostname) => dnsLookupAll(hostname, { all: true });

/** Hosts and CIDRs an admin allowed despite the rules above (compiled once from config). */
export interface AddressAllowlist {
  /** Exact host names (lower case) and `*.suffix` wildcards. */
  readonly hosts: readonly string[];
  readonly cidrs: BlockList;
  /** The entries as configured, for logs and `/feeds status`. */
  readonly entries: readonly string[];
}

export const EMPTY_ALLOWLIST: AddressAllowlist = { hosts: [], cidrs: new BlockList(), entries: [] };

/** Ranges no feed should live in; IPv4-mapped IPv6 forms (::ffff:a.b.c.d) match the IPv4 rules too. */
const REFUSED_RANGES: readonly (readonly [string, number, 'ipv4' | 'ipv6', string])[] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['169.254.0.0', 16, 'ipv4', 'link-local or cloud metadata'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  // Deprecated IPv4-compatible form (::a.b.c.d, written ::7f00:1 once normalised): some stacks
  // still route it to the embedded IPv4 address, loopback and metadata included. No feed needs it.
  ['::', 96, 'ipv6', 'IPv4-compatible IPv6'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  // NAT64 and 6to4 embed an IPv4 address that could be private; no feed needs them.
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['2002::', 16, 'ipv6', '6to4'],
];

const refusedLists = REFUSED_RANGES.map(([net, prefix, type, label]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, label };
});

/** Names that reach the machine itself or a cloud metadata service without a private-looking address. */
const REFUSED_HOST_SUFFIXES = ['localhost', 'internal', 'local', 'home.arpa'];
const REFUSED_HOSTS = new Set(['metadata', 'instance-data', 'metadata.google.internal']);

/** Why an address is refused, or null when it is public. */
export function refusedAddressReason(address: string): string | null {
  const type = isIP(address);
  if (type === 0) return 'not an IP address';
  const family = type === 4 ? 'ipv4' : 'ipv6';
  for (const { list, label } of refusedLists) if (list.check(address, family)) return label;
  return null;
}

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/**
 * Compiles allowlist entries from config: `127.0.0.1`, `10.0.0.0/8`, `::1`, `feeds.lan`, `*.corp.example`.
 * Every bad entry is listed at once, as config errors should be.
 */
export function parseAllowlist(entries: readonly string[]): Result<AddressAllowlist> {
  const hosts: string[] = [];
  const cidrs = new BlockList();
  const bad: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    const [net = '', prefixText] = entry.split('/');
    const type = isIP(net);
    if (type !== 0) {
      const max = type === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) bad.push(raw);
      else cidrs.addSubnet(net, prefix, type === 4 ? 'ipv4' : 'ipv6');
    } else if (/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
      hosts.push(entry);
    } else {
      bad.push(raw);
    }
  }
  if (bad.length > 0) {
    return err(
      failure('bad_input', `Invalid fetch allowlist entries: ${bad.join(', ')}.`, {
        hint: 'Use a host name (feeds.lan, *.corp.example), an IP address or a CIDR such as 10.0.0.0/8.',
        details: { bad },
      }),
    );
  }
  return ok({ hosts, cidrs, entries: [...entries] });
}

function isAllowedAddress(address: string, allow: AddressAllowlist): boolean {
  const type = isIP(address);
  return type !== 0 && allow.cidrs.check(address, type === 4 ? 'ipv4' : 'ipv6');
}

function refused(url: string, why: string, details: Record<string, unknown> = {}) {
  return err(
    failure('url_refused', `Refused to fetch ${url}: ${why}.`, {
      hint: 'Feeds must be public http(s) URLs; an admin can allowlist an internal host in config.',
      details: { url, ...details },
    }),
  );
}

/**
 * Checks one URL (the first request and again every redirect hop): scheme, host name, and every
 * address the host resolves to. Returns the parsed URL when it may be fetched.
 *
 * The check happens before `fetch` resolves the name again, so a DNS answer that changes in
 * between (rebinding) is not caught here; see the decision note for that limit.
 */
export async function checkUrl(rawUrl: string, lookup: LookupFn, allow: AddressAllowlist): Promise<Result<URL>> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return err(
      failure('bad_input', `Not a valid URL: ${rawUrl}`, { hint: 'Example: https://www.theguardian.com/world/rss' }),
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refused(rawUrl, `only http and https are fetched, not ${url.protocol.replace(':', '')}`, {
      reason: 'scheme',
    });
  }
  // WHATWG URL already normalised 0x7f.1 and 2130706433 to 127.0.0.1; IPv6 keeps its brackets.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (allow.hosts.some((p) => hostMatches(host, p))) return ok(url);

  if (isIP(host) === 0) {
    if (REFUSED_HOSTS.has(host) || REFUSED_HOST_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`))) {
      return refused(rawUrl, `${host} is an internal host name`, { reason: 'host', host });
    }
  }
  let addresses: readonly ResolvedAddress[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host);
    } catch (cause) {
      return err(
        failure('feed_unreachable', `Could not resolve ${host}.`, {
          hint: 'Check the spelling of the address.',
          details: { url: rawUrl, host, cause: String(cause) },
        }),
      );
    }
    if (addresses.length === 0) {
      return err(failure('feed_unreachable', `Could not resolve ${host}.`, { details: { url: rawUrl, host } }));
    }
  }
  // Every address must pass: fetch may connect to any of them.
  for (const { address } of addresses) {
    if (isAllowedAddress(address, allow)) continue;
    const why = refusedAddressReason(address);
    if (why !== null)
      return refused(rawUrl, `${host} resolves to a ${why} address (${address})`, {
        reason: 'address',
        host,
        address,
        range: why,
      });
  }
  return ok(url);
}
