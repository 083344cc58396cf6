/**
 * Every string the pane shows, Vietnamese first with its English twin. Findings carry
 * their own messages (src/core/findings.ts); this holds the pane's own words.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/format';

export type { Lang };

/** A text whose form depends on a count: Intl.PluralRules categories, `other` required. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type Text = string | PluralText;

const STRINGS = {
  appTitle: { vi: 'Chỉ số CCHC', en: 'PAR INDEX' },
  loading: { vi: 'Đang đọc bảng chấm điểm...', en: 'Reading the score sheet...' },
  reload: { vi: 'Đọc lại', en: 'Reload' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  unknownUnit: { vi: 'Chưa rõ đơn vị', en: 'Unit not identified' },
  level: { vi: 'Cấp', en: 'Level' },
  level_so: { vi: 'Sở, ban, ngành', en: 'Department' },
  level_huyen: { vi: 'UBND cấp huyện', en: 'District' },
  level_xa: { vi: 'UBND cấp xã', en: 'Commune' },
  year: { vi: 'Năm', en: 'Year' },
  setVersion: { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  setUnknown: { vi: 'Bộ tiêu chí: chưa nhận ra (kiểm tra theo chính bảng tính)', en: 'Criteria set: not recognised (checked against the sheet itself)' },
  version: { vi: 'phiên bản', en: 'version' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  rowsDone: { vi: '{done}/{total} dòng đã chấm', en: '{done} of {total} rows scored' },
  scoreSoFar: { vi: 'Điểm: {score}/{max}', en: 'Score: {score} of {max}' },
  errorsCount: { vi: '{n} lỗi', en: { one: '{n} error', other: '{n} errors' } },
  warningsCount: { vi: '{n} cảnh báo', en: { one: '{n} warning', other: '{n} warnings' } },
  tabCriteria: { vi: 'Tiêu chí', en: 'Criteria' },
  tabFindings: { vi: 'Phát hiện', en: 'Findings' },
  tabTargets: { vi: 'Mục tiêu', en: 'Targets' },
  search: { vi: 'Tìm theo mã hoặc nội dung', en: 'Search by code or words' },
  searchNone: { vi: 'Không có tiêu chí nào khớp.', en: 'No criterion matches.' },
  searchCount: { vi: '{n} tiêu chí khớp', en: { one: '{n} criterion matches', other: '{n} criteria match' } },
  nextTodo: { vi: 'Việc tiếp theo', en: 'Next to do' },
  nextProblem: { vi: 'Lỗi tiếp theo', en: 'Next problem' },
  noTodo: { vi: 'Đã chấm hết các dòng.', en: 'Every row is scored.' },
  noProblem: { vi: 'Không còn lỗi hay cảnh báo.', en: 'No errors or warnings left.' },
  treeLabel: { vi: 'Lĩnh vực và tiêu chí', en: 'Fields and criteria' },
  status_done: { vi: 'đã xong', en: 'done' },
  status_error: { vi: 'có lỗi', en: 'error' },
  status_warning: { vi: 'có cảnh báo', en: 'warning' },
  status_todo: { vi: 'chưa chấm', en: 'to do' },
  status_survey: { vi: 'điều tra xã hội học', en: 'survey' },
  pickCriterion: { vi: 'Chọn một tiêu chí trong danh sách để chấm điểm.', en: 'Pick a criterion in the list to score it.' },
  maxPoints: { vi: 'Điểm tối đa', en: 'Maximum' },
  pointsN: { vi: '{n} điểm', en: { one: '{n} point', other: '{n} points' } },
  method: { vi: 'Cách tính điểm', en: 'Scoring method' },
  methodChoices: { vi: 'Chọn mức đạt được', en: 'Choose the level reached' },
  allowedScores: { vi: 'Điểm hợp lệ: {allowed}', en: 'Valid scores: {allowed}' },
  declared: { vi: 'Số liệu kê khai', en: 'Declared figure' },
  declaredYes: { vi: 'Có', en: 'Yes' },
  declaredNo: { vi: 'Không', en: 'No' },
  declaredNA: { vi: 'Không áp dụng', en: 'Not applicable' },
  declaredPercent: { vi: 'Tỷ lệ (%)', en: 'Rate (%)' },
  suggested: { vi: 'Điểm gợi ý theo số liệu kê khai: {score}', en: 'Suggested score for the declared figure: {score}' },
  useSuggested: { vi: 'Dùng điểm gợi ý', en: 'Use the suggested score' },
  selfScore: { vi: 'Điểm tự đánh giá', en: 'Self-score' },
  scoreRefused: { vi: 'Điểm này chưa được ghi vào bảng tính.', en: 'This score was not written to the sheet.' },
  parentScore: { vi: 'Điểm của dòng này là tổng các tiêu chí con: {score}', en: 'This row scores the sum of its sub-criteria: {score}' },
  surveyRow: { vi: 'Tiêu chí này được chấm qua điều tra xã hội học; đơn vị không tự chấm.', en: 'This criterion is scored by the sociological survey; the unit does not score it.' },
  evidenceRequired: { vi: 'Yêu cầu tài liệu kiểm chứng', en: 'Evidence required' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  evidenceEntry: { vi: 'Tài liệu {n}', en: 'Document {n}' },
  evidenceSymbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  evidenceSymbolHint: { vi: 'Ví dụ 386/KH-UBND', en: 'E.g. 386/KH-UBND' },
  evidenceDate: { vi: 'Ngày ban hành', en: 'Date of issue' },
  evidenceDateHint: { vi: 'Ví dụ 07/6/2024', en: 'E.g. 07/6/2024' },
  evidenceIssuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  evidenceSubject: { vi: 'Trích yếu', en: 'Subject' },
  evidenceSection: { vi: 'Mục, trang', en: 'Section or page' },
  evidenceSectionHint: { vi: 'Ví dụ mục II hoặc trang 5', en: 'E.g. mục II or trang 5' },
  evidenceLink: { vi: 'Đường dẫn', en: 'Link' },
  evidenceFree: { vi: 'Nội dung ghi trong bảng tính', en: 'Text as written in the sheet' },
  evidenceAdd: { vi: 'Thêm tài liệu', en: 'Add a document' },
  evidenceRemove: { vi: 'Xóa tài liệu {n}', en: 'Remove document {n}' },
  evidenceOpen: { vi: 'Mở đường dẫn', en: 'Open link' },
  evidenceLinkUnsafe: { vi: 'Chỉ mở được đường dẫn http:// hoặc https:// hợp lệ.', en: 'Only valid http:// or https:// links can be opened.' },
  evidenceNone: { vi: 'Chưa có tài liệu kiểm chứng.', en: 'No evidence yet.' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  explanationRequired: { vi: 'Bắt buộc: điểm lớn hơn 0 mà chưa có tài liệu kiểm chứng.', en: 'Required: the score is above 0 without evidence.' },
  noColumn: { vi: 'Bảng tính không có cột này.', en: 'The sheet has no such column.' },
  noColumnFor: { vi: 'Không tìm thấy cột "{item}" trong bảng tính.', en: 'No "{item}" column was found in the sheet.' },
  chooseColumn: { vi: 'Chọn cột', en: 'Choose the column' },
  chooseColumnLabel: { vi: 'Cột của bảng dùng cho "{item}"', en: 'The sheet\'s column for "{item}"' },
  chooseColumnSave: { vi: 'Dùng cột này', en: 'Use this column' },
  chooseColumnNone: { vi: 'Bảng không còn cột nào chưa dùng: thêm một cột có tiêu đề "{item}" vào bảng rồi bấm Tải lại.', en: 'Every column of the sheet is in use: add a column headed "{item}" to the sheet, then Reload.' },
  chooseColumnFailed: { vi: 'Không ghi được cột đã chọn', en: 'The chosen column could not be saved' },
  goToCell: { vi: 'Đến ô {cell}', en: 'Go to cell {cell}' },
  findingsTitle: { vi: 'Phát hiện trong bảng tính', en: 'Findings in the workbook' },
  severity_error: { vi: 'Lỗi', en: 'Errors' },
  severity_warning: { vi: 'Cảnh báo', en: 'Warnings' },
  severity_info: { vi: 'Lưu ý', en: 'Notes' },
  noFindings: { vi: 'Không có phát hiện nào. Bảng tính hợp lệ.', en: 'No findings. The workbook is valid.' },
  validated: { vi: 'Đã kiểm tra: {errors} lỗi, {warnings} cảnh báo.', en: 'Checked: {errorsText}, {warningsText}.' },
  saved: { vi: 'Đã ghi vào bảng tính.', en: 'Written to the sheet.' },
  saving: { vi: 'Đang ghi...', en: 'Saving...' },
  writeFailed: { vi: 'Chưa ghi được vào bảng tính', en: 'Could not write to the sheet' },
  loadFailed: { vi: 'Không đọc được bảng tính', en: 'Could not read the workbook' },
  targetsTitle: { vi: 'Mục tiêu năm {year}', en: 'Targets for {year}' },
  targetsRule: { vi: 'Theo Kế hoạch 386/KH-UBND: tiêu chí đạt tối đa năm trước giữ mức tối đa; tiêu chí chưa đạt tối đa phải cao hơn năm trước.', en: 'Per Plan 386/KH-UBND: criteria at maximum last year keep it; the others must rise above last year.' },
  chartTitle: { vi: 'Mục tiêu và điểm hiện tại theo lĩnh vực', en: 'Target and current score per field' },
  chartTarget: { vi: 'Mục tiêu', en: 'Target' },
  chartCurrent: { vi: 'Hiện tại', en: 'Current' },
  gapsTitle: { vi: 'Khoảng cách tới mục tiêu', en: 'Gap to target' },
  recoverableTitle: { vi: 'Điểm còn có thể đạt, nhiều nhất trước', en: 'Points still to win, largest first' },
  colCode: { vi: 'Mã', en: 'Code' },
  colPrevious: { vi: 'Năm trước', en: 'Last year' },
  colTarget: { vi: 'Mục tiêu', en: 'Target' },
  colCurrent: { vi: 'Hiện tại', en: 'Current' },
  colGap: { vi: 'Còn thiếu', en: 'Gap' },
  colRecoverable: { vi: 'Có thể đạt thêm', en: 'Recoverable' },
  baselineTitle: { vi: 'Kết quả năm trước', en: "Last year's results" },
  baselineFileLabel: { vi: 'Chọn tệp kết quả năm trước (CSV/JSON)', en: "Choose last year's results (CSV/JSON)" },
  baselineFileHelp: { vi: 'Tệp CSV (lưu từ Excel bằng "Lưu thành" → "CSV") có các cột "Đơn vị", "Mã tiêu chí", "Điểm" (dấu phẩy thập phân được chấp nhận), hoặc tệp JSON do Sở Nội vụ cung cấp. Chỉ dùng các dòng của đơn vị đang mở.', en: 'A CSV file (from Excel: "Save As" → "CSV") with the columns "Đơn vị" (unit), "Mã tiêu chí" (criterion), "Điểm" (score; decimal comma accepted), or a JSON file from Sở Nội vụ. Only the open unit\'s rows are used.' },
  baselineReplaces: { vi: 'Tệp đã chọn thay cho cột điểm năm trước của bảng tính.', en: "The chosen file replaces the sheet's last-year column." },
  baselineUsed: { vi: 'Đang dùng tệp "{file}": {n} tiêu chí của đơn vị {unit}.', en: 'Using "{file}": {n} criteria of {unit}.' },
  baselineNoUnit: { vi: 'Tệp "{file}" không có dòng nào cho đơn vị "{unit}" nên không dùng được. Đơn vị có trong tệp: {units}.', en: 'The file "{file}" has no rows for the unit "{unit}", so it is not used. Units in the file: {units}.' },
  baselineNoUnitName: { vi: 'Bảng tính chưa ghi tên đơn vị nên không đối chiếu được với tệp "{file}". Ghi tên đơn vị ở dòng tiêu đề rồi đọc lại.', en: 'The workbook does not name its unit, so the file "{file}" cannot be matched. Write the unit in the title line and reload.' },
  baselineNoUnits: { vi: '(không có)', en: '(none)' },
  baselineProblems: { vi: 'Tệp có {n} dòng bị bỏ qua:', en: { one: '{n} line of the file was skipped:', other: '{n} lines of the file were skipped:' } },
  baselineProblemLine: { vi: 'Dòng {line}: {text}', en: 'Line {line}: {text}' },
  baselineReadFailed: { vi: 'Không đọc được tệp "{file}"', en: 'Could not read the file "{file}"' },
  targetsNone: { vi: 'Bảng tính chưa có cột điểm năm trước. Chọn tệp kết quả năm trước bên dưới để tính mục tiêu.', en: "The sheet has no last-year column. Choose last year's results below to compute the targets." },
  mappingTitle: { vi: 'Chọn cột thủ công', en: 'Map the columns' },
  mappingIntro: { vi: 'Không tự tìm thấy bảng chấm điểm. Chọn trang tính, dòng tiêu đề bảng và cột của từng nội dung; lựa chọn được lưu trong sổ làm việc.', en: 'The score table was not found automatically. Choose the sheet, the table header row and the column of each item; the choice is saved in the workbook.' },
  mappingSheet: { vi: 'Trang tính', en: 'Sheet' },
  mappingHeaderRow: { vi: 'Dòng tiêu đề bảng', en: 'Table header row' },
  mappingNone: { vi: '(không có)', en: '(none)' },
  mappingRequired: { vi: 'bắt buộc', en: 'required' },
  mappingSave: { vi: 'Lưu và đọc bảng', en: 'Save and read the table' },
  rowLabel: { vi: 'Dòng {row}', en: 'Row {row}' },
  columnLabel: { vi: 'Cột {col}', en: 'Column {col}' },
  featureMissing: { vi: 'Phiên bản Excel này chưa hỗ trợ {feature} (cần {set}); phần bổ trợ vẫn kiểm tra khi bạn bấm Đọc lại.', en: 'This version of Excel lacks {feature} (needs {set}); the add-in still checks when you press Reload.' },
  featureChangeEvents: { vi: 'tự nhận thay đổi gõ trực tiếp trong bảng tính', en: 'picking up edits typed in the sheet' },
  featureSelectionEvents: { vi: 'chọn tiêu chí theo ô đang chọn', en: 'following the selected cell' },
  printButton: { vi: 'In phiếu', en: 'Print sheet' },
  // An accessible name starts with the visible text (WCAG 2.5.3): speech users say what they see.
  printButtonLabel: { vi: 'In phiếu: tạo phiếu chấm điểm sẵn để in', en: 'Print sheet: build the print-ready score sheet' },
  printBuilding: { vi: 'Đang tạo phiếu chấm điểm...', en: 'Building the score sheet...' },
  printDone: { vi: 'Đã tạo trang tính "{sheet}". Hãy in bằng Tệp > In (File > Print).', en: 'Sheet "{sheet}" created. Print it with File > Print.' },
  printDraft: {
    vi: 'Bảng tính còn {n} lỗi nên phiếu là bản nháp, có dòng "BẢN NHÁP - CÒN LỖI" trên mỗi trang. Sửa lỗi rồi bấm In phiếu lại để có phiếu ký nộp.',
    en: {
      one: 'The workbook still has {n} error, so the sheet is a draft marked "BẢN NHÁP - CÒN LỖI" on every page. Fix it and print again for the sheet to sign.',
      other: 'The workbook still has {n} errors, so the sheet is a draft marked "BẢN NHÁP - CÒN LỖI" on every page. Fix them and print again for the sheet to sign.',
    },
  },
  printSkipped: { vi: 'Chưa áp dụng được một số thiết lập:', en: 'Some settings could not be applied:' },
  printFailed: { vi: 'Chưa tạo được phiếu chấm điểm', en: 'Could not build the score sheet' },
  modeConsolidate: { vi: 'Tổng hợp', en: 'Consolidate' },
  modeConsolidateLabel: { vi: 'Tổng hợp sổ chấm điểm của nhiều đơn vị (Sở Nội vụ)', en: "Consolidate many units' workbooks (Sở Nội vụ)" },
  modeBack: { vi: 'Quay lại bảng chấm điểm', en: 'Back to the score sheet' },
  consTitle: { vi: 'Tổng hợp kết quả các đơn vị', en: "Consolidate the units' results" },
  consIntro: { vi: 'Chọn sổ chấm điểm của các đơn vị. Các tệp chỉ được đọc, không bị sửa; kết quả được ghi thành các trang tính trong sổ đang mở.', en: "Choose the units' workbooks. The files are only read, never changed; the results are written as sheets of the open workbook." },
  consFiles: { vi: 'Sổ chấm điểm của các đơn vị (.xlsx)', en: "The units' workbooks (.xlsx)" },
  consDrop: { vi: 'Hoặc kéo thả các tệp .xlsx vào đây', en: 'Or drop .xlsx files here' },
  consChosen: { vi: '{n} tệp đã chọn', en: { one: '{n} file chosen', other: '{n} files chosen' } },
  consClear: { vi: 'Bỏ chọn các tệp', en: 'Clear the files' },
  consCriteria: { vi: 'Bộ tiêu chí tham chiếu', en: 'Reference criteria set' },
  consUnits: { vi: 'Danh sách đơn vị phải nộp (.json, không bắt buộc)', en: 'List of units expected (.json, optional)' },
  consBaseline: { vi: 'Kết quả năm trước (.csv hoặc .json, không bắt buộc)', en: "Last year's results (.csv or .json, optional)" },
  consAllowVersions: { vi: 'Chấp nhận sổ làm theo phiên bản bộ tiêu chí khác', en: 'Accept workbooks built on another set version' },
  consStart: { vi: 'Tổng hợp và ghi kết quả', en: 'Consolidate and write the results' },
  consCancel: { vi: 'Hủy', en: 'Cancel' },
  consCancelled: { vi: 'Đã hủy. Sổ làm việc không bị thay đổi.', en: 'Cancelled. The workbook was not changed.' },
  consProgress: { vi: 'Tệp {n}/{total}: {name}', en: 'File {n} of {total}: {name}' },
  consWriting: { vi: 'Đang ghi các trang tính tổng hợp...', en: 'Writing the summary sheets...' },
  consDone: { vi: 'Đã ghi các trang tính: {sheets}.', en: 'Sheets written: {sheets}.' },
  consRanked: { vi: 'Đã xếp hạng {n} đơn vị.', en: { one: '{n} unit ranked.', other: '{n} units ranked.' } },
  consRejected: { vi: 'Tệp bị từ chối ({n})', en: 'Rejected files ({n})' },
  consDuplicates: { vi: 'Đơn vị nộp nhiều tệp ({n}): chưa xếp hạng cho đến khi bỏ bớt tệp', en: 'Units with several files ({n}): not ranked until one is removed' },
  consMissing: { vi: 'Đơn vị chưa nộp ({n})', en: 'Units missing ({n})' },
  consFailed: { vi: 'Chưa tổng hợp được', en: 'Could not consolidate' },
  consNoFiles: { vi: 'Chưa chọn tệp nào.', en: 'No file chosen.' },
  consNoCriteria: { vi: 'Chưa có bộ tiêu chí tham chiếu: chọn tệp .json hoặc mở sổ có bảng chấm điểm.', en: 'No reference criteria set: choose a .json file or open a workbook with a score table.' },
  appraisal: { vi: 'Thẩm định (Sở Nội vụ)', en: 'Appraisal (Sở Nội vụ)' },
  appraisedScore: { vi: 'Điểm thẩm định', en: 'Appraised score' },
  appraisalReason: { vi: 'Lý do thẩm định', en: 'Appraisal reason' },
  appraisalRefused: { vi: 'Điểm thẩm định này chưa được ghi vào bảng tính.', en: 'This appraised score was not written to the sheet.' },
  appraisalReasonHint: { vi: 'Ghi lý do khi điểm thẩm định khác điểm tự đánh giá.', en: 'Give the reason when the appraised score differs from the self-score.' },
  // consolidation for Sở Nội vụ (sonv)
  consRefBundled: { vi: 'Bộ tiêu chí kèm theo phần bổ trợ, cả ba cấp (mỗi tệp theo bộ của cấp mình)', en: 'The sets bundled with the add-in, all three levels (each file by the set of its level)' },
  consRefOpen: { vi: 'Biểu mẫu gốc đang mở', en: 'The master template that is open' },
  consRefStored: { vi: 'Đã tải lúc {date} từ {source}', en: 'Loaded on {date} from {source}' },
  consRefFile: { vi: 'Tải bộ tiêu chí khác (.json hoặc biểu mẫu gốc .xlsx)', en: 'Load another set (.json or a master template .xlsx)' },
  consRefDetail: { vi: 'Mã {id}, phiên bản {version}, cấp: {levels}', en: 'Id {id}, version {version}, levels: {levels}' },
  consRefSample: { vi: 'BỘ MẪU, không phải bộ chính thức', en: 'SAMPLE, not the official set' },
  consUnitsBundled: { vi: 'Dùng danh sách đơn vị kèm theo ({name}, {n} đơn vị)', en: 'Use the bundled unit list ({name}, {n} units)' },
  consRanking: { vi: 'Xếp hạng - {level}', en: 'Ranking - {level}' },
  consColRank: { vi: 'Hạng', en: 'Rank' },
  consColUnit: { vi: 'Đơn vị', en: 'Unit' },
  consColIndex: { vi: 'Chỉ số (%)', en: 'Index (%)' },
  consColGrade: { vi: 'Xếp loại', en: 'Grade' },
  consColStatus: { vi: 'Trạng thái', en: 'Status' },
  consColErrors: { vi: 'Lỗi', en: 'Errors' },
  consGoToUnit: { vi: 'Đến dòng của {unit} trong trang Tổng hợp', en: 'Go to the row of {unit} in the summary sheet' },
  consChart: { vi: 'Biểu đồ chỉ số - {level}', en: 'Index chart - {level}' },
  consStatusAccepted: { vi: 'Hợp lệ', en: 'Accepted' },
  consStatusWarnings: { vi: 'Chấp nhận, có cảnh báo', en: 'Accepted with warnings' },
  consStatusErrors: { vi: 'Xếp hạng, có lỗi', en: 'Ranked with errors' },
  consStatusDuplicate: { vi: 'Trùng tệp', en: 'Duplicate' },
  consPrint: { vi: 'In báo cáo tổng hợp', en: 'Print the consolidation report' },
  consPrinted: { vi: 'Đã tạo trang "{sheet}" sẵn sàng để in (khổ A4, như bản in của dòng lệnh). Chọn Tệp > In để in.', en: 'Sheet "{sheet}" is ready to print (A4, the same layout as the command line). Choose File > Print.' },
  // Save state, undo, help and the target gap (issue 12 §2).
  savedAt: { vi: 'Đã ghi vào bảng tính lúc {time} ({cells}).', en: 'Written to the sheet at {time} ({cells}).' },
  undoneAt: { vi: 'Đã hoàn tác lúc {time}: {cells} trở lại giá trị trước.', en: 'Undone at {time}: {cells} back to the previous values.' },
  undone: { vi: 'Đã hoàn tác: {cells} trở lại giá trị trước.', en: 'Undone: {cells} back to the previous values.' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  undoLabel: { vi: 'Hoàn tác lần ghi gần nhất của phần bổ trợ', en: "Undo the add-in's last write" },
  writeKept: { vi: 'Giá trị đã gõ vẫn được giữ trong ô nhập.', en: 'What you typed is kept in the form.' },
  retry: { vi: 'Thử ghi lại', en: 'Try again' },
  targetGap: {
    vi: 'Còn thiếu {gap} điểm so với mục tiêu {year}; còn có thể đạt thêm {recoverable}.',
    en: { one: '{gap} point short of the {year} target; {recoverable} still to win.', other: '{gap} points short of the {year} target; {recoverable} still to win.' },
  },
  targetMet: { vi: 'Đã đạt mục tiêu {year}; còn có thể đạt thêm {recoverable}.', en: 'The {year} target is met; {recoverable} still to win.' },
  tabHelp: { vi: 'Hướng dẫn', en: 'Help' },
  helpTitle: { vi: 'Hướng dẫn chấm điểm', en: 'How to score' },
  helpStep1: { vi: 'Chọn một tiêu chí trong danh sách hoặc bấm "Việc tiếp theo"; ô của tiêu chí được chọn trong bảng tính.', en: 'Pick a criterion in the list or press "Next to do"; its cell is selected in the sheet.' },
  helpStep2: { vi: 'Đọc cách tính điểm, chọn mức đạt được hoặc gõ điểm. Điểm không hợp lệ không được ghi.', en: 'Read the scoring method, choose the level reached or type the score. An invalid score is not written.' },
  helpStep3: { vi: 'Tiêu chí cho phép "Không áp dụng": chọn "Không áp dụng" và ghi lý do ở ô Giải trình; tiêu chí được bỏ khỏi tổng điểm tối đa.', en: 'Where a criterion allows "Không áp dụng" (not applicable), choose it and give the reason under Explanation; the row leaves the maximum total.' },
  helpStep4: { vi: 'Ghi tài liệu kiểm chứng: số, ký hiệu (ví dụ 15/KH-STP), ngày ban hành (07/6/2024), cơ quan ban hành hoặc đường dẫn https://. Có thể dán cả trích dẫn vào ô Số, ký hiệu.', en: 'Cite the evidence: number and symbol (e.g. 15/KH-STP), date of issue (07/6/2024), issuer or an https:// link. A whole citation can be pasted into "Number and symbol".' },
  helpStep5: { vi: 'Mỗi thay đổi được ghi vào bảng tính sau một nhịp; "Hoàn tác" trả lại giá trị trước của lần ghi gần nhất (Ctrl+Z của Excel không hoàn tác được phần bổ trợ).', en: 'Each change is written to the sheet after a short pause; "Undo" restores the previous values of the last write (Excel\'s Ctrl+Z does not undo add-in writes).' },
  helpStep6: { vi: 'Sửa hết lỗi ở thẻ "Phát hiện", xem khoảng cách tới mục tiêu ở thẻ "Mục tiêu", rồi bấm "In phiếu" để tạo phiếu chấm điểm và in bằng Tệp > In.', en: 'Fix every error in "Findings", check the gap in "Targets", then press "Print sheet" and print it with File > Print.' },
  helpCriterion: { vi: 'Tiêu chí đang mở: {code}', en: 'Open criterion: {code}' },
  helpNoCriterion: { vi: 'Chọn một tiêu chí để xem cách tính điểm và yêu cầu tài liệu của nó ở đây.', en: 'Pick a criterion to see its scoring method and evidence requirement here.' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copyLabel: { vi: 'Sao chép {what}', en: 'Copy {what}' },
  copied: { vi: 'Đã sao chép {what}.', en: '{what} copied.' },
  copySelected: { vi: 'Đã chọn {what}: nhấn Ctrl+C để sao chép.', en: '{what} selected: press Ctrl+C to copy.' },
  notApplicableReason: { vi: 'Lý do không áp dụng (ghi vào ô Giải trình)', en: 'Why it does not apply (written under Explanation)' },
  notApplicableReasonRequired: { vi: 'Ghi lý do không áp dụng.', en: 'Give the reason it does not apply.' },
  // register-pane: "Đối chiếu sổ văn bản", the document register (issue 16).
  tabRegister: { vi: 'Sổ văn bản', en: 'Register' },
  regTitle: { vi: 'Đối chiếu sổ văn bản', en: 'Check against the document register' },
  regIntro: {
    vi: 'Đối chiếu tài liệu kiểm chứng với sổ đăng ký văn bản đi của đơn vị: văn bản do đơn vị ban hành được trích dẫn phải có trong sổ, đúng ngày. Tiêu chí chưa có tài liệu được gợi ý văn bản phù hợp trong sổ.',
    en: "Checks the evidence against the unit's register of outgoing documents: each document of the unit's own issue that is cited must be in the register, with that date. Criteria without evidence are offered fitting documents of the register.",
  },
  regFileLabel: { vi: 'Chọn tệp sổ đăng ký văn bản đi (.xlsx, .csv)', en: 'Choose the register of outgoing documents (.xlsx, .csv)' },
  regFileHelp: {
    vi: 'Xuất sổ từ phần mềm quản lý văn bản ra Excel hoặc CSV. Tệp được đọc ngay trong phần bổ trợ, không gửi đi đâu, không được ghi vào bảng tính.',
    en: 'Export the register from the document-management system to Excel or CSV. The file is read inside the add-in, sent nowhere and not written into the workbook.',
  },
  regReading: { vi: 'Đang đọc sổ "{file}"...', en: 'Reading the register "{file}"...' },
  regRead: {
    vi: 'Đã đọc sổ "{file}": {n} văn bản ({sheets}).',
    en: { one: 'Read the register "{file}": {n} document ({sheets}).', other: 'Read the register "{file}": {n} documents ({sheets}).' },
  },
  regReadFailed: { vi: 'Không đọc được sổ văn bản', en: 'The register could not be read' },
  regCheckFailed: {
    vi: 'Không đối chiếu được với sổ "{file}" ({reason}). Hãy chọn lại tệp; nếu vẫn lỗi, gửi tệp sổ cho bộ phận hỗ trợ.',
    en: 'The check against the register "{file}" failed ({reason}). Choose the file again; if it fails again, send the register file to support.',
  },
  regSummaryTitle: { vi: 'Kết quả đối chiếu', en: 'Result of the check' },
  regCited: { vi: 'Văn bản của đơn vị được trích dẫn', en: "Cited documents of the unit's own issue" },
  regFound: { vi: 'Có trong sổ, đúng ngày', en: 'In the register, same date' },
  regDateDiffers: { vi: 'Có trong sổ, khác ngày', en: 'In the register, another date' },
  regNotFound: { vi: 'Không có trong sổ', en: 'Not in the register' },
  regKindMismatch: { vi: 'Khác loại văn bản tiêu chí yêu cầu', en: 'Not the kind the criterion asks for' },
  regUnrelated: { vi: 'Trích yếu không liên quan tiêu chí', en: 'Summary unrelated to the criterion' },
  regIssuer: { vi: 'Văn bản có ký hiệu cơ quan "{issuer}" trong số, ký hiệu được coi là của đơn vị.', en: 'Documents whose number and symbol carry the issuer abbreviation "{issuer}" count as the unit\'s own.' },
  regOthers: {
    vi: '{n} trích dẫn văn bản của cơ quan khác không cần có trong sổ, không được đối chiếu.',
    en: { one: '{n} citation of another issuer\'s document is not expected in the register and is not checked.', other: '{n} citations of other issuers\' documents are not expected in the register and are not checked.' },
  },
  regNoIssuer: {
    vi: 'Không xác định được ký hiệu cơ quan của đơn vị từ sổ: không văn bản nào được đối chiếu. Hãy kiểm tra cột "Số, ký hiệu văn bản" của sổ.',
    en: 'The unit\'s issuer abbreviation could not be found in the register: no document was checked. Check the register\'s "Số, ký hiệu văn bản" column.',
  },
  regFindingsTitle: { vi: 'Phát hiện ({n})', en: 'Findings ({n})' },
  regNoFindings: { vi: 'Mọi văn bản của đơn vị được trích dẫn đều có trong sổ, đúng ngày.', en: "Every cited document of the unit's own issue is in the register, with that date." },
  regGoTo: { vi: 'Đến ô {cell} của tiêu chí {code}', en: 'Go to cell {cell} of criterion {code}' },
  regSuggestTitle: { vi: 'Gợi ý cho tiêu chí chưa có tài liệu ({n})', en: 'Suggestions for criteria without evidence ({n})' },
  regNoSuggestions: { vi: 'Không có văn bản nào trong sổ phù hợp với các tiêu chí chưa có tài liệu.', en: 'No document of the register fits the criteria without evidence.' },
  regSuggestion: { vi: 'Có thể dùng: {citation}', en: 'Could be cited: {citation}' },
  regCite: { vi: 'Trích dẫn', en: 'Cite' },
  regCiteLabel: { vi: 'Trích dẫn {symbol} vào ô tài liệu kiểm chứng của tiêu chí {code}', en: 'Cite {symbol} in the evidence cell of criterion {code}' },
  regNoEvidenceColumn: { vi: 'Bảng chấm điểm không có cột tài liệu kiểm chứng: hãy ghi trích dẫn bằng tay.', en: 'The score sheet has no evidence column: write the citation by hand.' },
  regConfirm: {
    vi: 'Trích dẫn {symbol} vào ô {cell} của tiêu chí {code}: ô đã có nội dung "{text}". Thêm trích dẫn thành dòng mới hay thay thế nội dung này?',
    en: 'Citing {symbol} in cell {cell} of criterion {code}: the cell already holds "{text}". Add the citation as a new line, or replace this text?',
  },
  regAppend: { vi: 'Thêm dòng mới', en: 'Add as a new line' },
  regReplace: { vi: 'Thay thế', en: 'Replace' },
  regCancel: { vi: 'Hủy', en: 'Cancel' },
  regCitedStatus: {
    vi: 'Đã ghi trích dẫn {symbol} vào ô {cell} của tiêu chí {code}. Bấm "Hoàn tác" ở đầu phần bổ trợ để bỏ.',
    en: 'Citation of {symbol} written into cell {cell} of criterion {code}. Press "Undo" at the top of the add-in to take it back.',
  },
  regProblemsTitle: { vi: 'Dòng của sổ không đọc được ({n})', en: 'Register rows that could not be read ({n})' },
  // perf-pane
  viewLoading: { vi: 'Đang mở phần này...', en: 'Opening this part...' },
  viewLoadFailed: {
    vi: 'Không tải được phần này của ngăn tác vụ ({error}). Kiểm tra kết nối mạng rồi bấm Thử lại.',
    en: 'This part of the task pane could not be loaded ({error}). Check the network connection, then press Try again.',
  },
  viewRetry: { vi: 'Thử lại', en: 'Try again' },
  // appraisal-pane
  tabAppraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  apprRoundTrip: { vi: 'Thẩm định, giải trình, thẩm định lần 2', en: 'Appraisal, explanation, final appraisal' },
  apprSteps: {
    vi: 'Tự chấm → thẩm định lần 1 → đơn vị giải trình → thẩm định lần 2. Mọi thay đổi ở cột thẩm định được ghi kèm thời gian vào trang "{log}".',
    en: 'Self-score → appraisal 1 → the unit explains → final appraisal. Every change to the appraisal columns is logged with its time on the "{log}" sheet.',
  },
  apprDiffs: { vi: { other: '{n} tiêu chí có điểm thẩm định khác điểm tự đánh giá.' }, en: { one: '{n} criterion has an appraised score other than the self-score.', other: '{n} criteria have an appraised score other than the self-score.' } },
  apprRequest: { vi: 'Yêu cầu giải trình', en: 'Request explanations' },
  apprRequestFiles: { vi: 'Yêu cầu giải trình cho các tệp đã chọn', en: 'Request explanations for the chosen files' },
  apprRequestFilesHint: {
    vi: 'Mỗi tệp có điểm thẩm định khác điểm tự đánh giá được một tệp "Yêu cầu giải trình" đặt tên theo đơn vị, để gửi cho đơn vị đó.',
    en: 'Each file whose appraised scores differ from the self-scores gets a "Yêu cầu giải trình" workbook named by unit, to send to that unit.',
  },
  apprMaking: { vi: 'Đang tạo tệp yêu cầu giải trình...', en: 'Making the request workbooks...' },
  apprOpened: { vi: 'Đã mở {name} thành sổ làm việc mới: lưu và gửi cho đơn vị.', en: '{name} opened as a new workbook: save it and send it to the unit.' },
  apprDownloaded: { vi: 'Đã tải xuống {name}: gửi tệp này cho đơn vị.', en: '{name} downloaded: send this file to the unit.' },
  apprNoCreate: {
    vi: 'Excel này không mở được sổ làm việc mới từ ngăn tác vụ (cần ExcelApi 1.8: Excel 2019, Microsoft 365 hoặc Excel trên web), nên tệp được tải xuống. Nếu không thấy tệp, xem thư mục Tải xuống (Downloads) của trình duyệt.',
    en: 'This Excel cannot open a new workbook from the pane (needs ExcelApi 1.8: Excel 2019, Microsoft 365 or Excel on the web), so the file is downloaded instead. If no file appears, look in the browser\'s Downloads folder.',
  },
  apprMade: { vi: '{unit}: {n} tiêu chí cần giải trình', en: '{unit}: {n} criteria to explain' },
  apprGet: { vi: 'Mở / tải {name}', en: 'Open / download {name}' },
  apprSkipped: { vi: 'Không tạo yêu cầu', en: 'No request made' },
  apprFailed: { vi: 'Không tạo hoặc đọc được tệp', en: 'Could not make or read the file' },
  apprReplies: { vi: 'Đọc giải trình của đơn vị', en: 'Read the units\' replies' },
  apprRepliesPick: { vi: 'Chọn các tệp "Yêu cầu giải trình" đơn vị đã điền (.xlsx)', en: 'Choose the "Yêu cầu giải trình" files the units filled in (.xlsx)' },
  apprReading: { vi: 'Đang đọc giải trình...', en: 'Reading the replies...' },
  apprRepliesOf: { vi: '{file}: {answered} tiêu chí đã giải trình, {unanswered} chưa giải trình', en: '{file}: {answered} answered, {unanswered} unanswered' },
  apprReply: { vi: 'Giải trình', en: 'Reply' },
  apprEvidence: { vi: 'Tài liệu bổ sung', en: 'Further evidence' },
  apprUnanswered: { vi: 'Chưa giải trình', en: 'Unanswered' },
  apprOtherUnit: { vi: 'Tệp này của đơn vị khác sổ đang mở: mở bảng chấm điểm của {unit} để thẩm định lần 2.', en: 'This file is another unit\'s than the open workbook\'s: open {unit}\'s workbook for the final appraisal.' },
  apprGoTo: { vi: 'Tiêu chí {code}: mở để thẩm định lần 2', en: 'Criterion {code}: open for the final appraisal' },
  apprLogReplies: { vi: 'Ghi giải trình vào nhật ký', en: 'Log the replies' },
  apprLogged: { vi: 'Đã ghi {n} dòng vào trang "{log}".', en: '{n} row(s) added to the "{log}" sheet.' },
  apprFinal: { vi: 'Thẩm định lần 2 (sau giải trình)', en: 'Final appraisal (after the explanation)' },
  apprFinalScore: { vi: 'Điểm thẩm định lần 2', en: 'Final appraised score' },
  apprFinalReason: { vi: 'Lý do thẩm định lần 2', en: 'Final appraisal reason' },
  apprFinalRefused: { vi: 'Điểm thẩm định lần 2 này chưa được ghi vào bảng tính.', en: 'This final appraised score was not written to the sheet.' },
  apprFinalHint: { vi: 'Điểm này thay điểm thẩm định lần 1 khi tổng hợp, xếp hạng.', en: 'This score replaces the first appraised score in consolidation and ranking.' },
  apprNoFinalColumns: {
    vi: 'Bảng chưa có cột "Điểm thẩm định lần 2" và "Lý do thẩm định lần 2": thêm hai cột này bên phải cột "Lý do thẩm định" (biểu mẫu thẩm định của Sở Nội vụ có sẵn hai cột này) rồi Đọc lại.',
    en: 'The sheet has no "Điểm thẩm định lần 2" and "Lý do thẩm định lần 2" columns: add them right of "Lý do thẩm định" (Sở Nội vụ\'s appraisal template has them), then Reload.',
  },
  apprShowLog: { vi: 'Xem nhật ký thẩm định', en: 'Show the appraisal log' },
  apprNoLog: { vi: 'Sổ chưa có trang "{log}": nhật ký có dòng đầu tiên khi ngăn ghi điểm hoặc lý do thẩm định.', en: 'The workbook has no "{log}" sheet yet: its first row comes when the pane writes an appraised score or reason.' },
  apprNoColumn: { vi: 'Bảng này không có cột "Điểm thẩm định": chưa thẩm định được.', en: 'This sheet has no "Điểm thẩm định" column: it cannot be appraised yet.' },
  // register-pane: the register's findings among the pane's findings (issue 16).
  regInFindings: {
    vi: 'Gồm {n} phát hiện khi đối chiếu với sổ "{file}" (tab Sổ văn bản), đối chiếu lại sau mỗi lần sửa bảng. Chọn sổ khác để thay.',
    en: { one: 'Includes {n} finding of the check against the register "{file}" (Register tab), checked again after every edit. Choose another register to replace it.', other: 'Includes {n} findings of the check against the register "{file}" (Register tab), checked again after every edit. Choose another register to replace it.' },
  },
  regNotInFindings: {
    vi: 'Chưa gồm phát hiện đối chiếu sổ "{file}": không đối chiếu được (xem tab Sổ văn bản).',
    en: 'Without the findings of the register "{file}": the check failed (see the Register tab).',
  },
} as const satisfies Record<string, Record<Lang, Text>>;

export type StringKey = keyof typeof STRINGS;
export type TextParams = Record<string, string | number>;

/**
 * The string in `lang`, `{name}` placeholders filled. A plural text picks its form with
 * Intl.PluralRules on `params.count` (a number), else on `params.n` when it is a number.
 */
export function translate(lang: Lang, key: StringKey, params: TextParams = {}): string {
  const text: Text = STRINGS[key][lang];
  const count = typeof params.count === 'number' ? params.count : params.n;
  const form = typeof text === 'string' ? text : (text[pluralRules(lang).select(typeof count === 'number' ? count : Number.NaN)] ?? text.other);
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

const rules = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r;
}

export interface I18n {
  lang: Lang;
  t: (key: StringKey, params?: TextParams) => string;
}

// In its own small module: the pane's first chunk (index.tsx) needs it, not these strings.
export { langOfDisplay } from './lang';

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, params) => translate(lang, key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n('vi'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
