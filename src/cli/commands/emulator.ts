import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const emulatorCommand: CliCommand = {
  command: 'emulator',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'emulator is not implemented yet');
  },
};
