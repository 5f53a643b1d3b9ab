import { useId, useState } from "react";
import { useStudio } from "../../store/studioStore";

interface PassphraseFormProps {
  /** "lock": choose a passphrase (typed twice) and seal the keys; "unlock": open them. */
  purpose: "lock" | "unlock";
  onDone?: () => void;
}

/** A passphrase to seal the saved keys with, or to unlock them for this page load. */
export function PassphraseForm({ purpose, onDone }: PassphraseFormProps) {
  const id = useId();
  const lockKeys = useStudio((s) => s.lockKeys);
  const unlockKeys = useStudio((s) => s.unlockKeys);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const locking = purpose === "lock";

  const submit = async () => {
    if (locking && passphrase !== again) {
      setProblem("The two passphrases differ: type the same one twice.");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await (locking ? lockKeys(passphrase) : unlockKeys(passphrase));
      setPassphrase("");
      setAgain("");
      onDone?.();
    } catch (error) {
      // The wrong-passphrase message says that nothing changed; others are storage failures.
      setProblem(error instanceof Error ? error.message : "Could not do that. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-passphrase"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {!locking && <p className="note">Your saved keys are locked.</p>}
      <label htmlFor={`${id}-pass`}>{locking ? "New passphrase" : "Passphrase"}</label>
      <input
        id={`${id}-pass`}
        type="password"
        autoComplete={locking ? "new-password" : "current-password"}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      {locking && (
        <>
          <label htmlFor={`${id}-again`}>Passphrase again</label>
          <input
            id={`${id}-again`}
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </>
      )}
      <button type="submit" disabled={busy || passphrase === ""}>
        {busy ? "Working…" : locking ? "Lock keys with this passphrase" : "Unlock keys"}
      </button>
      {problem && (
        <p className="settings-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
