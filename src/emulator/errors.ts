/** Bad emulator input (accounts file, options): one class per failure, a stable code, exit 2. */
import { errorClass, InputError } from '../errors';

export class AccountsFileUnreadableError extends errorClass(InputError, 'ERR_ACCOUNTS_FILE_UNREADABLE') {}

export class AccountsFileFormatError extends errorClass(InputError, 'ERR_ACCOUNTS_FILE_FORMAT') {}

export class AccountKeyError extends errorClass(InputError, 'ERR_ACCOUNT_KEY') {}

export class EmulatorOptionError extends errorClass(InputError, 'ERR_EMULATOR_OPTION') {}

/** The port is taken or the host cannot be bound: the user picks another `--port`/`--host`. */
export class EmulatorListenError extends errorClass(InputError, 'ERR_EMULATOR_LISTEN') {}
