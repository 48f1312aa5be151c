/**
 * Signed releases (issue 16, point 4): `tthc build --sign <key>` writes a detached Ed25519 signature
 * of manifest.json beside it. The manifest names every shard by its SHA-256 and each shard every
 * file by its SHA-256 and size, so one signature covers the whole output. Ed25519 signatures are
 * deterministic (RFC 8032), so a byte-identical build signs to a byte-identical signature file.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../../rules/errors.js';
import { MANIFEST } from './manifest.js';
import type { OutputFile } from './unit.js';

/** The signature file, beside manifest.json: the signature's 64 bytes in base64 and a newline. */
export const SIGNATURE = `${MANIFEST}.sig`;

/** Larger than any PEM key file; a bigger file is not a key. */
const MAX_KEY_BYTES = 64 * 1024;

function readKeyFile(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`Cannot read the key file ${file} (${code}).`, { id: 'sign.key-unreadable', params: { file, why: code } });
  }
  if (bytes.length > MAX_KEY_BYTES) throw new UsageError(`${file} is not a PEM key file (it is over ${MAX_KEY_BYTES} bytes).`, { id: 'sign.not-a-key', params: { file, kind: 'private' } });
  return bytes;
}

/** An Ed25519 private key from a PEM file (as `tthc keygen` or `openssl genpkey -algorithm ed25519` writes it). */
export function readSigningKey(file: string): KeyObject {
  const bytes = readKeyFile(file);
  let key: KeyObject;
  try {
    key = createPrivateKey(bytes);
  } catch {
    throw new UsageError(`${file} is not a PEM private key. Make a key pair with tthc keygen --out <prefix>, or openssl genpkey -algorithm ed25519 -out release.private.pem.`, { id: 'sign.not-a-key', params: { file, kind: 'private' } });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${file} is a ${key.asymmetricKeyType ?? 'unknown'} key; tthc signs with Ed25519 keys only.`, { id: 'sign.not-ed25519', params: { file, type: key.asymmetricKeyType ?? '?' } });
  return key;
}

/** An Ed25519 public key from a PEM file (a private key file works too: its public half is used). */
export function readVerifyingKey(file: string): KeyObject {
  const bytes = readKeyFile(file);
  let key: KeyObject;
  try {
    key = createPublicKey(bytes);
  } catch {
    throw new UsageError(`${file} is not a PEM public key.`, { id: 'sign.not-a-key', params: { file, kind: 'public' } });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${file} is a ${key.asymmetricKeyType ?? 'unknown'} key; tthc signs with Ed25519 keys only.`, { id: 'sign.not-ed25519', params: { file, type: key.asymmetricKeyType ?? '?' } });
  return key;
}

/** The signature of the manifest's bytes, as the signature file's content. */
export function signatureText(manifest: string | Uint8Array, key: KeyObject): string {
  return sign(null, typeof manifest === 'string' ? Buffer.from(manifest, 'utf8') : manifest, key).toString('base64') + '\n';
}

/** The signature file for a manifest, to be written beside it. */
export function signatureFile(manifest: string | Uint8Array, key: KeyObject): OutputFile {
  return { path: SIGNATURE, content: signatureText(manifest, key) };
}

/** Whether a signature file's text is a valid signature of the manifest's bytes under the key. */
export function signatureValid(manifest: Uint8Array, signature: string, key: KeyObject): boolean {
  const text = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 64) return false;
  return verify(null, manifest, key, bytes);
}

/** A new Ed25519 key pair as PEM: the private key in PKCS #8, the public key in SPKI (both as openssl writes them). */
export function newKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
