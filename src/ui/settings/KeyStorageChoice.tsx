import { useId, useState } from "react";
import type { KeyStorage } from "../../store/credentialsStore";
import { useStudio } from "../../store/studioStore";

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
];

/** Where API keys are kept: saved in IndexedDB, or only for this tab's session. */
export function KeyStorageChoice() {
  const id = useId();
  const mode = useStudio((s) => s.keyStorage);
  const setKeyStorage = useStudio((s) => s.setKeyStorage);
  const [error, setError] = useState<string | null>(null);

  const choose = (next: KeyStorage) => {
    setError(null);
    setKeyStorage(next).catch(() =>
      setError("Could not update this browser's storage. Reload the page and try again."),
    );
  };

  return (
    <section className="settings-section settings-key-storage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Keep API keys</h3>
      <div role="radiogroup" aria-labelledby={`${id}-title`} className="settings-choices">
        {CHOICES.map((choice) => (
          <div key={choice.mode} className="settings-choice">
            <label>
              <input
                type="radio"
                name={`${id}-mode`}
                value={choice.mode}
                checked={mode === choice.mode}
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
      {error && (
        <p className="settings-problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
