/** The collection's folder names, fixed by the contract (cli-contract.md "Outputs"), in run order. */
export const FOLDERS = { token: 'Token', tokenErrors: 'Token errors', api: 'API' } as const;
