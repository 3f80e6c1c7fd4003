import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../../errors';

export const keygenCommand: CliCommand = {
  command: 'keygen',
  describe: "write a test service account for the emulator: NAME.key.pem (0600), NAME.payload.json, NAME.pub.pem, and add it to the emulator's accounts file",
  builder: (y) =>
    y
      .option('name', { type: 'string', demandOption: true, describe: 'file name prefix, e.g. svc → svc.key.pem' })
      .option('out', { type: 'string', default: '.', describe: 'folder to write into (created if missing)' })
      .option('accounts', { type: 'string', describe: "the emulator's accounts file to add the account to (created if missing) [default: OUT/accounts.json]" })
      .option('account', { type: 'string', describe: 'account part of iss, at most 12 characters [default: --name when it fits, else svcaccount]' })
      .option('tenant', { type: 'string', describe: 'tenant part of iss [default: a random UUID]' })
      .option('bits', { type: 'number', default: 2048, describe: 'RSA key size' })
      .option('aud', { type: 'string', describe: 'aud to put in the payload file (it is recomputed when signing) [default: none]' })
      .option('force', { type: 'boolean', default: false, describe: 'replace existing files' })
      .example('$0 keygen --name svc --out account/', 'then: $0 emulator --accounts account/accounts.json'),
  run: async (args, io) => {
    // Loaded here, not at the top: keeps `--help` fast.
    const { randomBytes } = await import('node:crypto');
    const { generateServiceAccount, writeServiceAccount, DEFAULT_ACCOUNT } = await import('../../credentials');
    const { addToAccountsFile, publicKeyPathFor, readAccountsFileEntries } = await import('../../emulator/accounts-file');
    const { numberArg, stringArg } = await import('../inputs');
    const name = String(args.name);
    const out = String(args.out);
    const accountsFile = stringArg(args.accounts) ?? path.join(out, 'accounts.json');
    // Read before anything is written: a malformed accounts file leaves no half-made account behind.
    const existing = readAccountsFileEntries(accountsFile);
    const account = stringArg(args.account) ?? (/^[A-Za-z0-9._-]{1,12}$/.test(name) ? name : DEFAULT_ACCOUNT);
    const generated = generateServiceAccount({
      account,
      tenant: stringArg(args.tenant),
      // The range (2048 to 8192, a multiple of 8) is the credentials module's rule.
      bits: numberArg(args, 'bits'),
      aud: stringArg(args.aud),
    });
    const files = writeServiceAccount(out, name, generated, { force: Boolean(args.force) });
    const apiKey = `${account}-${randomBytes(12).toString('hex')}`;
    const { existed } = addToAccountsFile(accountsFile, { iss: generated.iss, publicKey: publicKeyPathFor(accountsFile, files.publicKeyFile), apiKey, status: 'active' }, existing);
    io.stdout.write(
      [
        `wrote ${files.keyFile} (private key, mode 0600: keep it secret)`,
        `wrote ${files.payloadFile} (iss ${generated.iss})`,
        `wrote ${files.publicKeyFile} (public key)`,
        `${existed ? 'added the account to' : 'wrote'} ${accountsFile} (the emulator's accounts file, with the account's API key): idcloud-postman emulator --accounts ${accountsFile}`,
        '',
      ].join('\n'),
    );
    return { exitCode: EXIT.OK };
  },
};
