import { formatMillions, formatNumber } from '../../../../src/domain/format.ts';
import type { BudgetLine, Report } from '../../../../src/domain/report-schema.ts';

/** Vietnamese names of report fields, by dotted path without indices. */
const LABELS: Record<string, string> = {
  'commune.name': 'Tên xã', reportYear: 'Năm báo cáo', planYear: 'Năm kế hoạch',
  'document.number': 'Số, ký hiệu', 'document.place': 'Địa danh', 'document.date': 'Ngày ban hành',
  'document.summary': 'Trích yếu', 'document.legalBases': 'Căn cứ pháp lý', 'document.intro': 'Lời mở đầu',
  'document.closing': 'Lời kết', 'document.signer.onBehalfOf': 'Thẩm quyền ký', 'document.signer.title': 'Chức vụ người ký',
  'document.signer.name': 'Người ký', 'document.recipients': 'Nơi nhận',
  'implementation.leadership.focalUnit': 'Đơn vị đầu mối', 'implementation.leadership.paragraphs': 'I.1. Lãnh đạo, chỉ đạo',
  'implementation.digitalTeams.teams': 'Số Tổ công nghệ số', 'implementation.digitalTeams.members': 'Số thành viên Tổ công nghệ số',
  'implementation.results.science': 'I.2.a) Khoa học, công nghệ', 'implementation.results.innovation': 'I.2.b) Đổi mới sáng tạo',
  'implementation.results.digital': 'I.2.c) Chuyển đổi số',
  'implementation.dossiers.periodStart': 'Hồ sơ: từ ngày', 'implementation.dossiers.periodEnd': 'Hồ sơ: đến ngày',
  'implementation.dossiers.fields': 'Hồ sơ: số lĩnh vực', 'implementation.dossiers.total': 'Hồ sơ: tổng tiếp nhận',
  'implementation.dossiers.receivedInPeriod': 'Hồ sơ: trong kỳ', 'implementation.dossiers.carriedOver': 'Hồ sơ: kỳ trước chuyển sang',
  'implementation.dossiers.online': 'Hồ sơ: trực tuyến', 'implementation.dossiers.direct': 'Hồ sơ: trực tiếp',
  'implementation.dossiers.resolvedOnTime': 'Hồ sơ: đúng hạn', 'implementation.dossiers.resolvedLate': 'Hồ sơ: quá hạn',
  'implementation.dossiers.pendingOnTime': 'Hồ sơ: đang giải quyết', 'implementation.dossiers.supplementRequested': 'Hồ sơ: yêu cầu bổ sung',
  'implementation.dossiers.digitizationRate': 'Tỷ lệ số hóa', 'implementation.dossiers.onlinePaymentRate': 'Tỷ lệ thanh toán trực tuyến',
  'implementation.dossiers.statedOnlineRate': 'Tỷ lệ trực tuyến (văn bản ghi)', 'implementation.dossiers.statedOnTimeRate': 'Tỷ lệ đúng hạn (văn bản ghi)',
  'implementation.budget.lines': 'I.3. Ngân sách năm báo cáo', 'implementation.budget.disbursed': 'Kinh phí đã giải ngân',
  'implementation.budget.expectedCompletion': 'Dự kiến hoàn thành', 'implementation.budget.progress': 'Tiến độ giải ngân',
  'implementation.budget.stated.total': 'Tổng ghi trong văn bản (I.3)', 'implementation.budget.stated.totalWords': 'Bằng chữ (I.3)',
  'implementation.assessment.achievements': 'I.4.a) Kết quả đạt được', 'implementation.assessment.limitations': 'I.4.b) Tồn tại, hạn chế',
  'implementation.assessment.causes': 'I.4.c) Nguyên nhân', 'plan.basis': 'II.1. Căn cứ', 'plan.objectives': 'II.1. Mục tiêu',
  'plan.budget': 'II.2. Dự toán', 'plan.stated.total': 'Tổng ghi trong văn bản (II)', 'plan.stated.totalWords': 'Bằng chữ (II)',
  'plan.attachments': 'Tài liệu gửi kèm',
};

const LINE_FIELDS: Record<string, string> = { title: 'nội dung', amount: 'số tiền', field: 'lĩnh vực', budgetCode: 'mã Khoản', kind: 'loại chi', note: 'ghi chú', statedAmount: 'số ghi trong văn bản', fundingSource: 'nguồn vốn' };

export interface ValueChange {
  path: string;
  label: string;
  before: unknown;
  after: unknown;
}

type Flat = Map<string, { label: string; value: unknown }>;

const isLines = (v: unknown): v is BudgetLine[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && 'id' in x && 'children' in x);

function flattenLines(lines: BudgetLine[], path: string, label: string, out: Flat) {
  for (const line of lines) {
    const base = `${path}#${line.id}`;
    const name = `${label} › ${line.title.trim() || '(chưa đặt tên)'}`;
    for (const [key, what] of Object.entries(LINE_FIELDS)) {
      const value = line[key as keyof BudgetLine];
      if (value === undefined || (key === 'amount' && line.children.length > 0)) continue;
      out.set(`${base}.${key}`, { label: `${name}: ${what}`, value: key === 'amount' || key === 'statedAmount' ? `${formatMillions(value as number)} triệu đồng` : value });
    }
    flattenLines(line.children, path, name, out);
  }
}

function flatten(value: unknown, path: string, out: Flat) {
  const label = LABELS[path.replace(/\[\d+\]/g, '')] ?? path;
  if (isLines(value)) return flattenLines(value, path, label, out);
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.set(`${path}[${i}]`, { label: value.length > 1 ? `${label} (mục ${i + 1})` : label, value: v }));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, { label, value });
}

/** Field-by-field and line-by-line differences between two reports. */
export function diffReports(before: Report, after: Report): ValueChange[] {
  const a: Flat = new Map();
  const b: Flat = new Map();
  flatten(before, '', a);
  flatten(after, '', b);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((k) => JSON.stringify(a.get(k)?.value) !== JSON.stringify(b.get(k)?.value))
    .map((k) => ({ path: k, label: (b.get(k) ?? a.get(k))?.label ?? k, before: a.get(k)?.value, after: b.get(k)?.value }));
}

/** A value for a comparison table. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'number') return formatNumber(v, 2);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
