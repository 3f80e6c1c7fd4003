/**
 * The negative cases of the `Token errors` folder, run by the collection-level pre-request script (prerequest.ts)
 * for that folder's requests only, after it has read the case header, reset the request's variables and skipped
 * the request when the account is locked: builds the case — the case table (suites/cases.ts), the mutations and
 * the extra algorithms they sign with (mutations.ts), the one signer of the collection (signing.ts) — counts the
 * invalid attempt and keeps the lockout budget.
 */
import { findNegativeCase, NegativeCase } from '../../suites/cases';
import { INJECTED_VARIABLES, RUN_VARIABLES } from '../../suites/variables';
import { exchangeAssertion } from './exchange';
import { mutationTools, otherKeyMaker } from './mutations';
import { fail, Host, textVar } from './pm';
import { countInvalidAttempt, folderCaseProblem, invalidAttempts, retryCount, setExpectation, skipRequest, stopOnLockout } from './run-state';
import { loopbackIdentityOrigin } from './emulator';
import { invalidAttemptBound, otherEnvironmentAud } from './settings';
import { freshParts, withSigning } from './signing';

/**
 * Messages name the case by its request's name (the generator names each request after its case), so the
 * script needs no table of names.
 */
function prepareNegativeCase(host: Host, c: NegativeCase): void {
  const pm = host.pm;
  const name = pm.info.requestName;
  withSigning(host, `${name}: assertion built`, (s) => {
    if (!s) return skipRequest(host, `${name}: not sent, the settings above are incomplete`);
    // A retry after 429 is the same attempt: count it once.
    if (retryCount(host, c.id) === 0) {
      const bound = invalidAttemptBound(host);
      if (invalidAttempts(host) >= bound) {
        return skipRequest(host, `${name}: skipped, max_invalid_attempts (${bound}) reached; raise it to send more invalid attempts`);
      }
      countInvalidAttempt(host);
    }
    // A key generated for lack of an injected one stays for the run as a local variable (never saved, like the
    // runner's injected one it stands in for): the next case that needs it does not generate another.
    const keepOtherKey = (pem: string) => pm.variables.set(INJECTED_VARIABLES.otherPrivateKey, pem);
    const tools = mutationTools(s.key, otherEnvironmentAud(s.settings.aud), otherKeyMaker(textVar(host, INJECTED_VARIABLES.otherPrivateKey), keepOtherKey));
    const build = (): string => {
      const { header, claims } = freshParts(host, s.settings);
      return c.build(header, claims, tools);
    };
    if (!c.replay) {
      pm.variables.set(RUN_VARIABLES.assertion, build());
      return;
    }
    let lastSent = '';
    exchangeAssertion(host, s.settings.tokenUrl, () => (lastSent = build()), (outcome) => {
      if (!outcome.ok && outcome.locked) stopOnLockout(host);
      else if (!outcome.ok) fail(host, `${name}: first use accepted`, { ...outcome.failure, text: `the first use of the assertion must succeed before it can be replayed: ${outcome.failure.text}` });
      pm.variables.set(RUN_VARIABLES.assertion, lastSent);
    });
  });
}

/** A case id no case of the table has is handed over as `folder`: the test script says nothing was built. */
export function prepareTokenErrorsCase(host: Host, caseId: string): void {
  const c = findNegativeCase(caseId);
  if (!c) return setExpectation(host, { kind: 'folder', problem: folderCaseProblem(caseId) });
  setExpectation(host, { kind: 'rejection', subject: c.subject, ...c.expect, origin: loopbackIdentityOrigin(host) });
  prepareNegativeCase(host, c);
}
