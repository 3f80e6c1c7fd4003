/**
 * jest (setupFiles): tests run in a sandbox whose `process` is a copy, so the runner's loadNewman, which leaves out
 * newman's `[DEP0176] fs.F_OK` warning on Node 24 (src/runner/newman-types.ts), patches the copy while Node emits
 * the warning on the real process. The same rule, applied once per worker on the real process; every other warning
 * still shows.
 */
import vm from 'node:vm';
import { isNewmansFsDeprecation } from '../../src/runner/newman-types';

const real = vm.runInThisContext('process') as NodeJS.Process & { [patched]?: true };
const patched = Symbol.for('idcloud-postman.newman-warning');
if (!real[patched]) {
  real[patched] = true;
  const emitWarning = real.emitWarning;
  real.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    if (isNewmansFsDeprecation(warning, rest)) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof real.emitWarning;
}
