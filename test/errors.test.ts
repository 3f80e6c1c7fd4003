/**
 * Errors are defined one way (jose style, issue 21): every class the library throws has its stable `code` as a
 * static and on each instance, keeps the error that caused it as `cause`, and families cannot be thrown as such.
 */
import { errors, EXIT, EXIT_MEANING, IdcloudPostmanError, InputError, UnreachableError } from '../src';
import { UsageError } from '../src/cli/usage-error';

type AnyClass = (abstract new (...args: never[]) => IdcloudPostmanError) & { code?: string; exitCode: number };
const classes = Object.entries(errors as unknown as Record<string, AnyClass>);
const thrown = classes.filter(([, C]) => C.code !== undefined);
const families = classes.filter(([, C]) => C.code === undefined);

/** One instance of a class made by errorClass, with a cause (the token classes take details). */
function make(C: AnyClass, cause: Error): IdcloudPostmanError {
  const Concrete = C as unknown as new (message: string, details: object) => IdcloudPostmanError;
  return new Concrete('one line', { environment: 'local', reason: 'ECONNREFUSED', cause });
}

test('every thrown class has a static code, unique, and its instances carry it with the cause', () => {
  expect(thrown.length).toBeGreaterThan(60);
  const codes = thrown.map(([, C]) => C.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const [name, C] of thrown) {
    const cause = new Error('the original');
    const error = make(C, cause);
    expect({ name, code: error.code, errorName: error.name, cause: error.cause, message: error.message }).toEqual({
      name, code: C.code, errorName: name, cause, message: 'one line',
    });
    expect(C.code).toMatch(/^ERR_[A-Z0-9_]+$/);
    expect([EXIT.TEST_FAILED, EXIT.BAD_INPUT, EXIT.UNREACHABLE]).toContain(error.exitCode);
    expect(error).toBeInstanceOf(Error);
  }
});

test('families give the exit code and cannot be thrown themselves', () => {
  expect(families.map(([name]) => name).sort()).toEqual(['CredentialError', 'IdcloudPostmanError', 'InputError', 'TokenExchangeError', 'UnreachableError', 'V3FormatError', 'WrapInputError']);
  for (const [name, C] of families) {
    const Concrete = C as unknown as new (message: string, details: object) => IdcloudPostmanError;
    expect(() => new Concrete('x', { environment: 'local' })).toThrow(`${name} is a family of errors`);
  }
  expect(new errors.KeyMissingError('x')).toBeInstanceOf(InputError);
  expect(new errors.KeyMissingError('x').exitCode).toBe(EXIT.BAD_INPUT);
  expect(new errors.TokenEndpointUnreachableError('x', { environment: 'e', reason: 'ETIMEDOUT' })).toBeInstanceOf(UnreachableError);
  expect(new errors.TokenServerError('x', { environment: 'e' }).exitCode).toBe(EXIT.UNREACHABLE);
  expect(new errors.TokenRefusedError('x', { environment: 'e' }).exitCode).toBe(EXIT.TEST_FAILED);
  expect(new errors.TokenBadResponseError('x', { environment: 'e', unavailable: true }).exitCode).toBe(EXIT.UNREACHABLE);
});

test('the CLI usage code has its class (no code is invented where it is thrown)', () => {
  const error = new UsageError('--port: "x" must be a whole number');
  expect([UsageError.code, error.code, error.exitCode, error instanceof InputError]).toEqual(['ERR_USAGE', 'ERR_USAGE', EXIT.BAD_INPUT, true]);
});

test("EXIT_MEANING says what README's exit-code paragraph says, code by code", () => {
  const readme = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'README.md'), 'utf8') as string;
  const paragraph = /^Exit codes of every command: ([\s\S]*?)\n\n/m.exec(readme)?.[1] ?? '';
  // The asides in parentheses aside, one line.
  const plain = paragraph.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ');
  for (const [code, meaning] of Object.entries(EXIT_MEANING)) expect(plain).toContain(`\`${code}\` ${meaning}`);
});
