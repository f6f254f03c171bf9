/**
 * `node:crypto` for the page's worker, as far as src/statements/puid.ts uses it: SHA-256 and
 * HMAC-SHA-256 of a UTF-8 text, as hex, synchronously (Web Crypto's digest is asynchronous).
 * vite.config.ts maps `node:crypto` here; the hashes are @noble/hashes', not written here.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

interface Digest {
  update(text: string, encoding: 'utf8'): Digest;
  digest(encoding: 'hex'): string;
}

function digest(make: () => { update(bytes: Uint8Array): unknown; digest(): Uint8Array }): Digest {
  const hash = make();
  const self: Digest = {
    update(text) {
      hash.update(utf8ToBytes(text));
      return self;
    },
    digest: () => bytesToHex(hash.digest()),
  };
  return self;
}

function sha256Only(algorithm: string): void {
  if (algorithm !== 'sha256') throw new Error(`the page computes SHA-256 only, not \`${algorithm}\``);
}

export function createHash(algorithm: string): Digest {
  sha256Only(algorithm);
  return digest(() => sha256.create());
}

export function createHmac(algorithm: string, key: string): Digest {
  sha256Only(algorithm);
  return digest(() => hmac.create(sha256, utf8ToBytes(key)));
}
