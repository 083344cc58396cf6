/** The commands of `chiso` and the main help: main.ts dispatches on this table. */
import { REPLIES_HELP, REQUEST_HELP, readRepliesCommand, requestExplanationCommand } from './appraisal';
import { CONSOLIDATE_HELP, runConsolidate } from './consolidate';
import type { Io } from './io';
import { PRINT_HELP, runPrint } from './print';
import { TEMPLATE_HELP, templateCommand } from './template';
import { VALIDATE_HELP, validateCommand } from './validate';

export const MAIN_HELP = `chiso - công cụ dòng lệnh cho bảng tự chấm điểm Chỉ số CCHC
chiso - command line for the PAR INDEX self-scoring workbook

Cách dùng / Usage:
  chiso validate <tệp.xlsx>... [--criteria <tệp>] [--json] [--lang vi|en] [--today YYYY-MM-DD]
  chiso template --criteria <bo-tieu-chi.json> --unit <tên đơn vị> --out <tệp.xlsx> [...]
  chiso print <tệp.xlsx> --out <phieu.pdf> [--draft] [...]
  chiso consolidate <thư mục|tệp.xlsx...> --criteria <tệp> --out <tong-hop.xlsx> [--print <bao-cao.pdf>] [...]
  chiso request-explanation <tệp.xlsx> --out <yeu-cau-giai-trinh.xlsx> [...]
  chiso read-replies <yeu-cau-giai-trinh.xlsx> [--json]
  chiso <lệnh> --help      trợ giúp của từng lệnh / help of each command

Lệnh / Commands:
  validate             kiểm tra bảng tự chấm điểm / check self-scoring workbooks
  template             tạo bảng tự chấm điểm cho đơn vị / make a unit's self-scoring workbook
  print                in phiếu tự chấm điểm ra PDF / print a unit's score sheet to PDF
  consolidate          tổng hợp, xếp hạng các đơn vị / consolidate and rank the units
  request-explanation  tạo yêu cầu giải trình từ kết quả thẩm định / make the explanation request from the appraisal
  read-replies         đọc giải trình của đơn vị / read the unit's replies
`;

type Command = { run: (args: string[], io: Io) => Promise<number>; help: string };

export const COMMANDS: Record<string, Command> = {
  validate: { run: validateCommand, help: VALIDATE_HELP },
  template: { run: templateCommand, help: TEMPLATE_HELP },
  print: { run: runPrint, help: PRINT_HELP },
  consolidate: { run: runConsolidate, help: CONSOLIDATE_HELP },
  'request-explanation': { run: requestExplanationCommand, help: REQUEST_HELP },
  'read-replies': { run: readRepliesCommand, help: REPLIES_HELP },
};
