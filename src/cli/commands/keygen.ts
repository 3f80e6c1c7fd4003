import type { CliCommand } from '../command';
import { EXIT } from '../../errors';

export const keygenCommand: CliCommand = {
  command: 'keygen',
  describe: 'write a test service account for the emulator: NAME.key.pem (0600), NAME.payload.json, NAME.pub.pem',
  builder: (y) =>
    y
      .option('name', { type: 'string', demandOption: true, describe: 'file name prefix, e.g. svc → svc.key.pem' })
      .option('out', { type: 'string', default: '.', describe: 'folder to write into (created if missing)' })
      .option('account', { type: 'string', describe: 'account part of iss, at most 12 characters [default: --name when it fits, else svcaccount]' })
      .option('tenant', { type: 'string', describe: 'tenant part of iss [default: a random UUID]' })
      .option('bits', { type: 'number', default: 2048, describe: 'RSA key size' })
      .option('aud', { type: 'string', describe: 'aud to put in the payload file (it is recomputed when signing) [default: none]' })
      .option('force', { type: 'boolean', default: false, describe: 'replace existing files' })
      .example('$0 keygen --name svc --out account/', 'a throwaway account for the emulator'),
  run: async (args, io) => {
    // Loaded here, not at the top: keeps `--help` fast.
    const { generateServiceAccount, writeServiceAccount, DEFAULT_ACCOUNT } = await import('../../credentials');
    const { numberArg, stringArg } = await import('../inputs');
    const name = String(args.name);
    const account = stringArg(args.account) ?? (/^[A-Za-z0-9._-]{1,12}$/.test(name) ? name : DEFAULT_ACCOUNT);
    const generated = generateServiceAccount({
      account,
      tenant: stringArg(args.tenant),
      // The range (2048 to 8192, a multiple of 8) is the credentials module's rule.
      bits: numberArg(args, 'bits'),
      aud: stringArg(args.aud),
    });
    const files = writeServiceAccount(String(args.out), name, generated, { force: Boolean(args.force) });
    io.stdout.write(
      [
        `wrote ${files.keyFile} (private key, mode 0600: keep it secret)`,
        `wrote ${files.payloadFile} (iss ${generated.iss})`,
        `wrote ${files.publicKeyFile} (public key: list it in the emulator's accounts file)`,
        '',
      ].join('\n'),
    );
    return { exitCode: EXIT.OK };
  },
};
