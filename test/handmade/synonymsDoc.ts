/** The table of header wordings docs/workbook-format.md shows, rendered from src/workbook/header-synonyms.json. */
import type { HeaderSynonyms } from '../../src/workbook/headers';
import type { ColumnKey } from '../../src/workbook/columns';

export function synonymsTable(s: HeaderSynonyms): string {
  const lines = ['| column | the whole header is | the header contains | else |', '|---|---|---|---|'];
  const list = (ws: string[] | undefined) => (ws ?? []).map((w) => `\`${w}\``).join(', ');
  for (const [key, role] of Object.entries(s.columns) as [ColumnKey, NonNullable<HeaderSynonyms['columns'][ColumnKey]>][]) {
    lines.push(`| \`${key}\` | ${list(role.exact)} | ${list(role.contains)} | ${role.orColumnOf ? `the \`${role.orColumnOf}\` column` : ''} |`);
  }
  return lines.join('\n');
}
