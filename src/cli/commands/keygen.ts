import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const keygenCommand: CliCommand = {
  command: 'keygen',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'keygen is not implemented yet');
  },
};
