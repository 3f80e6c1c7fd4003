/**
 * The product APIs' data: records created by POST and fetched by id, per tenant (a tenant never sees
 * another's: 404). Bounded so that a long fuzz or load run cannot grow it forever: past MAX_PROCESSES the
 * oldest record goes.
 */
export interface ProcessStore<T extends { id: string; tenant: string }> {
  add(record: T): T;
  find(tenant: string, id: string): T | undefined;
  /** By id alone: the emulator's own control path, which has no tenant. */
  byId(id: string): T | undefined;
  values(): IterableIterator<T>;
}

export const MAX_PROCESSES = 10_000;

export function createProcessStore<T extends { id: string; tenant: string }>(max = MAX_PROCESSES): ProcessStore<T> {
  const records = new Map<string, T>();
  return {
    add(record) {
      records.set(record.id, record);
      // Maps iterate in insertion order: the first key is the oldest.
      if (records.size > max) records.delete(records.keys().next().value as string);
      return record;
    },
    find(tenant, id) {
      const record = records.get(id);
      return record && record.tenant === tenant ? record : undefined;
    },
    byId: (id) => records.get(id),
    values: () => records.values(),
  };
}
