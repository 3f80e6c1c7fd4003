import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const generateCommand: CliCommand = {
  command: 'generate',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'generate is not implemented yet');
  },
};
