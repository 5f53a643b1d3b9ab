/** Small line icons for the chat's compact controls; decorative, each button is named in words. */
function Icon({ d }: { d: string }) {
  return (
    <svg
      className="chat-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

export const PlusIcon = () => <Icon d="M12 5v14M5 12h14" />;
export const PencilIcon = () => <Icon d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4" />;
export const TrashIcon = () => <Icon d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />;
export const RetryIcon = () => <Icon d="M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6" />;
export const ArrowDownIcon = () => <Icon d="M12 5v14M6 13l6 6 6-6" />;
