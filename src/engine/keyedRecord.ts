/*
 * Records keyed by names users choose: memory ids and node ids. "__proto__", "constructor",
 * "toString" and "valueOf" are valid ids, so a plain object would hand back what it inherits
 * from Object.prototype for them (or, on assignment, change its prototype). These records have
 * no prototype, and reads take only a record's own values, so every name is just a key: also
 * for records read back from storage or a file, which come back as plain objects.
 */

/** An empty record without a prototype, or a copy of `from`'s own entries in one. */
export function keyedRecord<V>(from?: Readonly<Record<string, V>> | null): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  if (from) for (const key of Object.keys(from)) record[key] = from[key] as V;
  return record;
}

/** The value stored under `key` itself: never one inherited from Object.prototype. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
