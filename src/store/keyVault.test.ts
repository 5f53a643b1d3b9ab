import { describe, expect, it } from "vitest";
import { createVault, openVault, PBKDF2_ITERATIONS, WrongPassphraseError } from "./keyVault";
import { asSealedKeys } from "./sealedKeys";

const KEYS = { openai: "sk-CANARY-vault-0123", google: "AIza-vault-4567" };
/** Fewer rounds in tests that are not about the count: the algorithm is the same. */
const FAST = 1_000;

describe("keyVault", () => {
  it("seals with PBKDF2 SHA-256 at 600,000 rounds and AES-GCM, and opens with the passphrase", async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const vault = await createVault("correct horse battery staple");
    const sealed = await vault.seal(KEYS);
    expect(sealed.kdf).toMatchObject({ name: "PBKDF2", hash: "SHA-256", iterations: 600_000 });
    expect(sealed.cipher.name).toBe("AES-GCM");
    // Nothing of a key is readable in what is stored.
    const stored = JSON.stringify(sealed);
    for (const key of Object.values(KEYS)) expect(stored).not.toContain(key.slice(3, 12));
    const opened = await openVault(sealed, "correct horse battery staple");
    expect(opened.keys).toEqual(KEYS);
  });

  it("refuses a wrong passphrase and altered data with one clear error", async () => {
    const sealed = await (await createVault("right", FAST)).seal(KEYS);
    await expect(openVault(sealed, "wrong")).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(openVault(sealed, "wrong")).rejects.toThrow(
      "That passphrase does not unlock the saved keys. Nothing was changed",
    );
    const data = sealed.data.startsWith("A")
      ? `B${sealed.data.slice(1)}`
      : `A${sealed.data.slice(1)}`;
    await expect(openVault({ ...sealed, data }, "right")).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    // The sealed keys are untouched: the right passphrase still opens them.
    expect((await openVault(sealed, "right")).keys).toEqual(KEYS);
  });

  it("uses a fresh salt per vault and a fresh IV per seal", async () => {
    const a = await createVault("same", FAST);
    const b = await createVault("same", FAST);
    const [a1, a2, b1] = [await a.seal(KEYS), await a.seal(KEYS), await b.seal(KEYS)];
    expect(a1.kdf.salt).toBe(a2.kdf.salt);
    expect(a1.kdf.salt).not.toBe(b1.kdf.salt);
    expect(a1.cipher.iv).not.toBe(a2.cipher.iv);
    expect(a1.data).not.toBe(a2.data);
  });

  it("reseals changes with the opened vault, readable with the same passphrase", async () => {
    const sealed = await (await createVault("pass", FAST)).seal(KEYS);
    const { vault } = await openVault(sealed, "pass");
    const changed = await vault.seal({ ...KEYS, anthropic: "sk-ant-new" });
    expect((await openVault(changed, "pass")).keys.anthropic).toBe("sk-ant-new");
  });

  it("reads stored values as sealed keys only when they are, and refuses an empty passphrase", async () => {
    const sealed = await (await createVault("p", FAST)).seal(KEYS);
    expect(asSealedKeys(JSON.parse(JSON.stringify(sealed)))).toEqual(sealed);
    expect(asSealedKeys({ ...sealed, version: 2 })).toBeUndefined();
    expect(asSealedKeys({ openai: "sk-plain" })).toBeUndefined();
    expect(asSealedKeys(null)).toBeUndefined();
    await expect(createVault("")).rejects.toThrow("empty");
  });
});
