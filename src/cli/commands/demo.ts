import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const demoCommand: CliCommand = {
  command: 'demo',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'demo is not implemented yet');
  },
};
