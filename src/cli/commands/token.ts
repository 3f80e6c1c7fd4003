import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const tokenCommand: CliCommand = {
  command: 'token',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'token is not implemented yet');
  },
};
