/**
 * The product side's pure pieces with explicit inputs: CPF check digits, base64 and magic bytes, the PDF
 * builder, the lifecycle on an explicit clock, and who may use the control path.
 */
import { SCENARIOS } from '../../../src/emulator';
import { isLoopbackPeer } from '../../../src/emulator/product/control';
import { cpfCheckDigits, isValidCpf } from '../../../src/emulator/product/cpf';
import { decodeBase64, decodedLength, imageTypeOf, isPdf } from '../../../src/emulator/product/files';
import { hasFile, newUnicoProcess, settleProcess } from '../../../src/emulator/product/lifecycle';
import { textPdf } from '../../../src/emulator/product/samples';
import { checkCreateProcess } from '../../../src/emulator/product/unico-validation';
import { TINY_PNG, unicoProcessBody } from '../support';

test('CPF: check digits by the mod-11 rule, both written forms, equal digits refused', () => {
  expect(cpfCheckDigits('529982247')).toBe('25');
  expect([isValidCpf('52998224725'), isValidCpf('529.982.247-25'), isValidCpf('52998224752'), isValidCpf('00000000000'), isValidCpf('5299822472'), isValidCpf(52998224725)]).toEqual([true, true, false, false, false, false]);
  for (const scenario of Object.values(SCENARIOS)) expect(isValidCpf(scenario.cpf)).toBe(true);
});

test('base64: standard, URL-safe, data URL, whitespace; refuses other characters and impossible lengths', () => {
  expect(decodeBase64(TINY_PNG.toString('base64'))).toEqual(TINY_PNG);
  expect(decodeBase64(TINY_PNG.toString('base64url'))).toEqual(TINY_PNG);
  expect(decodeBase64(`data:image/png;base64,${TINY_PNG.toString('base64').replace(/(.{10})/g, '$1\n')}`)).toEqual(TINY_PNG);
  expect([decodeBase64('abc!'), decodeBase64('a'), decodeBase64(''), decodeBase64('ab+_')]).toEqual([undefined, undefined, undefined, undefined]);
  expect(decodedLength(Buffer.alloc(1000).toString('base64'))).toBe(1000);
});

test('magic bytes: JPEG, PNG, WebP, PDF; nothing else', () => {
  expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
  expect(imageTypeOf(TINY_PNG)).toBe('image/png');
  expect(imageTypeOf(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
  expect(imageTypeOf(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeUndefined();
  expect(imageTypeOf(Buffer.from('GIF89a'))).toBeUndefined();
  expect([isPdf(Buffer.from('%PDF-1.7')), isPdf(Buffer.from('%PDF'))]).toEqual([true, false]);
});

test('textPdf: a PDF whose xref offsets point at its objects', () => {
  const pdf = textPdf(['hello (world)', 'ação']).toString('latin1');
  expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
  expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
  expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
  expect(pdf).toContain('(hello \\(world\\)) Tj');
  expect(pdf).toContain('(a??o) Tj');
});

test('lifecycle on an explicit clock: auto-finish before expiry wins; finishedAt is the due time; files by retention', () => {
  const checked = checkCreateProcess(unicoProcessBody({ expiresIn: '100s' }));
  if (!checked.ok) throw new Error(checked.message);
  const owner = { tenant: 't', accountIss: 'a' };
  const auto = newUnicoProcess(checked.value, owner, 0, 10);
  expect(settleProcess(auto, 9_999)).toBe(false);
  expect(settleProcess(auto, 50_000)).toBe(true);
  expect([auto.state, auto.result, auto.finishedAtMs]).toEqual(['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_OK', 10_000]);
  expect(settleProcess(auto, 60_000)).toBe(false);
  expect([hasFile(auto, 'evidenceset', 10_000 + 2 * 3600_000 - 1), hasFile(auto, 'evidenceset', 10_000 + 2 * 3600_000)]).toEqual([true, false]);
  expect([hasFile(auto, 'selfie', 10_000 + 8 * 3600_000 - 1), hasFile(auto, 'selfie', 10_000 + 8 * 3600_000)]).toEqual([true, false]);
  const late = newUnicoProcess(checked.value, owner, 0, 200);
  expect(settleProcess(late, 300_000)).toBe(true);
  expect([late.result, late.finishedAtMs, hasFile(late, 'selfie', 100_001)]).toEqual(['PROCESS_RESULT_EXPIRED', 100_000, false]);
});

test('the control path answers loopback peers only', () => {
  expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopbackPeer)).toEqual([true, true, true, true]);
  expect(['10.0.0.5', '::ffff:192.168.1.2', '::', undefined].map(isLoopbackPeer)).toEqual([false, false, false, false]);
});

test("the product routes use Unico's paths from src/idcloud/hosts.ts, and the 404 names each of them once", async () => {
  const { API_PATHS } = await import('../../../src/idcloud/hosts');
  const { PRODUCT_ENDPOINTS } = await import('../../../src/emulator/product/routes');
  const { dispatch } = await import('../../../src/emulator/routes');
  const known = Object.values(API_PATHS);
  for (const endpoint of PRODUCT_ENDPOINTS) expect(known.some((p) => endpoint.path === p || endpoint.path.startsWith(`${p}/`))).toBe(true);
  const reply = await dispatch({ method: 'GET', pathname: '/nowhere', headers: {}, body: { ok: true, body: Buffer.alloc(0) }, query: new URLSearchParams(), remoteAddress: '127.0.0.1' } as never, {} as never);
  expect(reply.status).toBe(404);
  const text = (reply.body as { error_description: string }).error_description;
  for (const p of known) expect(text.split(p).length - 1).toBe(1);
});
