import { mkdirSync, writeFileSync } from 'node:fs';

export type Row = {
  scenario: string;
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
  met?: boolean;
};

export function printTable(rows: Row[]): void {
  const header = ['scenario', 'metric', 'value', 'unit', 'target', 'met'];
  const cells = rows.map((row) => [
    row.scenario,
    row.metric,
    String(row.value),
    row.unit,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)));
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const values of cells) console.log(line(values));
}

export function writeResults(rows: Row[], notes: string[]): string {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, notes }, null, 2);
  writeFileSync(file, json);
  writeFileSync('bench/results/latest.json', json);
  return file;
}
