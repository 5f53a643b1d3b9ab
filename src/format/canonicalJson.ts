import { compareIds } from "../engine/graph";
import type { PathSegment } from "./flowFileErrors";
import { isSecretKey } from "./secrets";

/*
 * The building blocks of a deterministic file: known keys in a fixed order, every other key
 * after them sorted by code unit (the same in every locale), secrets dropped at any depth.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `value` as plain JSON with sorted keys and no secrets. Values JSON cannot hold
 * (undefined, functions) are left out, as JSON.stringify would; -0 becomes 0.
 */
export function canonical(value: unknown): Json | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  if (typeof value === "object") return ordered(value as Record<string, unknown>, []);
  return undefined;
}

/**
 * `object`'s keys: those of `known` first in that order, then the rest sorted. `known` may
 * give a function to shape a key's value (a node's config, say); others go through canonical.
 */
export function ordered(
  object: Record<string, unknown>,
  known: readonly (string | [string, (value: unknown) => Json | undefined])[],
): { [key: string]: Json } {
  const entries: [string, Json][] = [];
  const seen = new Set<string>();
  for (const spec of known) {
    const [key, shape] = typeof spec === "string" ? [spec, canonical] : spec;
    seen.add(key);
    if (!Object.hasOwn(object, key) || isSecretKey(key)) continue;
    const value = shape(object[key]);
    if (value !== undefined) entries.push([key, value]);
  }
  const rest = Object.keys(object)
    .filter((key) => !seen.has(key) && !isSecretKey(key))
    .sort(compareIds);
  for (const key of rest) {
    const value = canonical(object[key]);
    if (value !== undefined) entries.push([key, value]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
  return Object.fromEntries(entries);
}

/**
 * Like `canonical`, for records whose objects may be keyed by names the user chose (a run's
 * memory heads): where `keysAreNames(path)`, every key is kept, "token" included; elsewhere
 * secrets are dropped as everywhere.
 */
export function canonicalRecords(
  value: unknown,
  keysAreNames: (path: readonly PathSegment[]) => boolean,
  path: PathSegment[] = [],
): Json | undefined {
  if (Array.isArray(value)) {
    return value.map((item, i) => canonicalRecords(item, keysAreNames, [...path, i]) ?? null);
  }
  if (value === null || typeof value !== "object") return canonical(value);
  const names = keysAreNames(path);
  const entries: [string, Json][] = [];
  for (const key of Object.keys(value).sort(compareIds)) {
    if (!names && isSecretKey(key)) continue;
    const item = canonicalRecords((value as Record<string, unknown>)[key], keysAreNames, [
      ...path,
      key,
    ]);
    if (item !== undefined) entries.push([key, item]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
  return Object.fromEntries(entries);
}
