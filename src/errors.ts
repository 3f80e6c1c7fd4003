/**
 * Base of every error the library throws on purpose (jose style: a class per failure, a stable `code`).
 * The CLI prints `message` as one line and exits with `exitCode`; it never prints a stack for these.
 */
export const EXIT = Object.freeze({ OK: 0, TEST_FAILED: 1, BAD_INPUT: 2, UNREACHABLE: 3 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, in the words of `--help` and the run's verdict line. */
export const EXIT_MEANING: Readonly<Record<ExitCode, string>> = Object.freeze({
  [EXIT.OK]: 'all passed',
  [EXIT.TEST_FAILED]: 'a test failed',
  [EXIT.BAD_INPUT]: 'bad input or usage',
  [EXIT.UNREACHABLE]: 'an environment could not be reached or the run could not complete',
});

export class IdcloudPostmanError extends Error {
  /** Stable, machine-readable; never changes once released. */
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode = EXIT.BAD_INPUT) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad input or usage: exit 2. The message names the file or field and says what to do. */
export class InputError extends IdcloudPostmanError {
  constructor(code: string, message: string) {
    super(code, message, EXIT.BAD_INPUT);
  }
}

/** An environment could not be reached or the run could not complete: exit 3. */
export class UnreachableError extends IdcloudPostmanError {
  constructor(code: string, message: string) {
    super(code, message, EXIT.UNREACHABLE);
  }
}

/**
 * One error class of a family: `class KeyMissingError extends errorClass(CredentialError, 'ERR_KEY_MISSING') {}`.
 * The class carries its stable `code` (also as a static) and takes only the one-line message.
 */
export function errorClass<T extends IdcloudPostmanError>(
  Family: new (code: string, message: string) => T,
  code: string,
): { new (message: string): T; readonly code: string } {
  const Base = Family as new (code: string, message: string) => IdcloudPostmanError;
  return class extends Base {
    static readonly code = code;
    constructor(message: string) {
      super(code, message);
    }
  } as unknown as { new (message: string): T; readonly code: string };
}
