import type { FlowFileError } from "../../format";

/**
 * Why a file cannot be imported: each problem as "path: message", the path pointing into the
 * file (`nodes[1].config.memoryWindowSize`) so it can be found and fixed in an editor.
 */
export function ImportRefusal({ errors }: { errors: readonly FlowFileError[] }) {
  return (
    <>
      <p className="import-note">
        Nothing was imported.{" "}
        {errors.length === 1 ? "The problem:" : `${errors.length} problems, in file order:`}
      </p>
      <ul className="import-errors">
        {errors.map((error, i) => (
          // Errors have no id and two can read the same; their order is fixed for a dialog's life.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={i}>
            {error.path === "" ? (
              error.message
            ) : (
              <>
                <code>{error.path}</code>: {error.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
