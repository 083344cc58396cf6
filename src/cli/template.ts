/** `chiso template`: the self-scoring workbook of one unit, from a criteria set. */
import { UNIT_LEVELS } from '../core/criteria';
import { message } from '../core/findings';
import type { Lang } from '../core/format';
import { levelFromUnitName } from '../workbook/read';
import { buildTemplate } from '../workbook/template';
import { writeSpecToFile } from '../xlsx/write';
import { UsageError, choiceOpt, parse, requireOpt, stringOpt } from './args';
import { loadCriteriaSet } from './criteria';
import { EXIT, type Io } from './io';
import { guardOutputs } from './outputs';

export const TEMPLATE_HELP = `Cách dùng / Usage:
  chiso template --criteria <bo-tieu-chi.json> --unit <tên đơn vị> [--level so|huyen|xa] --out <tệp.xlsx>
                 [--with-appraisal] [--with-previous] [--issuer <cơ quan chủ quản>] [--force] [--lang vi|en]

Tạo bảng tự chấm điểm cho một đơn vị từ bộ tiêu chí: cột định nghĩa bị khóa, cột nhập
liệu mở, kiểm tra điểm theo cách tính điểm, tổng điểm bằng công thức, sẵn sàng in A4.
Makes a unit's self-scoring workbook from a criteria set: definition columns locked,
entry columns open, score validation from each scoring method, sum formulas, A4 print setup.

Tùy chọn / Options:
  --criteria <tệp>    bộ tiêu chí (JSON) / criteria set (JSON)
  --unit <tên>        tên đơn vị, ví dụ "Sở Tư pháp" / unit name
  --level so|huyen|xa cấp đơn vị (mặc định: đoán từ tên) / unit level (default: from the name)
  --out <tệp.xlsx>    tệp kết quả / output file
  --with-appraisal    thêm cột điểm thẩm định và lý do / add appraisal columns
  --with-previous     thêm cột điểm năm trước / add last year's score column
  --issuer <tên>      cơ quan chủ quản ở góc trái, ví dụ "UBND TỈNH BẮC KẠN" / issuing body in the header
  --force             ghi đè tệp đã có / overwrite an existing file
  --lang vi|en        ngôn ngữ thông báo / message language
  -h, --help          trợ giúp này / this help

Mã thoát / Exit codes: 0 đã tạo / written; 2 sai đối số hoặc bộ tiêu chí không hợp lệ / bad arguments or invalid set.
`;

const OPTIONS = {
  criteria: { type: 'string' },
  unit: { type: 'string' },
  level: { type: 'string' },
  out: { type: 'string' },
  'with-appraisal': { type: 'boolean' },
  'with-previous': { type: 'boolean' },
  issuer: { type: 'string' },
  force: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function templateCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, OPTIONS);
  if (p.values.help) {
    io.out(TEMPLATE_HELP);
    return EXIT.ok;
  }
  const lang: Lang = choiceOpt(p, 'lang', ['vi', 'en'] as const) ?? 'vi';
  if (p.positionals.length > 0) throw new UsageError(`Đối số thừa: ${p.positionals.join(' ')}.`, `Unexpected argument(s): ${p.positionals.join(' ')}.`);
  const criteriaPath = requireOpt(p, 'criteria');
  const unit = requireOpt(p, 'unit').trim();
  const out = requireOpt(p, 'out');
  guardOutputs([{ path: out, option: '--out', ext: '.xlsx', existing: { force: p.values.force === true } }], [criteriaPath]);
  const loaded = await loadCriteriaSet(criteriaPath, lang);
  if (!loaded.ok) {
    io.err(`${lang === 'vi' ? 'Bộ tiêu chí không hợp lệ' : 'Invalid criteria set'} ${criteriaPath}:\n`);
    for (const f of loaded.findings) io.err(`  ${message(f, lang)}\n`);
    return EXIT.unusable;
  }
  const set = loaded.set;
  const level = choiceOpt(p, 'level', UNIT_LEVELS) ?? levelFromUnitName(unit) ?? (set.levels.length === 1 ? set.levels[0] : undefined);
  if (level === undefined) {
    throw new UsageError(`Không đoán được cấp của "${unit}"; thêm --level so|huyen|xa.`, `Cannot tell the level of "${unit}"; add --level so|huyen|xa.`);
  }
  if (!set.levels.includes(level)) {
    throw new UsageError(
      `Bộ tiêu chí ${set.id} dành cho cấp ${set.levels.join(', ')}, không dùng cho cấp ${level}.`,
      `Criteria set ${set.id} is for level ${set.levels.join(', ')}, not ${level}.`,
    );
  }
  const spec = buildTemplate(set, { name: unit, level }, {
    withAppraisal: p.values['with-appraisal'] === true,
    withPrevious: p.values['with-previous'] === true,
    ...(stringOpt(p, 'issuer') ? { issuer: stringOpt(p, 'issuer') } : {}),
  });
  await writeSpecToFile(spec, out);
  io.err(lang === 'vi' ? `Đã tạo ${out} (${unit}, bộ tiêu chí ${set.id} phiên bản ${set.version}).\n` : `Wrote ${out} (${unit}, criteria set ${set.id} version ${set.version}).\n`);
  return EXIT.ok;
}
