import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const runCommand: CliCommand = {
  command: 'run',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'run is not implemented yet');
  },
};
