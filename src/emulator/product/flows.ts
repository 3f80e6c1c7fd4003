/**
 * by Unico's flows as documented (idcloud-auth.md §5): which exist, which sign documents (and so carry
 * `payload[].envelopePayload.documents[]`), and which identify the person otherwise than by CPF.
 */
export const FLOWS = ['id', 'idcheck', 'iddocs', 'idsign', 'iddocssign', 'idtoken', 'idsmart', 'idunicodocs_r2'] as const;
export type Flow = (typeof FLOWS)[number];

export const SIGN_FLOWS: ReadonlySet<Flow> = new Set(['idsign', 'iddocssign']);

/** idtoken names the person by `bioTokenId`; every other flow needs `person.duiType` + `person.duiValue`. */
export const FLOWS_WITHOUT_PERSON: ReadonlySet<Flow> = new Set(['idtoken']);

export function isFlow(value: unknown): value is Flow {
  return typeof value === 'string' && (FLOWS as readonly string[]).includes(value);
}

export const DUI_TYPE_CPF = 'DUI_TYPE_BR_CPF';

/** Unico's default when `expiresIn` is not given: 7 days. */
export const DEFAULT_EXPIRES_IN_SECONDS = 7 * 24 * 3600;

/** How long a finished process keeps its files (hours → ms). */
export const SELFIE_RETENTION_MS = 8 * 3600 * 1000;
export const EVIDENCE_SET_RETENTION_MS = 2 * 3600 * 1000;
