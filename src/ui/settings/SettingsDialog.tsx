import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { HOSTED_PROVIDERS, type HostedProvider } from "../../engine/providers/providerTable";
import { useUi } from "../../store/uiStore";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { KeyStorageChoice } from "./KeyStorageChoice";
import { ProviderSection } from "./ProviderSection";
import { StorageSection } from "./StorageSection";
import { TimeoutsSection } from "./TimeoutsSection";
import { listOfNames, type UnsavedField, unsavedFields } from "./unsavedFields";
import "../common/modalDialog.css";
import "./settings.css";

/**
 * Settings, in a native modal <dialog> (it keeps focus inside and the page behind inert).
 * Open while the UI store says so; Escape, Close or a click on the backdrop closes it and focus
 * goes back to where it was. Text it has not saved (a base URL that is not one yet, a
 * passphrase not yet used) is not dropped silently: closing asks first. Opened for a provider,
 * it scrolls to that provider's key field and focuses it.
 */
export function SettingsDialog() {
  const open = useUi((s) => s.settings.open);
  const provider = useUi((s) => s.settings.provider);
  const closeSettings = useUi((s) => s.closeSettings);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const keyFields = useRef<Partial<Record<HostedProvider, HTMLInputElement | null>>>({});
  const titleId = useId();
  /** The fields closing would lose, while the user is asked whether to close anyway. */
  const [unsaved, setUnsaved] = useState<UnsavedField[] | null>(null);
  /** A press that began on the backdrop: only its click closes (not a drag out of a field). */
  const pressedOutside = useRef(false);

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

  const requestClose = () => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const fields = unsavedFields(dialog);
    if (fields.length > 0) setUnsaved(fields);
    else dialog.close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Browsers close a modal dialog on Escape by themselves, but not every one reliably
    // (nor test DOMs), and not after asking: close it here, once.
    if (event.key !== "Escape") return;
    event.preventDefault();
    requestClose();
  };
  // Other close requests (e.g. a phone's back gesture) arrive as "cancel" events.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    requestClose();
  };
  const onPointerDown = (event: PointerEvent<HTMLDialogElement>) => {
    pressedOutside.current = onBackdrop(event);
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    const outside = pressedOutside.current && onBackdrop(event);
    pressedOutside.current = false;
    if (outside) requestClose();
  };
  const keepEditing = () => {
    const first = unsaved?.[0]?.element;
    setUnsaved(null);
    first?.focus();
  };

  return (
    // The question sits beside the dialog, not in it: its close must not read as this one's.
    <>
      <dialog
        ref={dialogRef}
        className="modal-dialog settings-dialog"
        aria-labelledby={titleId}
        onClose={onClose}
        onCancel={onCancel}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onClick={onClick}
      >
        <div className="modal-dialog-header settings-header">
          <h2 id={titleId}>Settings</h2>
          <button type="button" className="secondary" onClick={requestClose}>
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
      {unsaved && (
        <ConfirmDialog
          title="Close Settings and drop what is not saved?"
          text={`Not saved: ${listOfNames(unsaved.map((f) => `${f.name} (${f.why})`))}. Closing drops what is typed there; the saved values stay as they were.`}
          confirmLabel="Close without them"
          cancelLabel="Keep editing"
          onConfirm={() => {
            setUnsaved(null);
            dialogRef.current?.close();
          }}
          onCancel={keepEditing}
        />
      )}
    </>
  );
}

/**
 * The press or click landed on the dialog's backdrop: on the dialog element itself (the
 * backdrop's events go to it) and outside its box. A nested dialog's own events do not count.
 */
function onBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  const dialog = event.currentTarget;
  if (event.target !== dialog) return false;
  const box = dialog.getBoundingClientRect();
  const { clientX: x, clientY: y } = event;
  return x < box.left || x > box.right || y < box.top || y > box.bottom;
}
