import type { CliCommand } from '../command';
import { InputError } from '../../errors';

export const doctorCommand: CliCommand = {
  command: 'doctor',
  describe: 'not implemented yet',
  builder: (y) => y,
  run: async () => {
    throw new InputError('ERR_NOT_IMPLEMENTED', 'doctor is not implemented yet');
  },
};
