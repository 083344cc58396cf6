/** `chiso`: the command line over core + workbook + xlsx. `npm run chiso -- <command>`. */
import { UsageError, langOf } from './args';
import { EXIT, processIo, type Io } from './io';
import { TEMPLATE_HELP, templateCommand } from './template';
import { VALIDATE_HELP, validateCommand } from './validate';

const MAIN_HELP = `chiso - công cụ dòng lệnh cho bảng tự chấm điểm Chỉ số CCHC
chiso - command line for the PAR INDEX self-scoring workbook

Cách dùng / Usage:
  chiso validate <tệp.xlsx>... [--criteria <tệp>] [--json] [--lang vi|en] [--today YYYY-MM-DD]
  chiso template --criteria <bo-tieu-chi.json> --unit <tên đơn vị> --out <tệp.xlsx> [...]
  chiso <lệnh> --help      trợ giúp của từng lệnh / help of each command

Lệnh / Commands:
  validate   kiểm tra bảng tự chấm điểm / check self-scoring workbooks
  template   tạo bảng tự chấm điểm cho đơn vị / make a unit's self-scoring workbook
`;

const COMMANDS: Record<string, { run: (args: string[], io: Io) => Promise<number>; help: string }> = {
  validate: { run: validateCommand, help: VALIDATE_HELP },
  template: { run: templateCommand, help: TEMPLATE_HELP },
  consolidate: { run: async (args) => (await import('./consolidate')).runConsolidate(args), help: '' },
};

async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const lang = langOf(argv);
  if (command === undefined) {
    io.err(MAIN_HELP);
    return EXIT.unusable;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(lang === 'vi' ? `Lệnh không hợp lệ: ${command}.\nUnknown command: ${command}.\n\n${MAIN_HELP}` : `Unknown command: ${command}.\n\n${MAIN_HELP}`);
    return EXIT.unusable;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.text(lang)}\n\n${entry.help}`);
      return EXIT.unusable;
    }
    throw e;
  }
}

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // An unexpected failure is a bug: show it whole, never as a finding.
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
