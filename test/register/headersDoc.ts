/** The table of register header wordings docs/evidence-register.md shows, rendered from src/workbook/register-headers.json. */
import { REGISTER_COLUMN_KEYS, REGISTER_COLUMN_LABELS, type RegisterHeaderWordings } from '../../src/workbook/register';

export function registerHeadersTable(w: RegisterHeaderWordings): string {
  const lines = ['| cột / column | nghĩa / meaning | cả tiêu đề là / the whole header is | tiêu đề chứa / the header contains |', '|---|---|---|---|'];
  const list = (ws: string[] | undefined) => (ws ?? []).map((x) => `\`${x}\``).join(', ');
  for (const key of REGISTER_COLUMN_KEYS) {
    const role = w.columns[key];
    if (!role) continue;
    const label = REGISTER_COLUMN_LABELS[key];
    lines.push(`| \`${key}\` | ${label.vi} / ${label.en} | ${list(role.exact)} | ${list(role.contains)} |`);
  }
  return lines.join('\n');
}
