/**
 * What `wrap` did, as data (the library's `report`) and as the lines the CLI prints. Request names only: a
 * report never quotes a header value or token that is not a `{{placeholder}}`.
 */
import type { HostMapped } from './hosts';
import type { SourceFormat } from './input';
import type { CollectionAuthChange, ScriptsChange } from './layer';
import type { SignerRemoved } from './signer';

export type LeftAloneReason = 'other-origin' | 'identity-origin' | 'own-auth';

export interface LeftAlone {
  request: string;
  reason: LeftAloneReason;
  /** The origin, or the auth it has of its own (`basic`, `noauth`, `folder "X": basic`, …). */
  detail: string;
}

export interface WrapReport {
  /** The input's name in messages (the file name for the CLI). */
  source: string;
  format: SourceFormat;
  /** Every request of the collection. */
  requests: number;
  /** Requests to a product API URL that now inherit the layer. */
  wrapped: string[];
  /** Token requests whose assertion the layer signs (Unico's `JWT Bearer Grant`). */
  tokenExchange: string[];
  /** Requests of the generated suites (they carry `X-IdCloud-Case`): kept exactly as generated. */
  suiteCases: string[];
  leftAlone: LeftAlone[];
  hostsMapped: HostMapped[];
  /** Credentials folded into the layer: `where` is a request's or folder's path. */
  folded: { where: string; what: string }[];
  signerRemoved?: SignerRemoved;
  /** Variables that held a private key or a JWT: emptied, so the written file carries no secret. */
  secretsEmptied: string[];
  collectionAuth: CollectionAuthChange['change'];
  /** The collection's former auth when it was replaced. */
  formerCollectionAuth?: string;
  /** Requests to other origins that keep the auth they inherited (the collection's or a folded folder's) as their own. */
  formerAuthKeptBy: string[];
  /** The layer's scripts: new, brought up to date, or already current. */
  scripts: ScriptsChange;
  /** Collection-level events of the user's, kept after ours. */
  userCollectionScripts: number;
  /** What the user should do next (variables to fill). */
  notes: string[];
  /** True when the output equals the input (wrapping a current wrap). */
  unchanged: boolean;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function grouped(mapped: readonly HostMapped[]): string {
  const counts = new Map<string, number>();
  for (const m of mapped) {
    const key = `${m.host} → {{${m.variable}}}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => (n === 1 ? key : `${key} ×${n}`)).join(', ');
}

/** The CLI's account of the wrap, one line each. */
export function reportLines(report: WrapReport): string[] {
  const lines: string[] = [];
  const from = report.format === 'v2.0.0' ? ' (Collection v2.0.0, written as v2.1.0)' : '';
  // A collection idcloud-postman generated or wrapped before: its requests already inherit the layer.
  const hadLayer = report.collectionAuth === 'current' && report.scripts !== 'added';
  const state = report.unchanged ? '; already wrapped with the current auth layer, nothing changed' : hadLayer ? '; already wrapped (it had the auth layer)' : '';
  lines.push(`${report.source}: ${count(report.requests, 'request')}${from}${state}`);
  if (report.wrapped.length > 0 || !hadLayer) {
    lines.push(`  wrapped: ${count(report.wrapped.length, 'request inherits', 'requests inherit')} the auth layer (bearer {{idcloud_access_token}}, signed and cached by the collection)`);
  }
  if (report.tokenExchange.length > 0) lines.push(`  token exchange signed by the layer: ${report.tokenExchange.map((r) => `"${r}"`).join(', ')}`);
  if (report.suiteCases.length > 0) lines.push(`  suite requests of a generated collection, kept as generated: ${report.suiteCases.length}`);
  if (report.hostsMapped.length > 0) lines.push(`  hosts mapped: ${report.hostsMapped.length} (${grouped(report.hostsMapped)})`);
  for (const v of report.hostsMapped.filter((m) => m.where.startsWith('variable '))) lines.push(`    ${v.where} → {{${v.variable}}}`);
  if (report.folded.length > 0) {
    const kinds = new Map<string, number>();
    for (const f of report.folded) kinds.set(f.what, (kinds.get(f.what) ?? 0) + 1);
    lines.push(`  folded into the layer: ${[...kinds].map(([what, n]) => (n === 1 ? what : `${what} ×${n}`)).join(', ')}`);
  }
  if (report.signerRemoved) {
    const s = report.signerRemoved;
    const parts = [
      ...(s.variables.length > 0 ? [`collection variable ${s.variables.join(', ')} (the jsrsasign library)`] : []),
      ...(s.scripts.length > 0 ? [`the script that evaluated it: ${s.scripts.join(', ')}`] : []),
    ];
    lines.push(`  signer removed: ${parts.join('; ')}; the auth layer signs instead`);
  }
  if (report.secretsEmptied.length > 0) {
    lines.push(`  secrets emptied: variable ${report.secretsEmptied.join(', ')} (a private key or a token); put the key in the environment's private_key or the Postman Vault`);
  }
  const auth = {
    added: 'added the auth layer',
    current: 'the auth layer, already there',
    replaced: `replaced ${report.formerCollectionAuth ?? ''} by the auth layer`,
    moved: `replaced ${report.formerCollectionAuth ?? ''} by the auth layer`,
  }[report.collectionAuth];
  lines.push(`  collection auth: ${auth}`);
  if (report.formerAuthKeptBy.length > 0) {
    lines.push(`  requests to other origins keeping the auth they inherited, now as their own: ${report.formerAuthKeptBy.map((r) => `"${r}"`).join(', ')}`);
  }
  const scripts = { added: 'added', updated: 'brought up to date', current: 'already current' }[report.scripts];
  lines.push(`  collection scripts: ours ${scripts}${report.userCollectionScripts > 0 ? `; your ${count(report.userCollectionScripts, 'collection-level script')} kept, run after ours` : ''}`);
  if (report.leftAlone.length > 0) {
    lines.push(`  left alone: ${count(report.leftAlone.length, 'request')}`);
    const why = { 'other-origin': 'other origin, no token sent', 'identity-origin': 'identity service, no token sent', 'own-auth': 'auth of its own' };
    for (const r of report.leftAlone) lines.push(`    "${r.request}": ${why[r.reason]} (${r.detail})`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines;
}
