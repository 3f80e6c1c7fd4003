/**
 * Scrubbing: every byte the runner writes (console lines, report files) passes through a SecretSet first.
 * Secrets arrive in several spellings — raw, JSON-escaped (Newman's JSON report), HTML-escaped (htmlextra),
 * URL-encoded (form bodies) — and a PEM key also leaks line by line, so each secret is registered with all
 * of its variants. Any JWT-shaped string is also masked: assertions and access tokens are JWTs, and a run
 * mints fresh ones the runner never sees as values. Values the run only observed (`addObserved`) must be
 * long, single tokens: scrubbing never cuts a word out of a sentence.
 */
export const REDACTED = '[REDACTED]';

/** Compact JWS/JWT: base64url header starting `eyJ` (`{"`), payload, optional signature. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;

/** A value that is one JWT-shaped string: wherever it occurs, JWT_PATTERN masks it (and any token characters around it). */
const WHOLE_JWT = new RegExp(`^${JWT_PATTERN.source}$`);

/** Shorter strings would mask ordinary words; PEM line fragments and keys are longer than this. */
const MIN_SECRET_LENGTH = 6;

/**
 * The floor for values the run only *observed* under a secret-looking name (a header, a form field, a JSON
 * field, a variable) rather than was given as secrets. Such a value may be anything a collection puts there —
 * `Bearer ` with an empty token, `undefined`, a public test constant — and masking it would cut words out of
 * sentences. Every credential the run handles is far longer: JWT assertions and access tokens (hundreds of
 * characters, masked by shape anyway), API keys (UUID-like, 32+), PEM lines (64). Sixteen characters of
 * base64 or hex are 64–96 bits; below that a value protects nothing, while English words of 16 letters
 * without a space are rare enough that masking one is no loss to a sentence.
 */
export const MIN_OBSERVED_SECRET_LENGTH = 16;

const PEM_BEGIN = /-----BEGIN [A-Z ]+-----/;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;', '/': '&#x2F;',
};

/** The spellings under which `value` may appear in a console line or a report file. */
export function secretVariants(value: string): string[] {
  const variants = new Set<string>([value]);
  variants.add(JSON.stringify(value).slice(1, -1));
  variants.add(encodeURIComponent(value));
  // Handlebars (htmlextra) escapes these; lodash/other templates escape fewer, so add both spellings.
  variants.add(value.replace(/[&<>"'`=/]/g, (c) => HTML_ESCAPES[c]));
  variants.add(value.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]));
  variants.add(value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]).replace(/'/g, '&#39;'));
  return [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH);
}

/** A PEM's secret parts: the whole text, its base64 body joined, and each base64 line on its own. */
export function pemSecretParts(pem: string): string[] {
  const lines = pem.replace(/\\n/g, '\n').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('-----'));
  return [pem, pem.replace(/\r\n/g, '\n'), lines.join(''), lines.join('\n'), ...lines];
}

export class SecretSet {
  private readonly variants = new Set<string>();
  private ordered: string[] | undefined;

  /** Registers a secret value (an API key, a token, an assertion). Empty and short values are ignored. */
  add(value: unknown): this {
    if (typeof value !== 'string' || value.trim().length < MIN_SECRET_LENGTH) return this;
    for (const v of secretVariants(value)) this.variants.add(v);
    for (const v of secretVariants(value.trim())) this.variants.add(v);
    this.ordered = undefined;
    return this;
  }

  /**
   * Registers a value seen under a secret-looking name, whose nature is unknown: a PEM as a key; otherwise
   * only its whitespace-free parts of at least MIN_OBSERVED_SECRET_LENGTH characters (a credential is one
   * token; `Bearer <token>` keeps only the token, and prose or a bare `Bearer ` registers nothing).
   */
  addObserved(value: unknown): this {
    if (typeof value !== 'string') return this;
    if (PEM_BEGIN.test(value)) return this.addPem(value);
    for (const part of value.split(/\s+/)) if (part.length >= MIN_OBSERVED_SECRET_LENGTH) this.add(part);
    return this;
  }

  /** Registers a private key: its full text and each base64 line. */
  addPem(pem: string): this {
    for (const part of pemSecretParts(pem)) this.add(part);
    return this;
  }

  get size(): number {
    return this.variants.size;
  }

  /** `text` with every registered secret (any spelling) and every JWT-shaped string replaced by [REDACTED]. */
  scrub(text: string): string {
    // Longest first, so a whole PEM is masked before its lines, and no fragment of a longer secret survives. The
    // JWTs (each assertion and token that crossed the wire: most of a run's secrets) are left to JWT_PATTERN, which
    // masks every one of them in one pass over the text instead of one search each.
    this.ordered ??= [...this.variants].filter((secret) => !WHOLE_JWT.test(secret)).sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of this.ordered) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(JWT_PATTERN, REDACTED);
  }
}
