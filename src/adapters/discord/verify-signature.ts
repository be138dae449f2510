/**
 * Ed25519 verification of Discord's interaction requests with node:crypto alone
 * (no native add-on, ~0.1 ms a request). Discord signs `timestamp + rawBody` with the
 * application's key; anything that fails here gets a 401 and is never parsed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const HEX_KEY = /^[0-9a-f]{64}$/i;

/** Turns the 64-hex-character public key from the Developer Portal into a KeyObject, once. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!HEX_KEY.test(hex)) throw new TypeError('Discord public key must be 64 hex characters');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'bad_signature' | 'stale';

export interface VerifyInput {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly rawBody: Buffer;
  /** Current time in ms (from the injected clock). */
  readonly nowMs: number;
  /** Requests whose timestamp is further than this from now are refused (replay protection). */
  readonly maxSkewSeconds: number;
}

/** Verifies one request. Cheap checks first so garbage never reaches the crypto. */
export function verifyDiscordRequest(key: KeyObject, input: VerifyInput): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return 'missing';
  if (!HEX_SIGNATURE.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const valid = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), input.rawBody]),
    key,
    Buffer.from(signature, 'hex'),
  );
  if (!valid) return 'bad_signature';
  // Checked after the signature so an attacker cannot learn our clock from the answers.
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > input.maxSkewSeconds) return 'stale';
  return 'ok';
}
