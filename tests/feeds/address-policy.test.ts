/**
 * Every address class a feed URL must not reach, through an injected lookup (no real DNS),
 * and the admin allowlist that lets chosen ones through.
 */
import { describe, expect, it } from 'vitest';
import {
  checkUrl,
  EMPTY_ALLOWLIST,
  parseAllowlist,
  refusedAddressReason,
  type AddressAllowlist,
} from '../../src/feeds/address-policy.js';
import { tableLookup } from './feed-server.js';

const lookup = tableLookup({
  'news.example': ['93.184.216.34'],
  'v6.news.example': ['2606:2800:220:1:248:1893:25c8:1946'],
  'sneaky.example': ['93.184.216.34', '10.0.0.7'],
  'rebind.example': ['127.0.0.1'],
  'feeds.lan': ['192.168.1.20'],
});

async function code(url: string, allow: AddressAllowlist = EMPTY_ALLOWLIST) {
  const result = await checkUrl(url, lookup, allow);
  return result.ok ? 'ok' : result.error.code;
}

function allowlist(entries: string[]): AddressAllowlist {
  const result = parseAllowlist(entries);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('checkUrl refuses', () => {
  it.each([
    ['loopback', 'http://127.0.0.1/feed'],
    ['loopback, anywhere in 127/8', 'http://127.8.9.10/feed'],
    ['loopback, decimal form', 'http://2130706433/feed'],
    ['loopback, hex form', 'http://0x7f.1/feed'],
    ['IPv6 loopback', 'http://[::1]/feed'],
    ['private 10/8', 'http://10.20.30.40/'],
    ['private 172.16/12, low end', 'http://172.16.0.1/'],
    ['private 172.16/12, high end', 'http://172.31.255.254/'],
    ['private 192.168/16', 'https://192.168.0.1/'],
    ['link-local', 'http://169.254.1.1/'],
    ['cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['unspecified', 'http://0.0.0.0/'],
    ['CGNAT 100.64/10', 'http://100.64.0.1/'],
    ['CGNAT high end', 'http://100.127.255.254/'],
    ['IPv6 unique local fc00::/7', 'http://[fd12:3456::1]/'],
    ['IPv6 unique local, fc half', 'http://[fc00::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped private', 'http://[::ffff:10.0.0.1]/'],
    ['IPv4-mapped metadata', 'http://[::ffff:169.254.169.254]/'],
    ['metadata host name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['localhost', 'http://localhost:8080/'],
    ['a name under .localhost', 'http://feeds.localhost/'],
    ['a name resolving to loopback', 'http://rebind.example/'],
    ['a name with one private address among public ones', 'http://sneaky.example/'],
  ])('%s (%s)', async (_label, url) => {
    expect(await code(url)).toBe('url_refused');
  });

  it.each([
    'file:///etc/passwd',
    'ftp://news.example/feed',
    'gopher://news.example/',
    'data:text/xml,<rss/>',
    'javascript:alert(1)',
  ])('the non-http scheme of %s', async (url) => {
    const result = await checkUrl(url, lookup, EMPTY_ALLOWLIST);
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'url_refused', details: { reason: 'scheme' } });
  });

  it('names the range in the message', async () => {
    const result = await checkUrl('http://169.254.169.254/', lookup, EMPTY_ALLOWLIST);
    expect(result.ok ? '' : result.error.message).toContain('link-local or cloud metadata');
  });
});

describe('checkUrl allows', () => {
  it('public addresses, by name and literally, v4 and v6', async () => {
    expect(await code('https://news.example/rss')).toBe('ok');
    expect(await code('https://v6.news.example/rss')).toBe('ok');
    expect(await code('http://93.184.216.34/')).toBe('ok');
    expect(await code('http://172.32.0.1/')).toBe('ok'); // just outside 172.16/12
    expect(await code('http://100.128.0.1/')).toBe('ok'); // just outside 100.64/10
  });

  it('127.0.0.1 when the allowlist names it, and nothing else because of it', async () => {
    const allow = allowlist(['127.0.0.1']);
    expect(await code('http://127.0.0.1:8080/feed', allow)).toBe('ok');
    expect(await code('http://127.0.0.2/feed', allow)).toBe('url_refused');
    expect(await code('http://10.0.0.1/feed', allow)).toBe('url_refused');
  });

  it('CIDRs, host names and wildcards from the allowlist', async () => {
    expect(await code('http://10.9.8.7/', allowlist(['10.0.0.0/8']))).toBe('ok');
    expect(await code('http://feeds.lan/rss', allowlist(['feeds.lan']))).toBe('ok');
    expect(await code('http://feeds.lan/rss', allowlist(['192.168.1.0/24']))).toBe('ok');
    // An allowlisted name is trusted whatever it resolves to (it is not even looked up).
    expect(await code('http://a.b.corp.example/', allowlist(['*.corp.example']))).toBe('ok');
    expect(await code('http://corp.example.evil/', allowlist(['*.corp.example']))).toBe('feed_unreachable');
    expect(await code('http://[fd00::5]/', allowlist(['fd00::/8']))).toBe('ok');
  });

  it('reports an unresolvable name as unreachable, not refused', async () => {
    expect(await code('http://nowhere.example/')).toBe('feed_unreachable');
  });
});

describe('parseAllowlist', () => {
  it('lists every bad entry at once', () => {
    const result = parseAllowlist(['127.0.0.1', '10.0.0.0/33', 'not a host!', '::1/200']);
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'bad_input',
      details: { bad: ['10.0.0.0/33', 'not a host!', '::1/200'] },
    });
  });
});

describe('refusedAddressReason', () => {
  it('classifies without DNS', () => {
    expect(refusedAddressReason('8.8.8.8')).toBeNull();
    expect(refusedAddressReason('100.64.1.1')).toBe('carrier-grade NAT');
    expect(refusedAddressReason('::ffff:192.168.1.1')).toBe('private');
  });
});
