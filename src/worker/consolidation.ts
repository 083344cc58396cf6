/**
 * What the pane's worker does with a request: the chosen files become sources of the one
 * consolidation pipeline (src/pipeline/consolidate.ts, the CLI's too), with the bundled
 * grade bands and plan targets as the CLI's defaults. Free of any worker API so node
 * tests drive it on real .xlsx bytes.
 */
import type { CriteriaSet } from '../core/criteria';
import { baselineProblems, consolidateSources, InputError, type Bilingual, parseBaselineText, parseGrades, parseUnitList, planOf, rejectedReasons, reportSheet, summaryWorkbook, toJson, type ConsolidationInputs } from '../pipeline/consolidate';
import { loadCriteriaSource, setLoadText, type Source } from '../pipeline/criteria';
import { baselineUse, unitFindings } from '../pipeline/details';
import { baselineFromSummary, type BaselineParse } from '../workbook/baseline';
import { decodeCsvBytes } from '../workbook/csv';
import { readWorkbookBuffer } from '../xlsx/buffer';
import gradesFile from '../../data/grades-sample.json';
import papi from '../../data/targets/papi-2023-bac-kan.json';
import parPlan from '../../data/targets/par-plan-2024-bac-kan.json';
import sipas from '../../data/targets/sipas-2023-bac-kan.json';
import type { ConsolidateRequest, FileInput, WorkerMessage } from './protocol';

/** The bundled targets, as `chiso consolidate` reads them from data/targets. */
const TARGETS = [
  { name: 'papi-2023-bac-kan.json', text: JSON.stringify(papi) },
  { name: 'par-plan-2024-bac-kan.json', text: JSON.stringify(parPlan) },
  { name: 'sipas-2023-bac-kan.json', text: JSON.stringify(sipas) },
];

const sourceOf = (f: FileInput): Source => ({ name: f.name, read: async () => new Uint8Array(await f.data.arrayBuffer()) });

async function setsOf(req: ConsolidateRequest): Promise<CriteriaSet[]> {
  if (req.criteria.kind === 'sets') return req.criteria.sets;
  const sets: CriteriaSet[] = [];
  for (const f of req.criteria.files) {
    const loaded = await loadCriteriaSource(sourceOf(f), req.lang);
    if (!loaded.ok) throw new InputError(setLoadText(f.name, loaded.findings));
    sets.push(loaded.set);
  }
  return sets;
}

/** A text file as Excel on a Vietnamese Windows saves it too (Windows-1258, UTF-16), not only UTF-8. */
async function textOf(data: Blob): Promise<string> {
  return decodeCsvBytes(new Uint8Array(await data.arrayBuffer()));
}

async function baselineOf(f: FileInput): Promise<BaselineParse> {
  if (!/\.xlsx$/i.test(f.name)) return parseBaselineText(f.name, await textOf(f.data));
  try {
    return baselineFromSummary(await readWorkbookBuffer(new Uint8Array(await f.data.arrayBuffer()), f.name));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    throw new InputError({ vi: `${f.name}: ${text}`, en: `${f.name}: ${text}` });
  }
}

/** Everything but the workbooks, checked first: a bad input stops the run before any file is read. */
export async function inputsOf(req: ConsolidateRequest): Promise<{ inputs: ConsolidationInputs; problems: Bilingual[]; baseline?: BaselineParse }> {
  const sets = await setsOf(req);
  if (sets.length === 0) throw new InputError({ vi: 'Chưa chọn bộ tiêu chí tham chiếu.', en: 'No reference criteria set chosen.' });
  const grades = parseGrades('grades-sample.json', JSON.stringify(gradesFile));
  const baseline = req.baseline ? await baselineOf(req.baseline) : undefined;
  const { plan, mode } = planOf(TARGETS, undefined);
  return {
    inputs: {
      sets,
      grades: grades.grades,
      gradesSample: grades.sample,
      ...(req.units ? { expectedUnits: parseUnitList(req.units.name, await textOf(req.units.data)) } : {}),
      ...(baseline ? { baseline: baseline.baseline } : {}),
      allowOtherVersions: req.allowOtherVersions,
      today: req.today,
      lang: req.lang,
      ...(plan ? { plan } : {}),
      sipasMode: mode,
    },
    problems: req.baseline && baseline ? baselineProblems(req.baseline.name, baseline) : [],
    ...(baseline ? { baseline } : {}),
  };
}

/** Runs a request: progress per file, then the summary sheets, the JSON and the report. */
export async function runRequest(req: ConsolidateRequest, progress: (n: number, total: number, name: string) => void = () => {}): Promise<Extract<WorkerMessage, { type: 'done' }>> {
  const { inputs, baseline } = await inputsOf(req);
  const result = await consolidateSources(req.files.map(sourceOf), inputs, progress);
  const c = result.consolidation;
  return {
    type: 'done',
    sheets: summaryWorkbook(result, inputs).sheets,
    json: toJson(result, req.lang),
    report: {
      ranked: c.units.filter((u) => u.rank !== undefined).length,
      rejected: rejectedReasons(c),
      duplicates: c.duplicates,
      missing: c.missing.map((m) => m.name),
      findings: unitFindings(result),
      ...(req.baseline && baseline ? { baseline: baselineUse(req.baseline.name, baseline, result, inputs.expectedUnits) } : {}),
      sets: inputs.sets,
      grades: inputs.grades,
    },
    print: reportSheet(result, inputs, { date: req.today }),
  };
}
