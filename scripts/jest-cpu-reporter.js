/**
 * Where the test suite's time goes, per test file: a Jest reporter that reads this process's CPU time around each
 * file. The figures are exact only when the files run in this process, one after the other:
 *
 *   npx jest --runInBand --reporters=default --reporters=./scripts/jest-cpu-reporter.js
 *
 * It prints the files that took the most CPU, with their wall time. When a file's wall time is well above its CPU
 * time, the file is waiting on child processes or timers. With `{ "out": "FILE" }` as reporter options it also
 * writes every row as JSON. A measuring tool only: jest.config.js does not use it.
 */
const fs = require('node:fs');
const path = require('node:path');

const SHOWN = 25;

class JestCpuReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir;
    this.out = options.out;
    this.started = new Map();
    this.rows = [];
  }

  onTestFileStart(test) {
    this.started.set(test.path, { cpu: process.cpuUsage(), wall: process.hrtime.bigint() });
  }

  onTestFileResult(test, result) {
    const start = this.started.get(test.path);
    if (!start) return;
    const cpu = process.cpuUsage(start.cpu);
    this.rows.push({
      file: path.relative(this.rootDir, test.path),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      wallSeconds: Number(process.hrtime.bigint() - start.wall) / 1e9,
      tests: result.numPassingTests + result.numFailingTests + result.numPendingTests,
    });
  }

  onRunComplete() {
    const rows = [...this.rows].sort((a, b) => b.cpuSeconds - a.cpuSeconds);
    const sum = (key) => rows.reduce((n, row) => n + row[key], 0);
    const lines = [`\nCPU per test file (${rows.length} files: ${sum('cpuSeconds').toFixed(1)} s of CPU, ${sum('wallSeconds').toFixed(1)} s of wall)`];
    lines.push('   cpu s   wall s  tests  file');
    for (const row of rows.slice(0, SHOWN)) {
      lines.push(`${row.cpuSeconds.toFixed(2).padStart(8)} ${row.wallSeconds.toFixed(2).padStart(8)} ${String(row.tests).padStart(6)}  ${row.file}`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    if (this.out) fs.writeFileSync(this.out, JSON.stringify(rows, null, 2));
  }
}

module.exports = JestCpuReporter;
