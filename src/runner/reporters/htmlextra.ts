/** `htmlextra`: newman-reporter-htmlextra's HTML page per environment, when that package is installed. */
import type { RunReporter } from './types';

export function htmlextraInstalled(): boolean {
  try {
    require.resolve('newman-reporter-htmlextra');
    return true;
  } catch {
    return false;
  }
}

export const reporter: RunReporter = {
  name: 'htmlextra',
  isDefault: (ctx) => Boolean(ctx.reportDir) && htmlextraInstalled(),
  problem: () => (htmlextraInstalled() ? undefined : 'newman-reporter-htmlextra is not installed; run npm install newman-reporter-htmlextra'),
  file: {
    suffix: 'html',
    newmanOptions: (envName) => ({ title: `idcloud-postman · ${envName}`, browserTitle: `idcloud ${envName}`, showEnvironmentData: false, skipSensitiveData: true }),
  },
};
