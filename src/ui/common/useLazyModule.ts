import { useEffect, useState } from "react";

/** Modules already loaded, by loader: a second user of one gets it on its first render. */
const loadedModules = new WeakMap<() => Promise<unknown>, unknown>();

/**
 * A module behind `import()`, fetched once `wanted` is first true, and null until it arrives.
 * Unlike React.lazy, nothing suspends: React's Suspense holds a revealed fallback for about
 * 0.3 s, which a panel the user just asked for should not wait on. `load` must be a constant
 * (defined at module level), so the loaded module is shared by every caller.
 */
export function useLazyModule<T extends object>(load: () => Promise<T>, wanted: boolean): T | null {
  const [module, setModule] = useState<T | null>(
    () => (loadedModules.get(load) as T | undefined) ?? null,
  );
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    load().then(
      (loaded) => {
        loadedModules.set(load, loaded);
        if (live) setModule(() => loaded);
      },
      // Offline, or a new version deployed: stay empty, and try again when wanted anew.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [load, wanted, module]);
  return module;
}
