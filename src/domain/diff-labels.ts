/** Vietnamese names of report fields, by dotted path without indices (used by diff.ts). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  'commune.name': 'Tên xã', 'commune.kind': 'Loại đơn vị', 'commune.province': 'Tỉnh, thành phố', reportYear: 'Năm báo cáo', planYear: 'Năm kế hoạch', schemaVersion: 'Phiên bản mẫu dữ liệu',
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
  'plan.attachments': 'Tài liệu gửi kèm', notes: 'Ghi chú (đoạn chưa xếp vào mục)',
};

/** Fields of a budget line, as the diff names them after the line's title. */
export const LINE_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'nội dung', amount: 'số tiền', field: 'lĩnh vực', budgetCode: 'mã Khoản', kind: 'loại chi', note: 'ghi chú', statedAmount: 'số ghi trong văn bản', statedWords: 'bằng chữ ghi trong văn bản', fundingSource: 'nguồn vốn',
};

/** A readable name for a path no label covers: its last segment, never the whole technical path. */
export const fallbackLabel = (path: string): string => {
  const last = path.replace(/\[\d+\]/g, '').split('.').pop() ?? path;
  return `Mục khác (${last})`;
};

const AMOUNTS = new Set(['implementation.budget.stated.total', 'plan.stated.total', 'implementation.budget.disbursed']);
const DATES = new Set(['document.date', 'implementation.dossiers.periodStart', 'implementation.dossiers.periodEnd']);

/** What a field holds, for showing its value: amounts in triệu đồng, rates in %, dates as dd/mm/yyyy. */
export function valueKind(path: string): 'amount' | 'rate' | 'date' | 'other' {
  if (AMOUNTS.has(path)) return 'amount';
  if (DATES.has(path)) return 'date';
  if (path.startsWith('implementation.dossiers.') && path.endsWith('Rate')) return 'rate';
  return 'other';
}
