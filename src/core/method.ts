/**
 * Scoring-method parser (cách tính điểm). CONTRACT: the types below are shared with
 * the rules engine and the task pane; the implementation is filled in by its owner.
 */

/** The scores a row may take. */
export type AllowedScores =
  | { kind: 'set'; values: number[] } // sorted ascending, unique
  | { kind: 'range'; min: number; max: number; step?: number }; // step absent = any real value

/** What the declared figure (số liệu kê khai) must be for an option to apply. */
export type Condition =
  | { kind: 'yes' } // Có ..., Có ban hành ..., Đạt ...
  | { kind: 'no' } // Không ..., Không ban hành ...
  | { kind: 'percent'; min?: number; minInclusive: boolean; max?: number; maxInclusive: boolean } // từ 80% đến dưới 100%
  | { kind: 'label'; text: string }; // Hoàn thành tốt, Có vi phạm ... (matched by text)

/** One line of a method: a condition and the points it gives. */
export interface MethodOption {
  /** The line as written, trimmed ("Hoàn thành tốt: 75% điểm"). */
  label: string;
  condition: Condition;
  points: number;
}

export interface ParsedMethod {
  /**
   * options: a finite list of lines, each with points;
   * deduction: "trừ điểm theo mức độ" and similar, any value in 0..max;
   * survey: scored by the sociological survey, never self-scored;
   * unparsed: unreadable text (or none), any value in 0..max.
   */
  kind: 'options' | 'deduction' | 'survey' | 'unparsed';
  options: MethodOption[];
  allowed: AllowedScores;
}

/** A declared figure (số liệu kê khai) read from its cell. */
export type Declared =
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'notApplicable' } // Không áp dụng
  | { kind: 'percent'; value: number } // 85%, "85", 0.85 when formatted as %
  | { kind: 'text'; text: string }
  | { kind: 'empty' };
