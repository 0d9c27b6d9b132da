import { lineTotal, linesTotal } from './budget.ts';
import { formatDocumentDate, formatMillions, formatNumber, formatPercent, formatShortDate } from './format.ts';
import type { BudgetLine, Dossiers, Report } from './report-schema.ts';
import { amountInWords } from './words.ts';

/**
 * The text of the official report as an ordered outline of blocks, derived from the model.
 * Renderers (DOCX, preview) only style these blocks; the importer reads the same templates
 * backwards. Keeping the wording in one place is what makes import(render(r)) = r hold.
 * The fixed phrases follow the reference report of Kiến Thụy (2026) word for word.
 */
export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

export type BlockKind =
  | 'title' // "BÁO CÁO"
  | 'summary' // the line under it
  | 'basis' // a legal basis, italic
  | 'section' // "I. …", bold upper case
  | 'heading' // "1. …", bold
  | 'item' // "a) …", plain
  | 'subheading' // "2.1. …: 1.320 triệu đồng", bold
  | 'body' // a justified paragraph
  | 'bullet'; // "- …" / "+ …"

export interface Block {
  kind: BlockKind;
  runs: Run[];
  /** The model path the block comes from, for comments and side-by-side views. */
  path?: string;
}

export interface DocumentOutline {
  issuer: { parent: string; name: string };
  numberLine: string;
  placeDate: string;
  blocks: Block[];
  recipients: string[];
  signer: { onBehalfOf: string; title: string; name: string };
}

const CITIES = new Set(['hà nội', 'hải phòng', 'đà nẵng', 'hồ chí minh', 'thành phố hồ chí minh', 'cần thơ', 'huế']);

/** "thành phố" for the six centrally-run cities, else "tỉnh". */
export const provinceLevel = (province: string): string => (CITIES.has(province.trim().toLowerCase()) ? 'thành phố' : 'tỉnh');

/** "xã Kiến Thụy", "phường Hồng Bàng", "đặc khu Cát Hải". */
export const unitTitle = (r: Pick<Report, 'commune'>): string => `${r.commune.kind} ${r.commune.name}`;

export const millions = (amount: number): string => `${formatMillions(amount)} triệu đồng`;

export const defaultSummary = (r: Pick<Report, 'reportYear' | 'planYear'>): string =>
  `Tình hình thực hiện kế hoạch khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${r.reportYear}; xây dựng kế hoạch, dự toán ngân sách khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${r.planYear}`;

/**
 * Whether a document's sentence is the template's wording: the same text, or the same written
 * with "CDS" for "CĐS" (as older documents spelt it). Such a sentence is the template's, and the
 * template now spells CĐS; any other wording is the document's own and is kept as it is.
 */
export const isTemplateWording = (text: string, template: string): boolean =>
  text === template || text.replace(/\bCDS\b/gu, 'CĐS') === template;

export const defaultIntro = (r: Pick<Report, 'commune' | 'reportYear' | 'planYear'>): string =>
  `Ủy ban nhân dân ${unitTitle(r)} báo cáo tình hình thực hiện kế hoạch khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KH, CN, ĐMST & CĐS) năm ${r.reportYear} và xây dựng kế hoạch, dự toán ngân sách năm ${r.planYear} như sau:`;

export const defaultClosing = (r: Pick<Report, 'commune' | 'planYear'>): string =>
  `Ủy ban nhân dân ${unitTitle(r)} kính đề nghị Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân ${provinceLevel(r.commune.province)} xem xét, phê duyệt kế hoạch, dự toán ngân sách năm ${r.planYear} để địa phương có cơ sở triển khai thực hiện./.`;

/** The fixed headings of the template, shared with the importer. */
export const HEADINGS = {
  partI: (year: number) => `I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH KH, CN, ĐMST & CĐS NĂM ${year}`,
  leadership: '1. Công tác lãnh đạo, chỉ đạo tổ chức thực hiện',
  results: '2. Kết quả thực hiện theo từng lĩnh vực',
  science: 'a) Về khoa học, công nghệ',
  innovation: 'b) Về đổi mới sáng tạo',
  digital: 'c) Về chuyển đổi số',
  budget: (year: number) => `3. Tình hình phân bổ, giải ngân ngân sách nhà nước năm ${year}`,
  assessment: '4. Đánh giá chung',
  achievements: 'a) Kết quả đạt được: ',
  limitations: 'b) Tồn tại, hạn chế: ',
  causes: 'c) Nguyên nhân: ',
  partII: (year: number) => `II. XÂY DỰNG KẾ HOẠCH, DỰ TOÁN NGÂN SÁCH KH,CN,ĐMST&CĐS NĂM ${year}`,
  basis: '1. Căn cứ, mục tiêu xây dựng kế hoạch',
  detail: '2. Dự toán chi tiết',
} as const;

const plain = (text: string): Run[] => [{ text }];
const block = (kind: BlockKind, text: string, path?: string): Block => ({ kind, runs: plain(text), ...(path ? { path } : {}) });

/** "- title: 60 triệu đồng." or, for a group of leaves, "- title: a (500 triệu đồng); b (150 triệu đồng)." */
function lineBlocks(line: BudgetLine, path: string, bullet = '-'): Block[] {
  const source = line.fundingSource ? `, được bố trí từ ${line.fundingSource}` : '';
  if (line.children.length === 0) {
    return [block('bullet', `${bullet} ${line.title}: ${millions(line.amount)}${source}.`, path)];
  }
  if (line.children.every((c) => c.children.length === 0)) {
    const parts = line.children.map((c) => `${c.title} (${millions(c.amount)})`).join('; ');
    return [block('bullet', `${bullet} ${line.title}: ${parts}${source}.`, path)];
  }
  return [
    block('bullet', `${bullet} ${line.title}: ${millions(lineTotal(line))}${source}, gồm:`, path),
    ...line.children.flatMap((c, i) => lineBlocks(c, `${path}.children[${i}]`, '+')),
  ];
}

function paragraphs(texts: readonly string[], path: string): Block[] {
  return texts.map((t, i) => block('body', t, `${path}[${i}]`));
}

function labelled(label: string, texts: readonly string[], path: string): Block[] {
  const [first = '', ...rest] = texts;
  return [
    { kind: 'item', runs: [{ text: label }, { text: first }], path: `${path}[0]` },
    ...rest.map((t, i) => block('body', t, `${path}[${i + 1}]`)),
  ];
}

export function documentOutline(r: Report): DocumentOutline {
  const impl = r.implementation;
  const blocks: Block[] = [
    block('title', 'BÁO CÁO'),
    block('summary', r.document.summary ?? defaultSummary(r), 'document.summary'),
    ...r.document.legalBases.map((t, i) => block('basis', t, `document.legalBases[${i}]`)),
    block('body', r.document.intro ?? defaultIntro(r), 'document.intro'),
    block('section', HEADINGS.partI(r.reportYear)),
    block('heading', HEADINGS.leadership),
    ...paragraphs(impl.leadership.paragraphs, 'implementation.leadership.paragraphs'),
    block('heading', HEADINGS.results),
    block('item', HEADINGS.science),
    ...paragraphs(impl.results.science, 'implementation.results.science'),
    block('item', HEADINGS.innovation),
    ...paragraphs(impl.results.innovation, 'implementation.results.innovation'),
    block('item', HEADINGS.digital),
    ...paragraphs(impl.results.digital, 'implementation.results.digital'),
    block('heading', HEADINGS.budget(r.reportYear)),
  ];
  if (impl.budget.lines.length > 0) {
    const total = linesTotal(impl.budget.lines);
    blocks.push({
      kind: 'body',
      path: 'implementation.budget.lines',
      runs: [
        { text: `Tổng dự toán ngân sách cho hoạt động KH,CN,ĐMST&CĐS năm ${r.reportYear} của ${r.commune.kind} là ${millions(total)} (` },
        { text: `Bằng chữ: ${amountInWords(total)}`, italic: true },
        { text: '), trong đó:' },
      ],
    });
    impl.budget.lines.forEach((line, i) => blocks.push(...lineBlocks(line, `implementation.budget.lines[${i}]`)));
    if (impl.budget.disbursed !== undefined) {
      const rate = total > 0 ? `, đạt ${formatPercent((impl.budget.disbursed / total) * 100)} dự toán` : '';
      blocks.push(block('body', `Kinh phí đã giải ngân đến thời điểm báo cáo: ${millions(impl.budget.disbursed)}${rate}.`, 'implementation.budget.disbursed'));
    }
  }
  blocks.push(
    ...paragraphs(impl.budget.progress, 'implementation.budget.progress'),
    block('heading', HEADINGS.assessment),
    ...labelled(HEADINGS.achievements, impl.assessment.achievements, 'implementation.assessment.achievements'),
    ...labelled(HEADINGS.limitations, impl.assessment.limitations, 'implementation.assessment.limitations'),
    ...labelled(HEADINGS.causes, impl.assessment.causes, 'implementation.assessment.causes'),
    block('section', HEADINGS.partII(r.planYear)),
    block('heading', HEADINGS.basis),
    ...paragraphs(r.plan.basis, 'plan.basis'),
    ...r.plan.objectives.map((t, i) => block('bullet', `- ${t}`, `plan.objectives[${i}]`)),
    block('heading', HEADINGS.detail),
  );
  const planTotal = linesTotal(r.plan.budget);
  blocks.push(
    block(
      'body',
      `Căn cứ vào định hướng phát triển và nhu cầu thực tế của địa phương, Ủy ban nhân dân ${unitTitle(r)} đề xuất dự toán kinh phí KH,CN,ĐMST&CĐS năm ${r.planYear} là ${millions(planTotal)} (Bằng chữ: ${amountInWords(planTotal)}). Chi tiết các lĩnh vực như sau:`,
      'plan.budget',
    ),
  );
  r.plan.budget.forEach((group, i) => {
    const code = group.budgetCode ? ` (Khoản ${group.budgetCode})` : '';
    blocks.push(block('subheading', `2.${i + 1}. ${group.title}${code}: ${millions(lineTotal(group))}`, `plan.budget[${i}]`));
    group.children.forEach((child, j) => blocks.push(...lineBlocks(child, `plan.budget[${i}].children[${j}]`)));
  });
  if (r.plan.attachments.length > 0) {
    blocks.push({ kind: 'body', path: 'plan.attachments', runs: [{ text: `(Gửi kèm theo ${r.plan.attachments.join(' và ')})`, italic: true }] });
  }
  const closing = r.document.closing ?? defaultClosing(r);
  blocks.push(block('body', closing.endsWith('./.') ? closing : `${closing.replace(/[.\s]+$/, '')}./.`, 'document.closing'));

  return {
    issuer: { parent: 'ỦY BAN NHÂN DÂN', name: unitTitle(r).toLocaleUpperCase('vi') },
    numberLine: numberLine(r.document.number),
    placeDate: placeDate(r),
    blocks,
    recipients: r.document.recipients,
    signer: r.document.signer,
  };
}

/** "Kiến Thụy, ngày 05 tháng 7 năm 2026"; without a date, the blanks the office fills in by hand. */
export const placeDate = (r: Pick<Report, 'document' | 'commune' | 'reportYear'>): string =>
  `${r.document.place || r.commune.name}, ${r.document.date ? formatDocumentDate(r.document.date) : `ngày      tháng      năm ${r.reportYear}`}`;

/** "Số: 125/BC-UBND"; without a number, the blank the office fills in by hand. */
export function numberLine(number: string | undefined): string {
  if (!number) return 'Số:        /BC-UBND';
  return `Số: ${number.includes('/') ? number : `${number}/BC-UBND`}`;
}

export const blockText = (b: Block): string => b.runs.map((r) => r.text).join('');

/**
 * The standard sentence of dossier figures, as the reference report writes it. The editor offers
 * it to replace the sentence in "Về chuyển đổi số" after the official changes the figures.
 */
export function dossierSentence(d: Dossiers, r: Pick<Report, 'commune'>): string {
  const parts: string[] = [];
  const count = (v: number | undefined) => formatNumber(v ?? 0);
  const online = d.online !== undefined && d.direct !== undefined && d.online + d.direct > 0 ? (d.online / (d.online + d.direct)) * 100 : undefined;
  const resolved = (d.resolvedOnTime ?? 0) + (d.resolvedLate ?? 0);
  const onTime = d.resolvedOnTime !== undefined && resolved > 0 ? (d.resolvedOnTime / resolved) * 100 : undefined;
  const truncate = (v: number) => Math.floor(v * 100) / 100;
  const period = d.periodStart && d.periodEnd ? `Theo số liệu từ ngày ${formatShortDate(d.periodStart)} đến hết ngày ${formatShortDate(d.periodEnd)}, ` : '';
  parts.push(`${period}Ủy ban nhân dân ${r.commune.kind} đã tiếp nhận ${count(d.total)} hồ sơ; trong kỳ ${count(d.receivedInPeriod)} hồ sơ, kỳ trước chuyển sang ${count(d.carriedOver)} hồ sơ${d.fields !== undefined ? ` liên quan đến ${d.fields} lĩnh vực` : ''}`);
  parts.push(`trong đó tiếp nhận trực tuyến trong kỳ là ${count(d.online)}${online !== undefined ? ` đạt ${formatPercent(truncate(online))}` : ''}, trực tiếp là ${count(d.direct)} hồ sơ`);
  parts.push(`đã giải quyết trước và đúng hạn là ${count(d.resolvedOnTime)} hồ sơ${onTime !== undefined ? ` đạt ${formatPercent(truncate(onTime))}` : ''}, quá hạn ${count(d.resolvedLate)} hồ sơ`);
  let text = `${parts.join('; ')}; đang giải quyết trong hạn ${count(d.pendingOnTime)} hồ sơ, yêu cầu bổ sung ${count(d.supplementRequested)} hồ sơ.`;
  const rates: string[] = [];
  if (d.digitizationRate !== undefined) rates.push(`Tỷ lệ số hóa hồ sơ và kết quả đạt ${formatPercent(d.digitizationRate)}`);
  if (d.onlinePaymentRate !== undefined) rates.push(`tỷ lệ thanh toán trực tuyến đạt ${formatPercent(d.onlinePaymentRate)}`);
  if (rates.length) text += ` ${rates.join(', ')}.`;
  return text;
}

/**
 * The whole report as plain text, one paragraph per line, in reading order: the header, the
 * body blocks, "Nơi nhận:" with its list and the signature block. This is the `.txt` form of the
 * document (and what the importer reads back).
 */
export function documentText(outline: DocumentOutline): string {
  const lines = [
    outline.issuer.parent,
    outline.issuer.name,
    outline.numberLine,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    outline.placeDate,
    ...outline.blocks.map(blockText),
    'Nơi nhận:',
    ...outline.recipients.map((r) => `- ${r}`),
    outline.signer.onBehalfOf,
    outline.signer.title,
    outline.signer.name,
  ];
  return `${lines.join('\n')}\n`;
}
