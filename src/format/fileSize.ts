import { type FlowFileError, fileError } from "./flowFileErrors";

const MB = 1024 * 1024;

/** The largest flow file accepted unless the caller says otherwise: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * MB;

/**
 * The refusal for a file of `bytes` bytes, or null if it is small enough. The UI can call
 * this with File.size before reading a huge file into memory at all.
 */
export function flowFileTooLarge(
  bytes: number,
  maxBytes: number = DEFAULT_MAX_BYTES,
): FlowFileError | null {
  if (bytes <= maxBytes) return null;
  let size = formatSize(bytes);
  // "10 MB; the largest is 10 MB" would read as a contradiction: give the exact count then.
  if (size === formatSize(maxBytes)) size = `${bytes} bytes`;
  return fileError(
    "",
    `The file is ${size}; the largest flow file accepted is ${formatSize(maxBytes)}.`,
  );
}

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const trim = (n: number) => String(Math.round(n * 10) / 10);

/** UTF-8 length of a string without allocating its bytes (no TextEncoder in the engine's lib). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The size refusal for a text, checked cheaply first: UTF-8 never has fewer bytes than UTF-16 units. */
export function textTooLarge(text: string, maxBytes: number): FlowFileError | null {
  if (text.length > maxBytes) return flowFileTooLarge(utf8Length(text), maxBytes);
  if (text.length * 3 <= maxBytes) return null;
  return flowFileTooLarge(utf8Length(text), maxBytes);
}
