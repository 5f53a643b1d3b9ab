/*
 * API keys sealed with a passphrase (WebCrypto, in the page and in Node alike): PBKDF2 with
 * SHA-256 turns the passphrase and a random salt into an AES-GCM 256 key, which seals the keys
 * with a random IV. What is stored says how it was made, so a later build can raise the
 * iteration count and still open what an older one sealed.
 */

import type { SealedKeys } from "./sealedKeys";

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** The passphrase does not open these keys (or they were altered). */
export class WrongPassphraseError extends Error {
  override readonly name = "WrongPassphraseError";
  constructor() {
    super("That passphrase does not unlock the saved keys. Nothing was changed: try again.");
  }
}

/** An unlocked vault: seals again without deriving the key again (600,000 rounds each time). */
export interface OpenVault {
  seal(keys: Readonly<Record<string, string>>): Promise<SealedKeys>;
}

/** A new vault for `passphrase`, with a fresh salt. */
export async function createVault(
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<OpenVault> {
  if (passphrase === "") throw new Error("Choose a passphrase: an empty one protects nothing.");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return vaultOver(await deriveKey(passphrase, salt, iterations), salt, iterations);
}

/** Opens sealed keys: the keys and the vault to seal changes with; wrong passphrase throws. */
export async function openVault(
  sealed: SealedKeys,
  passphrase: string,
): Promise<{ keys: Record<string, string>; vault: OpenVault }> {
  const salt = fromBase64(sealed.kdf.salt);
  const key = await deriveKey(passphrase, salt, sealed.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(sealed.cipher.iv) },
      key,
      fromBase64(sealed.data),
    );
  } catch {
    // AES-GCM authenticates: a wrong key and altered data fail alike, and say nothing more.
    throw new WrongPassphraseError();
  }
  const parsed: unknown = JSON.parse(new TextDecoder().decode(plain));
  const keys: Record<string, string> = {};
  if (typeof parsed === "object" && parsed !== null) {
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === "string") keys[name] = value;
    }
  }
  return { keys, vault: vaultOver(key, salt, sealed.kdf.iterations) };
}

function vaultOver(key: CryptoKey, salt: Uint8Array, iterations: number): OpenVault {
  return {
    async seal(keys) {
      // A fresh IV for every seal: AES-GCM must never reuse one under the same key.
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(keys));
      const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plain);
      return {
        format: "llm-flow-studio/sealed-keys",
        version: 1,
        kdf: { name: "PBKDF2", hash: "SHA-256", iterations, salt: toBase64(salt) },
        cipher: { name: "AES-GCM", iv: toBase64(iv) },
        data: toBase64(new Uint8Array(data)),
      };
    },
  };
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(passphrase),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    material,
    { name: "AES-GCM", length: 256 },
    // Not extractable: the derived key never leaves WebCrypto.
    false,
    ["encrypt", "decrypt"],
  );
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
