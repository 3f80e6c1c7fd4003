/**
 * The product APIs' data: processes created by POST, fetched by GET, per API and per tenant (a tenant
 * never sees another's processes: 404). Bounded so that a long fuzz or load run cannot grow it forever.
 */
import { randomUUID } from 'node:crypto';

export interface ProcessRecord {
  id: string;
  status: 'created';
  createdAt: string;
}

export interface ProcessStore {
  create(api: string, tenant: string, nowMs: number): ProcessRecord;
  find(api: string, tenant: string, id: string): ProcessRecord | undefined;
}

const MAX_PROCESSES = 10_000;

export function createProcessStore(): ProcessStore {
  const records = new Map<string, ProcessRecord>();
  const keyOf = (api: string, tenant: string, id: string) => `${api}\n${tenant}\n${id}`;
  return {
    create(api, tenant, nowMs) {
      const record: ProcessRecord = { id: randomUUID(), status: 'created', createdAt: new Date(nowMs).toISOString() };
      records.set(keyOf(api, tenant, record.id), record);
      // Maps iterate in insertion order: the first key is the oldest.
      if (records.size > MAX_PROCESSES) records.delete(records.keys().next().value as string);
      return record;
    },
    find: (api, tenant, id) => records.get(keyOf(api, tenant, id)),
  };
}
