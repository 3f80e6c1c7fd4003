/** Bad emulator input (accounts file, options): one class per failure, a stable code, exit 2. */
import { InputError } from '../errors';

export class AccountsFileUnreadableError extends InputError {
  constructor(message: string) {
    super('ERR_ACCOUNTS_FILE_UNREADABLE', message);
  }
}

export class AccountsFileFormatError extends InputError {
  constructor(message: string) {
    super('ERR_ACCOUNTS_FILE_FORMAT', message);
  }
}

export class AccountKeyError extends InputError {
  constructor(message: string) {
    super('ERR_ACCOUNT_KEY', message);
  }
}

export class EmulatorOptionError extends InputError {
  constructor(message: string) {
    super('ERR_EMULATOR_OPTION', message);
  }
}

/** The port is taken or the host cannot be bound: the user picks another `--port`/`--host`. */
export class EmulatorListenError extends InputError {
  constructor(message: string) {
    super('ERR_EMULATOR_LISTEN', message);
  }
}
