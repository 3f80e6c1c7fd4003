/**
 * Brazilian CPF numbers: 11 digits whose last two are check digits (mod-11 weights 10..2, then 11..2).
 * Accepted as 11 digits or formatted `000.000.000-00`; eleven equal digits (111.111.111-11) are refused,
 * as the Receita Federal refuses them, although their check digits add up.
 */
/** What a CPF field must hold, as validation messages say it. */
export const CPF_RULE = 'a CPF with valid check digits (11 digits, or 000.000.000-00)';

const FORMATTED = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;

/** The 11 digits of a CPF written either way, or undefined when it is neither shape. */
export function cpfDigits(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{11}$/.test(value)) return value;
  return FORMATTED.test(value) ? value.replace(/\D/g, '') : undefined;
}

/** The two check digits of a 9-digit CPF base. */
export function cpfCheckDigits(base: string): string {
  const digit = (digits: string) => {
    const sum = [...digits].reduce((total, d, i) => total + Number(d) * (digits.length + 1 - i), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = digit(base);
  return `${first}${digit(`${base}${first}`)}`;
}

export function isValidCpf(value: unknown): boolean {
  const digits = cpfDigits(value);
  if (digits === undefined || /^(\d)\1{10}$/.test(digits)) return false;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}
