/**
 * The script texts that run inside Postman: each module of src/sandbox/script/entries/ bundled into a text
 * (scripts/sandbox-scripts-module.js). The build writes them as one module beside this file's compiled code
 * (dist/collection/sandbox-scripts.js); the tests' global setup builds the same module for the sources
 * (test/helpers/global-setup.ts). Loaded by require, like any module: no search of the file system.
 */
let texts: Readonly<Record<string, string>> | undefined;

function load(): Readonly<Record<string, string>> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./sandbox-scripts') as Readonly<Record<string, string>>;
  } catch (error) {
    throw new Error(`the sandbox scripts module is missing beside ${__filename}; run \`npm run build\``, { cause: error });
  }
}

/** The bundled text of src/sandbox/script/entries/NAME.ts. */
export function sandboxScript(name: string): string {
  texts ??= load();
  const text = texts[name];
  if (text === undefined) throw new Error(`no sandbox script "${name}"; the entries are ${Object.keys(texts).join(', ')}`);
  return text;
}
