/** A1 addresses as Excel writes and reads them (0-based inclusive rectangles inside). */
import { columnLetter } from '../../workbook/grid';
import { StandInError } from './errors';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based column -> letters, as Excel names them. */
export const columnLetters = columnLetter;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** 'A1', 'A1:C5', 'B:D', '1:3', with an optional sheet prefix ('Sheet1!' or "'Điểm tự chấm'!"). */
export function parseAddress(address: string): Rect {
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [a, b = a] = ref.split(':');
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  let rect: Rect | null = null;
  if (ca && cb) {
    rect = { top: Number(ca[2]) - 1, left: columnIndex(ca[1]), bottom: Number(cb[2]) - 1, right: columnIndex(cb[1]) };
  } else if (COL.test(a) && COL.test(b) && ref.includes(':')) {
    rect = { top: 0, left: columnIndex(COL.exec(a)![1]), bottom: MAX_ROWS - 1, right: columnIndex(COL.exec(b)![1]) };
  } else if (ROW.test(a) && ROW.test(b) && ref.includes(':')) {
    rect = { top: Number(ROW.exec(a)![1]) - 1, left: 0, bottom: Number(ROW.exec(b)![1]) - 1, right: MAX_COLS - 1 };
  }
  if (!rect) throw new StandInError('InvalidArgument', `address ${address}`);
  const norm = {
    top: Math.min(rect.top, rect.bottom), bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right), right: Math.max(rect.left, rect.right),
  };
  if (norm.top < 0 || norm.left < 0 || norm.bottom >= MAX_ROWS || norm.right >= MAX_COLS) {
    throw new StandInError('InvalidArgument', `address ${address}`);
  }
  return norm;
}

export function formatRect(r: Rect): string {
  const start = `${columnLetters(r.left)}${r.top + 1}`;
  const end = `${columnLetters(r.right)}${r.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** 'Sheet1!A1:B2'; names with spaces or punctuation are quoted as Excel does. */
export function qualified(sheet: string, r: Rect): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${formatRect(r)}`;
}

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
