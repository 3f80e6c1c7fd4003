/** A small GFM table reader for tests: the tables of a Markdown text, each as header + rows of cell texts (escapes undone). */
export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      cell += line[++i];
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  return out;
}

export function markdownTables(text: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|(\s*:?-{3,}:?\s*\|)+$/.test(lines[i + 1])) continue;
    const header = cells(lines[i]);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(cells(lines[j]));
    for (const row of rows) if (row.length !== header.length) throw new Error(`a row of ${row.length} cells under ${header.length} headers: ${row.join(' | ')}`);
    tables.push({ header, rows });
    i = j - 1;
  }
  return tables;
}
