/*
 * What sealed keys look like in storage, without the crypto that makes them: the first page
 * checks whether keys are sealed (to say they are locked) before the vault's code
 * (keyVault.ts) is ever needed, which loads on the first unlock or seal.
 */

/** The sealed keys as stored: every field needed to open them again, none of them secret. */
export interface SealedKeys {
  format: "llm-flow-studio/sealed-keys";
  version: 1;
  kdf: { name: "PBKDF2"; hash: "SHA-256"; iterations: number; salt: string };
  cipher: { name: "AES-GCM"; iv: string };
  /** The keys as JSON, encrypted and authenticated (base64). */
  data: string;
}

/** Stored settings come back `unknown`: sealed keys, or undefined when it is not that. */
export function asSealedKeys(value: unknown): SealedKeys | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Partial<SealedKeys>;
  const ok =
    v.format === "llm-flow-studio/sealed-keys" &&
    v.version === 1 &&
    v.kdf?.name === "PBKDF2" &&
    v.kdf.hash === "SHA-256" &&
    Number.isInteger(v.kdf.iterations) &&
    v.kdf.iterations >= 1 &&
    typeof v.kdf.salt === "string" &&
    v.cipher?.name === "AES-GCM" &&
    typeof v.cipher.iv === "string" &&
    typeof v.data === "string";
  return ok ? (value as SealedKeys) : undefined;
}
