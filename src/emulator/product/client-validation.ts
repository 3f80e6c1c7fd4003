/**
 * by Client bodies and queries: `POST /processes/v1` needs `subject.code` (a CPF with valid check digits),
 * `subject.name` and `imageBase64` (base64 of a JPEG, PNG or WebP by its magic bytes, at most 800 KB
 * decoded); `GET /documents/v1` needs `code` (a CPF) and takes `type` from Unico's list.
 */
import { Checked, invalid, isObject, isText } from './checks';
import { CPF_RULE, cpfDigits, isValidCpf } from './cpf';
import { decodeBase64, decodedLength, imageTypeOf } from './files';

export const MAX_IMAGE_BYTES = 800 * 1024;
export const DOCUMENT_TYPES = ['BR_RG', 'BR_CNH', 'BR_CIN', 'BR_PASSPORT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface ClientProcessInput {
  /** 11 digits. */
  cpf: string;
  name: string;
}

export function checkClientProcess(body: unknown): Checked<ClientProcessInput> {
  if (!isObject(body)) return invalid('body', 'send a JSON object with subject and imageBase64');
  const subject = body.subject;
  if (!isObject(subject)) return invalid('subject', 'required: {"code":"<CPF>","name":"<full name>"}');
  if (!isValidCpf(subject.code)) return invalid('subject.code', `required: ${CPF_RULE}`);
  if (!isText(subject.name)) return invalid('subject.name', 'required: the person\'s name');
  const image = body.imageBase64;
  if (!isText(image)) return invalid('imageBase64', 'required: the selfie as base64 (JPEG, PNG or WebP)');
  if (decodedLength(image) > MAX_IMAGE_BYTES) return invalid('imageBase64', `the image is larger than ${MAX_IMAGE_BYTES / 1024} KB`);
  const bytes = decodeBase64(image);
  if (!bytes) return invalid('imageBase64', 'is not base64');
  if (!imageTypeOf(bytes)) return invalid('imageBase64', 'is not a JPEG, PNG or WebP image (checked by its first bytes)');
  return { ok: true, value: { cpf: cpfDigits(subject.code) as string, name: subject.name } };
}

export function checkDocumentsQuery(query: URLSearchParams): Checked<{ cpf: string; type?: DocumentType }> {
  const code = query.get('code');
  if (!isValidCpf(code)) return invalid('code', `required query parameter: ${CPF_RULE}`);
  const type = query.get('type');
  if (type !== null && !(DOCUMENT_TYPES as readonly string[]).includes(type)) return invalid('type', `must be one of ${DOCUMENT_TYPES.join(', ')}`);
  return { ok: true, value: { cpf: cpfDigits(code) as string, ...(type !== null && { type: type as DocumentType }) } };
}
