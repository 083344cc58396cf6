/** Argument parsing over node's util.parseArgs, with messages a user can act on. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/format';

/** Wrong or missing arguments: the CLI prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UsageError';
  }

  text(lang: Lang): string {
    return lang === 'vi' ? `${this.vi}\n${this.en}` : this.en;
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const option = /'(-{1,2}[\w-]+)/.exec(detail)?.[1];
    if (/Unknown option/.test(detail)) throw new UsageError(`Tùy chọn không hợp lệ: ${option ?? detail}.`, `Unknown option: ${option ?? detail}.`);
    if (/argument missing/.test(detail)) throw new UsageError(`Tùy chọn ${option ?? ''} cần một giá trị.`, `Option ${option ?? ''} needs a value.`);
    throw new UsageError(`Đối số không hợp lệ: ${detail}`, `Invalid arguments: ${detail}`);
  }
}

/** The language for messages, read before anything else can fail. */
export function langOf(args: string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

export function stringOpt(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireOpt(p: Parsed, name: string): string {
  const v = stringOpt(p, name);
  if (v === undefined || v === '') throw new UsageError(`Thiếu tùy chọn bắt buộc --${name}.`, `Missing required option --${name}.`);
  return v;
}

export function choiceOpt<T extends string>(p: Parsed, name: string, choices: readonly T[]): T | undefined {
  const v = stringOpt(p, name);
  if (v === undefined) return undefined;
  if (!choices.includes(v as T)) {
    throw new UsageError(`Giá trị "${v}" của --${name} không hợp lệ; chọn một trong: ${choices.join(', ')}.`, `Invalid value "${v}" for --${name}; use one of: ${choices.join(', ')}.`);
  }
  return v as T;
}

/** YYYY-MM-DD that is a real date. */
export function dateOpt(p: Parsed, name: string): string | undefined {
  const v = stringOpt(p, name);
  if (v === undefined) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new UsageError(`--${name} phải là ngày dạng YYYY-MM-DD, ví dụ 2025-01-15 (nhận được "${v}").`, `--${name} must be a date YYYY-MM-DD, e.g. 2025-01-15 (got "${v}").`);
  }
  return v;
}
