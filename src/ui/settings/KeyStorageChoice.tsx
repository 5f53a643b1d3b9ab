import { useId, useState } from "react";
import type { KeyStorage } from "../../store/credentialsStore";
import { useStudio } from "../../store/studioStore";
import { PassphraseForm } from "./PassphraseForm";

const CHOICES: { mode: KeyStorage; label: string; help: string }[] = [
  {
    mode: "browser",
    label: "In this browser",
    help: "Saved in this browser's storage (IndexedDB) until you delete them.",
  },
  {
    mode: "session",
    label: "For this session only",
    help: "Kept while this tab is open, never saved. Choosing this deletes the keys saved in this browser.",
  },
  {
    mode: "passphrase",
    label: "In this browser, locked with a passphrase",
    help: "Saved encrypted (AES-GCM, the key derived from your passphrase); you unlock them once each time the page opens. A forgotten passphrase cannot be recovered: enter the keys again.",
  },
];

/** Where API keys are kept: saved in IndexedDB, sealed with a passphrase, or only for this tab. */
export function KeyStorageChoice() {
  const id = useId();
  const mode = useStudio((s) => s.keyStorage);
  const locked = useStudio((s) => s.keysLocked);
  const setKeyStorage = useStudio((s) => s.setKeyStorage);
  // Passphrase mode is chosen here first, then confirmed with a passphrase below.
  const [choosingPassphrase, setChoosingPassphrase] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (next: KeyStorage) => {
    setError(null);
    if (next === "passphrase") {
      setChoosingPassphrase(true);
      return;
    }
    setChoosingPassphrase(false);
    setKeyStorage(next).catch((e: unknown) =>
      setError(
        locked
          ? "Unlock the saved keys first."
          : e instanceof Error && e.message.startsWith("Unlock")
            ? e.message
            : "Could not update this browser's storage. Reload the page and try again.",
      ),
    );
  };
  const shown = choosingPassphrase ? "passphrase" : mode;

  return (
    <section className="settings-section settings-key-storage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Keep API keys</h3>
      {mode === "passphrase" && locked && <PassphraseForm purpose="unlock" />}
      <div role="radiogroup" aria-labelledby={`${id}-title`} className="settings-choices">
        {CHOICES.map((choice) => (
          <div key={choice.mode} className="settings-choice">
            <label>
              <input
                type="radio"
                name={`${id}-mode`}
                value={choice.mode}
                checked={shown === choice.mode}
                disabled={locked && choice.mode !== mode}
                aria-describedby={`${id}-${choice.mode}-help`}
                onChange={() => choose(choice.mode)}
              />
              {choice.label}
            </label>
            <p id={`${id}-${choice.mode}-help`} className="help">
              {choice.help}
            </p>
          </div>
        ))}
      </div>
      {choosingPassphrase && mode !== "passphrase" && (
        <PassphraseForm purpose="lock" onDone={() => setChoosingPassphrase(false)} />
      )}
      {error && (
        <p className="settings-problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
