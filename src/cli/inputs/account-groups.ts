/**
 * doctor's view of accounts per environment: environments that name the same account sources are checked
 * together (one set of lines), every other account on its own; and two environments that sign with one key get
 * a warning, since Unico issues a separate service account for Homologation and Production.
 */
import { createPublicKey } from 'node:crypto';
import type { CheckLine, PayloadInput, PrivateKeyInfo } from '../../credentials';
import type { Environment } from '../../environments';
import { environmentKeyInput, environmentPayloadInput, loadKeyInput, ownAccountIdentity, perEnvironmentVariable } from './accounts';
import { configuredEnvironments } from './config-file';
import type { Args } from './flags';

type Env = Readonly<Record<string, string | undefined>>;

export interface AccountGroup {
  environments: Environment[];
  /** The group's own account; undefined: the global one (flags, IDCLOUD_*, top-level config). */
  sources?: { payloadInput: () => PayloadInput; loadKey: () => PrivateKeyInfo };
}

/** Environments grouped by where their payload and key come from, in --env order. No environments: one global group. */
export function accountGroups(args: Args, env: Env, environments: readonly Environment[]): AccountGroup[] {
  if (environments.length === 0) return [{ environments: [] }];
  const groups = new Map<string, AccountGroup>();
  for (const e of environments) {
    const identity = ownAccountIdentity(args, env, e.name) ?? GLOBAL;
    const group = groups.get(identity);
    if (group) {
      group.environments.push(e);
      continue;
    }
    groups.set(identity, {
      environments: [e],
      sources: identity === GLOBAL ? undefined : {
        payloadInput: () => environmentPayloadInput(args, env, e.name),
        loadKey: () => loadKeyInput(environmentKeyInput(args, env, e.name), env),
      },
    });
  }
  return [...groups.values()];
}

const GLOBAL = 'global';

/** One warning per key that signs for more than one environment. */
export function sharedKeyLines(checked: { environments: Environment[]; key?: PrivateKeyInfo }[], args: Args): CheckLine[] {
  const byKey = new Map<string, { names: string[] }>();
  for (const { environments, key } of checked) {
    if (!key) continue;
    const id = createPublicKey(key.keyObject).export({ type: 'spki', format: 'der' }).toString('base64');
    const entry = byKey.get(id) ?? { names: [] };
    entry.names.push(...environments.map((e) => e.name));
    byKey.set(id, entry);
  }
  const configured = configuredEnvironments(args);
  const lines: CheckLine[] = [];
  for (const { names } of byKey.values()) {
    if (names.length < 2) continue;
    const other = names[names.length - 1];
    const where = configured[other] ? `--config environments.${other}.key` : perEnvironmentVariable(other, 'key');
    lines.push({
      check: 'key',
      status: 'warn',
      message: `${names.join(' and ')} sign with the same key; Unico issues a separate service account per environment (Homologation, Production) — give each its own, e.g. ${where}`,
    });
  }
  return lines;
}
