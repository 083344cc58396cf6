/** `chiso`: the command line over core + workbook + xlsx. `npm run chiso -- <command>`. */
import { UsageError, langOf } from './args';
import { COMMANDS, MAIN_HELP } from './commands';
import { EXIT, ioErrorText, processIo, type Io } from './io';

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
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    io.err(lang === 'vi' ? `Lệnh không hợp lệ: ${command}.\nUnknown command: ${command}.\n\n${MAIN_HELP}` : `Unknown command: ${command}.\n\n${MAIN_HELP}`);
    return EXIT.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(entry.help);
    return EXIT.ok;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.text(lang)}\n\n${entry.help}`);
      return EXIT.unusable;
    }
    const ioText = ioErrorText(e, lang);
    if (ioText !== undefined) {
      io.err(`${ioText}\n`);
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
