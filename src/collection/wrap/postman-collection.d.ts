/**
 * The slice of the postman-collection 4.4.0 SDK `wrap` uses, merged into collection/postman-collection.d.ts's.
 */
declare module 'postman-collection' {
  interface Url {
    /** The host, its parts joined by dots. */
    getHost(): string;
  }
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Url {
    function parse(raw: string): { host?: string[] } & Record<string, unknown>;
  }
  /** Converts v2.0 auth (an object of values) into the v2.1 list of `{key, value, type}`. */
  export class RequestAuth {
    constructor(definition: object);
    toJSON(): Record<string, unknown>;
  }
}
