import { type KeyboardEvent, useEffect, useId, useRef } from "react";
import { HOSTED_PROVIDERS, type HostedProvider } from "../../engine/providers/providerTable";
import { useUi } from "../../store/uiStore";
import { KeyStorageChoice } from "./KeyStorageChoice";
import { ProviderSection } from "./ProviderSection";
import { StorageSection } from "./StorageSection";
import { TimeoutsSection } from "./TimeoutsSection";
import "./settings.css";

/**
 * Settings, in a native modal <dialog> (it keeps focus inside and the page behind inert).
 * Open while the UI store says so; Escape or Close closes it and focus goes back to where it
 * was. Opened for a provider, it scrolls to that provider's key field and focuses it.
 */
export function SettingsDialog() {
  const open = useUi((s) => s.settings.open);
  const provider = useUi((s) => s.settings.provider);
  const closeSettings = useUi((s) => s.closeSettings);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const keyFields = useRef<Partial<Record<HostedProvider, HTMLInputElement | null>>>({});
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // Browsers move focus in themselves; not all test DOMs do, and a key press must land here.
      if (!dialog.contains(document.activeElement)) dialog.querySelector("button")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // After the effect above: showModal focuses the first control, this moves focus on.
  useEffect(() => {
    if (!open || !provider || provider === "echo") return;
    const field = keyFields.current[provider];
    if (!field) return;
    field.closest("section")?.scrollIntoView?.({ block: "start" });
    field.focus({ preventScroll: true });
  }, [open, provider]);

  // "close" follows Escape, the Close button and a close from the store alike.
  const onClose = () => {
    closeSettings();
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Browsers close a modal dialog on Escape by themselves, but not every one reliably
    // (nor test DOMs): close it here, once.
    if (event.key !== "Escape") return;
    event.preventDefault();
    dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div className="settings-header">
        <h2 id={titleId}>Settings</h2>
        <button type="button" className="secondary" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      {/* Mounted only while open: a test result or a storage estimate is fresh each time. */}
      {open && (
        <div className="settings-body">
          <p className="note">Changes are saved as you type.</p>
          <KeyStorageChoice />
          {HOSTED_PROVIDERS.map((p) => (
            <ProviderSection
              key={p}
              provider={p}
              keyFieldRef={(element) => {
                keyFields.current[p] = element;
              }}
            />
          ))}
          <TimeoutsSection />
          <StorageSection />
        </div>
      )}
    </dialog>
  );
}
