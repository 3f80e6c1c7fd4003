/**
 * The `cli` reporter: live progress while the run goes, then the summary table. On a terminal (and not
 * in CI) it redraws one status line per environment; otherwise it prints one plain line per event, which
 * reads well in CI logs. Every line goes through the run's scrubber before it is written.
 */
import type { RunEmitter } from './run-emitter';
import { formatSummary } from './summary-table';
import type { RunEvents, TextOutput } from './types';

export interface ConsoleReporterOptions {
  stream?: TextOutput & { isTTY?: boolean; columns?: number };
  /** Environment variables that turn live mode off (CI, TERM=dumb); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Force live (true) or plain (false) mode; default: live on a TTY unless CI=true. */
  live?: boolean;
}

export function isLiveTerminal(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return Boolean(stream.isTTY) && !ci && env.TERM !== 'dumb';
}

interface EnvProgress {
  requests: number;
  passed: number;
  failed: number;
  current: string;
  state: string;
}

/** `suite smoke (Token, API)`, `the whole collection`, or `--folder A, B`. */
function scopeLine(env: RunEvents['start']['environments'][number]): string {
  if (env.suite === 'collection') return 'the whole collection';
  if (env.suite === 'folders') return `--folder ${env.folders.join(', ')}`;
  return `suite ${env.suite} (${env.folders.join(', ')})`;
}

export function attachConsoleReporter(run: RunEmitter, options: ConsoleReporterOptions = {}): void {
  const stream = options.stream ?? process.stdout;
  const live = options.live ?? isLiveTerminal(stream, options.env);
  const write = (line: string) => stream.write(`${run.scrubber.scrub(line)}\n`);
  const progress = new Map<string, EnvProgress>();
  let drawnLines = 0;

  const redraw = () => {
    if (!live) return;
    let out = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    const width = Math.max(40, (stream.columns || 100) - 1);
    for (const [name, p] of progress) {
      const text = `${p.state} ${name}  ${p.requests} requests · ${p.passed} passed · ${p.failed} failed  ${p.current}`;
      out += `\x1b[2K${run.scrubber.scrub(text).slice(0, width)}\n`;
    }
    drawnLines = progress.size;
    stream.write(out);
  };
  const update = (env: string, change: Partial<EnvProgress>) => {
    const p = progress.get(env);
    if (p) Object.assign(p, change);
    redraw();
  };

  run.on('start', (e: RunEvents['start']) => {
    for (const env of e.environments) {
      write(`${env.name}: ${scopeLine(env)}`);
      progress.set(env.name, { requests: 0, passed: 0, failed: 0, current: 'waiting', state: '…' });
    }
    redraw();
  });
  run.on('env-start', (e: RunEvents['env-start']) => update(e.env, { current: 'checking reachability', state: '▸' }));
  run.on('request', (e: RunEvents['request']) => {
    const p = progress.get(e.env);
    if (live) {
      update(e.env, { requests: (p?.requests ?? 0) + 1, current: e.item });
      return;
    }
    const outcome = e.error ? `error: ${e.error}` : `${e.status ?? '-'} ${e.responseTimeMs ?? '-'} ms`;
    write(`[${e.env}] ${e.item} → ${e.method} ${e.url} ${outcome}`);
  });
  run.on('assertion', (e: RunEvents['assertion']) => {
    const p = progress.get(e.env);
    if (live) {
      update(e.env, { passed: (p?.passed ?? 0) + (e.passed ? 1 : 0), failed: (p?.failed ?? 0) + (e.passed || e.skipped ? 0 : 1) });
      return;
    }
    // Skips are counted, and said once per group in the summary (summary-table.ts), not once per request.
    if (e.skipped) return;
    if (e.passed) {
      write(`[${e.env}]   ✓ ${e.assertion}`);
    } else {
      write(`[${e.env}]   ✗ ${e.assertion}: ${e.error ?? ''}`);
    }
  });
  run.on('console', (e: RunEvents['console']) => {
    if (live) update(e.env, { current: e.message });
    else write(`[${e.env}]   · ${e.message}`);
  });
  run.on('env-done', (r: RunEvents['env-done']) => {
    if (live) {
      update(r.name, { state: r.status === 'passed' ? '✓' : '✗', current: r.status });
      return;
    }
    const skipped = r.assertions.skipped > 0 ? `, ${r.assertions.skipped} skipped` : '';
    write(`[${r.name}] done: ${r.status} (${r.assertions.passed} passed, ${r.assertions.failed} failed${skipped}, ${r.requests} requests, ${r.durationMs} ms)${r.reason ? ` — ${r.reason}` : ''}`);
  });
  run.on('done', (result: RunEvents['done']) => {
    write('');
    for (const line of formatSummary(result)) write(line);
  });
}
