import fc from 'fast-check';
import { dossierSentence, provinceLevel } from '../../src/domain/report-text.ts';
import { Report, type BudgetLine, type Dossiers, type Field } from '../../src/domain/report-schema.ts';
import { kindOf } from '../../src/documents/import/budget-lines.ts';

/**
 * Random reports that the template can express without ambiguity, for the round-trip property
 * import(render(r)) = r. What the template cannot express is left out here and documented in
 * `normalise` (round-trip.test.ts): ids, stated figures, notes, and narrative that would read as
 * a heading or a figure.
 */
const WORDS = [
  'triển khai', 'ứng dụng', 'nền tảng', 'dữ liệu', 'người dân', 'doanh nghiệp', 'hợp tác xã', 'nông sản', 'đào tạo',
  'bồi dưỡng', 'kỹ năng', 'hạ tầng', 'an ninh mạng', 'phần mềm', 'trực tuyến', 'hiện đại', 'đồng bộ', 'hiệu quả',
  'thủ tục', 'hành chính', 'cộng đồng', 'thôn', 'tổ dân phố', 'sản xuất', 'chăn nuôi', 'thủy sản', 'du lịch',
  'quản lý', 'điều hành', 'giám sát', 'tuyên truyền', 'phổ biến', 'mô hình', 'sáng kiến', 'cải tiến', 'chữ ký số',
  'camera', 'truyền thanh', 'Zalo', 'OCOP', 'HĐND', 'Nhân dân', 'đầu tư', 'thiết bị', 'máy tính', 'lưới điện', 'ấp',
];
const word = fc.constantFrom(...WORDS);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** A narrative paragraph: capitalised, ends with a full stop, no digits. */
const sentence = phrase(3, 14).map((s) => `${capital(s)}, ${s}.`);
const paragraphs = (max: number) => fc.array(sentence, { maxLength: max });
const title = phrase(1, 8).map(capital);
const partTitle = phrase(1, 6);

const COMMUNES = ['Kiến Thụy', 'Đông Hải', 'Ỷ La', 'Phù Liễn', 'Nam Đồ Sơn', 'Cát Hải', 'Bạch Đằng', 'Ea Kar', 'Lê Ích Mộc', 'Ứng Hòa'];
const PROVINCES = ['Hải Phòng', 'Đắk Lắk', 'Quảng Ninh', 'Lâm Đồng', 'Hà Tĩnh', 'Cà Mau', 'Hà Nội', 'Huế'];
const PEOPLE = ['Lưu Văn Thụy', 'Nguyễn Thị Ánh', 'Đỗ Đức Hưng', 'Trần Ngọc Ẩn', 'Phạm Thị Ơn'];
const UNITS = ['Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND', 'Trung tâm Phục vụ hành chính công'];

/** 1 đồng … tens of billions, round and not. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999_999 }),
  fc.integer({ min: 0, max: 50_000 }).map((m) => m * 1_000_000),
  fc.integer({ min: 1, max: 999_999 }),
  fc.integer({ min: 1, max: 100_000 }).map((m) => m * 100_000),
);

const leaf = fc.record({ title, amount }).map(({ title, amount }): BudgetLine => ({ id: 'x', title, kind: kindOf(title), amount, children: [] }));
const group = (children: fc.Arbitrary<BudgetLine[]>) =>
  fc.record({ title, children }).map(({ title, children }): BudgetLine => ({ id: 'x', title, kind: kindOf(title), amount: 0, children }));
const source = fc.option(phrase(2, 5).map((s) => `nguồn ${s}`), { nil: undefined });
/** A line under a field group: a leaf, a group of leaves, or a group whose children may be groups of leaves. */
const planLine = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: group(fc.array(leaf, { minLength: 1, maxLength: 3 })) },
      { weight: 1, arbitrary: group(fc.array(fc.oneof(leaf, group(fc.array(leaf, { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 3 })) },
    ),
    source,
  )
  .map(([line, fundingSource]) => (fundingSource ? { ...line, fundingSource } : line));

const FIELD_TITLES: Record<Field, string[]> = {
  science: ['Khoa học, công nghệ', 'Lĩnh vực khoa học và công nghệ', 'Nhiệm vụ khoa học, công nghệ cấp xã'],
  innovation: ['Đổi mới sáng tạo', 'Hoạt động đổi mới sáng tạo', 'Đổi mới sáng tạo và khởi nghiệp'],
  digital: ['Chuyển đổi số', 'Ứng dụng chuyển đổi số', 'Chuyển đổi số, cải cách hành chính'],
};
const CODES: Record<Field, string[]> = { science: ['101', '102', '106', '107'], innovation: ['111'], digital: ['121'] };
const fieldGroup = fc.constantFrom<Field>('science', 'innovation', 'digital').chain((field) =>
  fc.record({
    title: fc.constantFrom(...FIELD_TITLES[field]),
    code: fc.option(fc.constantFrom(...CODES[field]), { nil: undefined }),
    children: fc.array(planLine, { maxLength: 4 }),
    amount,
  }).map(({ title, code, children, amount }): BudgetLine => ({
    id: 'x', field, title, kind: 'recurrent', amount: children.length ? 0 : amount, children, ...(code ? { budgetCode: code } : {}),
  })),
);

const count = fc.integer({ min: 0, max: 100_000 });
const rate = fc.integer({ min: 0, max: 10_000 }).map((r) => r / 100);
const isoDate = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const dossiers = fc.record({
  period: fc.option(fc.tuple(isoDate, isoDate), { nil: undefined }),
  fields: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  total: count, receivedInPeriod: count, carriedOver: count, online: count, direct: count,
  resolvedOnTime: count, resolvedLate: count, pendingOnTime: count, supplementRequested: count,
  digitizationRate: fc.option(rate, { nil: undefined }),
  onlinePaymentRate: fc.option(rate, { nil: undefined }),
}).map(({ period, ...d }): Dossiers => ({ ...d, ...(period ? { periodStart: period[0], periodEnd: period[1] } : {}) }));

export const arbitraryReport: fc.Arbitrary<Report> = fc
  .record({
    name: fc.constantFrom(...COMMUNES),
    kind: fc.constantFrom('xã', 'phường', 'đặc khu'),
    province: fc.constantFrom(...PROVINCES),
    reportYear: fc.integer({ min: 2020, max: 2098 }),
    number: fc.option(fc.integer({ min: 1, max: 9999 }).map((n) => `${n}/BC-UBND`), { nil: undefined }),
    place: fc.constantFrom('', 'same', 'Núi Đối'),
    date: fc.option(isoDate, { nil: undefined }),
    summary: fc.option(sentence, { nil: undefined }),
    bases: paragraphs(3),
    intro: fc.option(phrase(2, 8), { nil: undefined }),
    closing: fc.option(sentence.map((s) => `${s.slice(0, -1)}./.`), { nil: undefined }),
    onBehalfOf: fc.constantFrom('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH'),
    signerTitle: fc.constantFrom('CHỦ TỊCH', 'PHÓ CHỦ TỊCH'),
    signerName: fc.constantFrom(...PEOPLE),
    recipients: fc.array(phrase(1, 4).map((s) => `${capital(s)};`), { maxLength: 4 }),
    leadership: paragraphs(2),
    focalUnit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    teams: fc.option(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 5000 })), { nil: undefined }),
    science: paragraphs(2), innovation: paragraphs(2), digital: paragraphs(2),
    dossiers: fc.option(dossiers, { nil: undefined }),
    currentLines: fc.array(fc.tuple(fc.oneof(leaf, group(fc.array(leaf, { minLength: 1, maxLength: 3 }))), source).map(([l, s]) => (s ? { ...l, fundingSource: s } : l)), { maxLength: 3 }),
    disbursed: fc.option(amount, { nil: undefined }),
    completion: fc.option(fc.constantFrom('Quý I năm 2026', 'Quý IV năm 2027', 'tháng 9 năm 2026'), { nil: undefined }),
    progress: paragraphs(2),
    achievements: paragraphs(2), limitations: paragraphs(2), causes: paragraphs(2),
    basis: paragraphs(2), objectives: paragraphs(3),
    groups: fc.array(fieldGroup, { minLength: 1, maxLength: 4 }),
    attachments: fc.array(fc.constantFrom('Phụ lục 02', 'Biểu chi tiết dự toán', 'Danh mục nhiệm vụ'), { maxLength: 2 }),
    partTitle,
  })
  .map((g) => {
    const unit = `${g.kind} ${g.name}`;
    const leadership = [...g.leadership];
    if (g.focalUnit) leadership.unshift(`Ủy ban nhân dân ${g.kind} đã phân công ${g.focalUnit} làm đầu mối tham mưu về ${g.partTitle}.`);
    if (g.teams) leadership.push(`Đã duy trì ${g.teams[0]} Tổ công nghệ số cộng đồng với ${g.teams[1]} thành viên.`);
    const base = { commune: { name: g.name, kind: g.kind } };
    const digital = g.dossiers ? [...g.digital, dossierSentence(g.dossiers, base as never)] : g.digital;
    const progress = g.completion ? [...g.progress, `Dự kiến các dự án hoàn thành trong ${g.completion}.`] : g.progress;
    return Report.parse({
      commune: { name: g.name, kind: g.kind, province: g.province },
      reportYear: g.reportYear,
      planYear: g.reportYear + 1,
      document: {
        ...(g.number ? { number: g.number } : {}),
        place: g.place === 'same' ? g.name : g.place,
        ...(g.date ? { date: g.date } : {}),
        ...(g.summary ? { summary: g.summary } : {}),
        legalBases: [...g.bases.map((b) => `Căn cứ ${b.slice(0, -1)};`), `Căn cứ hướng dẫn của Sở Khoa học và Công nghệ ${provinceLevel(g.province)} ${g.province} về ${g.partTitle},`],
        ...(g.intro ? { intro: `Ủy ban nhân dân ${unit} báo cáo ${g.intro} như sau:` } : {}),
        ...(g.closing ? { closing: g.closing } : {}),
        signer: { onBehalfOf: g.onBehalfOf, title: g.signerTitle, name: g.signerName },
        recipients: g.recipients,
      },
      implementation: {
        leadership: { ...(g.focalUnit ? { focalUnit: g.focalUnit } : {}), paragraphs: leadership },
        digitalTeams: g.teams ? { teams: g.teams[0], members: g.teams[1] } : {},
        results: { science: g.science, innovation: g.innovation, digital },
        dossiers: g.dossiers ?? {},
        budget: {
          lines: g.currentLines,
          stated: {},
          ...(g.currentLines.length && g.disbursed !== undefined ? { disbursed: g.disbursed } : {}),
          ...(g.completion ? { expectedCompletion: g.completion } : {}),
          progress,
        },
        assessment: { achievements: g.achievements, limitations: g.limitations, causes: g.causes },
      },
      plan: { basis: g.basis, objectives: g.objectives, budget: g.groups, stated: {}, attachments: [...new Set(g.attachments)] },
    });
  });
