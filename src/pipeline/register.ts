/**
 * The register of outgoing documents in a consolidation (issue 16): each unit's workbook,
 * once read, is cross-checked against the register named after the unit, if one was given.
 * Kept apart from the consolidation itself: its results (ranks, statuses, findings) are
 * the same with or without registers; the cross-check is reported beside them.
 */
import type { CriteriaLookup } from '../core/criteriaSet';
import type { Finding } from '../core/findings';
import type { Register, RegisterSummary } from '../core/register';
import { alignReading, type ReadFailure, type UnitReading } from '../workbook/read';
import { crossCheckReading, registerForUnit } from '../workbook/register';
import type { SubmissionContext, SubmissionResult } from '../workbook/submission';

/** A register given for the run: its file name (which names the unit) and its entries. */
export interface RegisterInput {
  name: string;
  register: Register;
}

/** One unit's cross-check, as the consolidation reports it. */
export interface UnitRegisterCheck {
  /** The register's file name. */
  register: string;
  summary: RegisterSummary;
  /** Findings on the unit's cells and on the register's rows (located; not counted in the unit's status). */
  findings: Finding[];
  /** Criteria without evidence for which the register has a document to suggest. */
  suggestions: number;
}

/** A submission with its unit's cross-check, when a register was found for it. */
export type RegisterChecked = SubmissionResult & { register?: UnitRegisterCheck };

/**
 * The submission, with the cross-check of its unit added when the run has registers and
 * one is named after the unit. Nothing else of the submission changes.
 */
export function withRegisterCheck(result: SubmissionResult, reading: UnitReading | ReadFailure, ctx: SubmissionContext & { registers?: readonly RegisterInput[] }): RegisterChecked {
  const registers = ctx.registers;
  const unit = result.submission.unit;
  if (!registers || registers.length === 0 || !reading.ok || unit === undefined || result.setAt === undefined) return result;
  const at = registerForUnit(unit, registers.map((r) => r.name), (ctx.expectedUnits ?? []).map((u) => u.name));
  if (at === undefined) return result;
  const reference = ctx.sets[result.setAt];
  const criteria: CriteriaLookup = ctx.indexes[result.setAt];
  const aligned = alignReading({ ...reading, file: result.submission.file }, reference).reading;
  const check = crossCheckReading(aligned, criteria, registers[at].register);
  return { ...result, register: { register: registers[at].name, summary: check.summary, findings: check.findings, suggestions: new Set(check.suggestions.map((s) => s.criterion)).size } };
}
