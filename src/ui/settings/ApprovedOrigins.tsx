import { useId, useState } from "react";
import { keyOrigins } from "../../engine/providers/keyBinding";
import { type HostedProvider, PROVIDER_TABLE } from "../../engine/providers/providerTable";
import { originOf } from "../../engine/url";
import { useStudio } from "../../store/studioStore";

const SAVE_FAILED =
  "Could not save this in the browser's storage: it holds until the page is reloaded.";

/**
 * Where this provider's saved key may go: its own address, and the servers the user approved
 * for it (each removable). A server is approved here, or from the chat when a run was refused.
 */
export function ApprovedOrigins({ provider }: { provider: HostedProvider }) {
  const id = useId();
  const { title } = PROVIDER_TABLE[provider];
  const credential = useStudio((s) => s.credentials[provider]);
  const approve = useStudio((s) => s.approveKeyOrigins);
  const remove = useStudio((s) => s.removeKeyOrigin);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const approved = credential?.approvedOrigins ?? [];
  const own = keyOrigins(provider, { ...credential, approvedOrigins: [] });

  const add = () => {
    const origin = originOf(typed);
    if (!origin) {
      setProblem("Use an http:// or https:// address.");
      return;
    }
    setProblem(null);
    setTyped("");
    approve([{ provider, origin }]).catch(() => setProblem(SAVE_FAILED));
  };

  return (
    <div className="settings-field settings-origins">
      <p id={`${id}-where`} className="help">
        {own.length > 0
          ? `The ${title} key goes to ${own.join(" and ")}`
          : `The ${title} key goes to the base URL above once it is set`}
        {approved.length > 0 ? ", and to the servers you approved:" : " only."}
      </p>
      {approved.length > 0 && (
        <ul className="settings-origin-list" aria-label={`Servers approved for the ${title} key`}>
          {approved.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>
              <button
                type="button"
                className="secondary"
                aria-label={`Stop sending the ${title} key to ${origin}`}
                onClick={() =>
                  void remove({ provider, origin }).catch(() => setProblem(SAVE_FAILED))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="settings-origin-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input
          aria-label={`Approve a server for the ${title} key`}
          aria-describedby={`${id}-where`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://my-proxy.example"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={typed.trim() === ""}>
          Approve
        </button>
      </form>
      {problem && (
        <p className="settings-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
