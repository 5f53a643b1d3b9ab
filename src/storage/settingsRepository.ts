import { STORE, type StudioDatabase } from "./dbSchema";

/**
 * Settings as JSON values under string keys. Values come back `unknown` on purpose: a value
 * written by an older build may not match today's shape, so callers validate (zod) on read.
 */
export class SettingsRepository {
  constructor(private readonly db: StudioDatabase) {}

  get(key: string): Promise<unknown> {
    return this.db.get(STORE.settings, key);
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.db.put(STORE.settings, value, key);
  }

  delete(key: string): Promise<void> {
    return this.db.delete(STORE.settings, key);
  }
}
