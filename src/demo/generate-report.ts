import { MAX_BUDGET_CHILDREN, MAX_BUDGET_LINES } from '../domain/limits.ts';
import type { BudgetLine, Field, Report, UnitKind } from '../domain/report-schema.ts';
import type { Rng } from './random.ts';

/**
 * Generated, clearly-demo reports for communes other than the reference one: realistic budget
 * trees (10–40 lines), dossier figures that add up (or, sometimes, carry a typical slip) and
 * plausible narrative. Every generated report says so in its first legal basis line.
 */
export const DEMO_MARK = '[Dữ liệu minh họa do khcn tạo tự động]';

const TITLES: Record<Field, string[]> = {
  science: [
    'Chi hỗ trợ thường xuyên', 'Xây dựng kế hoạch, nhiệm vụ khoa học công nghệ cấp xã', 'Xây dựng cơ sở dữ liệu kinh tế - xã hội phục vụ quản lý',
    'Hỗ trợ xây dựng mô hình sản xuất ứng dụng công nghệ', 'Ứng dụng công nghệ sinh học trong trồng trọt', 'Chuyển giao quy trình nuôi trồng thủy sản',
    'Hội thảo khoa học về phát triển kinh tế nông thôn', 'Đào tạo, bồi dưỡng cán bộ phụ trách khoa học công nghệ', 'Ứng dụng trí tuệ nhân tạo trong công tác điều hành',
    'Hỗ trợ áp dụng tiêu chuẩn, quy chuẩn cho sản phẩm địa phương', 'Mua tài liệu, tạp chí khoa học công nghệ', 'Hỗ trợ hợp tác xã đổi mới thiết bị',
  ],
  innovation: [
    'Tổ chức Ngày hội đổi mới sáng tạo', 'Hỗ trợ các sáng kiến cải cách hành chính', 'Hỗ trợ chuyển đổi số cho hợp tác xã, hộ kinh doanh',
    'Xây dựng mô hình OCOP ứng dụng công nghệ số', 'Hỗ trợ đăng ký sở hữu trí tuệ, nhãn hiệu cho sản phẩm địa phương', 'Cuộc thi ý tưởng khởi nghiệp cho thanh niên',
    'Hỗ trợ thương mại điện tử cho sản phẩm đặc trưng', 'Không gian đổi mới sáng tạo cộng đồng',
  ],
  digital: [
    'Trang bị máy tính, máy quét tốc độ cao', 'Hệ thống hội nghị trực tuyến', 'Nâng cấp hệ thống đài truyền thanh ứng dụng công nghệ thông tin',
    'Xây dựng ứng dụng phục vụ dịch vụ hành chính công', 'Bồi dưỡng kỹ năng số cho người dân và Tổ công nghệ số cộng đồng', 'Duy trì, nâng cấp hệ thống an ninh mạng, tường lửa',
    'Số hóa hồ sơ, tài liệu lưu trữ', 'Lắp đặt camera giám sát an ninh trật tự', 'Wifi công cộng tại nhà văn hóa thôn', 'Chữ ký số và thiết bị xác thực',
    'Hệ thống quản lý văn bản và điều hành', 'Bản đồ số quy hoạch sử dụng đất',
  ],
};

const GROUP: Record<Field, { title: string; code?: string }> = {
  science: { title: 'Khoa học, công nghệ' },
  innovation: { title: 'Đổi mới sáng tạo', code: '111' },
  digital: { title: 'Chuyển đổi số', code: '121' },
};

const FOCAL = ['Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND'];

export interface UnitInfo {
  name: string;
  kind: UnitKind;
  province: string;
  provinceCode?: string | undefined;
}

const millions = (rng: Rng, min: number, max: number, step = 5) => rng.int(Math.ceil(min / step), Math.floor(max / step)) * step * 1_000_000;

/**
 * The most Part II lines (leaves) a generated report can have within the limits of limits.ts:
 * three field groups of at most MAX_BUDGET_CHILDREN lines each, and with the groups and Part I's
 * two lines at most MAX_BUDGET_LINES lines in the report. Load tests ask for large plans; the
 * generator never makes a report the schema would refuse.
 */
export const MAX_GENERATED_LINES = Math.min(3 * MAX_BUDGET_CHILDREN, MAX_BUDGET_LINES - 3 - 2);

function budgetTree(rng: Rng, lineCount: number): BudgetLine[] {
  const fields: Field[] = ['science', 'innovation', 'digital'];
  const counts = [Math.max(2, Math.round(lineCount * 0.35)), Math.max(2, Math.round(lineCount * 0.25))];
  counts.push(Math.max(2, lineCount - counts[0]! - counts[1]!));
  // Large plans only (the usual 10–40 lines are untouched): no group above MAX_BUDGET_CHILDREN,
  // the excess moved to the groups with room.
  let excess = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > MAX_BUDGET_CHILDREN) { excess += counts[i]! - MAX_BUDGET_CHILDREN; counts[i] = MAX_BUDGET_CHILDREN; }
  for (let i = 0; i < counts.length && excess > 0; i++) { const moved = Math.min(excess, MAX_BUDGET_CHILDREN - counts[i]!); counts[i]! += moved; excess -= moved; }
  return fields.map((field, fi) => {
    const children: BudgetLine[] = [];
    for (let i = 0; i < counts[fi]!; i++) {
      const base = TITLES[field][i % TITLES[field].length]!;
      const title = i < TITLES[field].length ? base : `${base} (đợt ${Math.floor(i / TITLES[field].length) + 1})`;
      const kind = field === 'digital' && rng.chance(0.3) ? 'investment' : 'recurrent';
      children.push({ id: `g${fi + 1}-${i + 1}`, title, kind, amount: millions(rng, 20, kind === 'investment' ? 900 : 400), children: [] });
    }
    return { id: `g${fi + 1}`, field, ...(GROUP[field].code ? { budgetCode: GROUP[field].code } : {}), title: GROUP[field].title, kind: 'recurrent', amount: 0, children };
  });
}

/** Who and which years: the same for a generated and a blank report. */
function identity(unit: UnitInfo, reportYear: number): Pick<Report, 'schemaVersion' | 'commune' | 'reportYear' | 'planYear'> {
  return {
    schemaVersion: 1,
    commune: { name: unit.name, kind: unit.kind, province: unit.province, ...(unit.provinceCode ? { provinceCode: unit.provinceCode } : {}) },
    reportYear,
    planYear: reportYear + 1,
  };
}

export function generateReport(unit: UnitInfo, reportYear: number, rng: Rng, options: { lines?: number; slips?: boolean; guidance?: string } = {}): Report {
  const lines = options.lines ?? rng.int(10, 40);
  if (!Number.isInteger(lines) || lines < 6 || lines > MAX_GENERATED_LINES) throw new RangeError(`generateReport: lines must be 6–${MAX_GENERATED_LINES} (the report limits), not ${lines}`);
  const received = rng.int(800, 9000);
  const carried = rng.int(0, 300);
  const direct = rng.int(0, Math.round(received * 0.05));
  const total = received + carried;
  const late = rng.int(0, 5);
  const supplement = rng.int(0, 20);
  const pending = rng.int(10, 120);
  const onTime = total - late - supplement - pending;
  const slip = options.slips && rng.chance(0.12);
  const unitTitle = `${unit.kind} ${unit.name}`;
  const recurrent = millions(rng, 100, 800, 10);
  const investment = rng.chance(0.5) ? millions(rng, 500, 6000, 10) : 0;
  return {
    ...identity(unit, reportYear),
    document: {
      place: unit.name,
      date: `${reportYear}-07-${String(rng.int(1, 28)).padStart(2, '0')}`,
      legalBases: [
        `${DEMO_MARK} Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;`,
        `Căn cứ ${options.guidance ?? 'hướng dẫn của Bộ Khoa học và Công nghệ'} về việc hướng dẫn xây dựng kế hoạch và dự toán ngân sách khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${reportYear + 1},`,
      ],
      signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: rng.pick(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải']) },
      recipients: ['S. KH&CN;', `CT, các PCT UBND ${unit.kind};`, 'Lưu: VT.'],
    },
    implementation: {
      leadership: {
        focalUnit: rng.pick(FOCAL),
        paragraphs: [`Ủy ban nhân dân ${unitTitle} đã phân công đơn vị đầu mối tham mưu công tác khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; chỉ đạo các đơn vị liên quan phối hợp triển khai các nhiệm vụ được giao.`],
      },
      digitalTeams: { teams: rng.int(5, 30), members: rng.int(30, 200) },
      results: {
        science: ['Triển khai ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất, hướng dẫn hộ sản xuất tiếp cận giống mới và quy trình canh tác.'],
        innovation: ['Tuyên truyền, khuyến khích hộ kinh doanh, hợp tác xã đổi mới sản phẩm, tham gia Chương trình mỗi xã một sản phẩm (OCOP).'],
        digital: ['Đẩy mạnh giải quyết thủ tục hành chính trên môi trường điện tử, số hóa hồ sơ và thanh toán trực tuyến.'],
      },
      dossiers: {
        periodStart: `${reportYear}-01-01`,
        periodEnd: `${reportYear}-06-30`,
        fields: rng.int(5, 15),
        total: slip ? total + 1 : total,
        receivedInPeriod: received,
        carriedOver: carried,
        online: received - direct,
        direct,
        resolvedOnTime: onTime,
        resolvedLate: late,
        pendingOnTime: pending,
        supplementRequested: supplement,
        digitizationRate: rng.int(85, 100),
        onlinePaymentRate: rng.int(70, 100),
      },
      budget: {
        lines: [
          { id: 'i-1', title: 'Chi thường xuyên', kind: 'recurrent', amount: recurrent, children: [] },
          ...(investment ? [{ id: 'i-2', title: 'Chi đầu tư phát triển', kind: 'investment' as const, amount: investment, children: [], fundingSource: 'nguồn thu đấu giá quyền sử dụng đất' }] : []),
        ],
        stated: {},
        disbursed: Math.round(((recurrent + investment) * rng.int(30, 95)) / 100 / 1_000_000) * 1_000_000,
        progress: [],
      },
      assessment: {
        achievements: ['Các chỉ tiêu về chuyển đổi số, cải cách hành chính cơ bản đạt yêu cầu đề ra.'],
        limitations: ['Nguồn lực đầu tư còn hạn chế; cán bộ phụ trách còn kiêm nhiệm.'],
        causes: ['Bộ máy mới được kiện toàn theo mô hình chính quyền địa phương hai cấp; ngân sách địa phương còn hạn hẹp.'],
      },
    },
    plan: {
      basis: [`Kế hoạch năm ${reportYear + 1} được xây dựng trên cơ sở định hướng phát triển kinh tế - xã hội của ${unit.kind} và nhiệm vụ chuyển đổi số toàn diện theo tinh thần Nghị quyết số 57-NQ/TW.`],
      objectives: [],
      budget: budgetTree(rng, lines),
      stated: {},
      attachments: [`Biểu chi tiết dự toán năm ${reportYear + 1}`],
    },
  };
}

/** An empty report for a unit at the start of a cycle: identity, years and the three field groups. */
export function blankReport(unit: UnitInfo, reportYear: number, guidance?: string): Report {
  return {
    ...identity(unit, reportYear),
    document: {
      place: unit.name,
      legalBases: guidance ? [`Căn cứ ${guidance};`] : [],
      signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' },
      recipients: ['S. KH&CN;', `CT, các PCT UBND ${unit.kind};`, 'Lưu: VT.'],
    },
    implementation: {
      leadership: { paragraphs: [] },
      digitalTeams: {},
      results: { science: [], innovation: [], digital: [] },
      dossiers: {},
      budget: { lines: [], stated: {}, progress: [] },
      assessment: { achievements: [], limitations: [], causes: [] },
    },
    plan: {
      basis: [],
      objectives: [],
      budget: (['science', 'innovation', 'digital'] as const).map((field, i) => ({
        id: `g${i + 1}`, field, ...(GROUP[field].code ? { budgetCode: GROUP[field].code } : {}), title: GROUP[field].title, kind: 'recurrent' as const, amount: 0, children: [],
      })),
      stated: {},
      attachments: [`Biểu chi tiết dự toán năm ${reportYear + 1}`],
    },
  };
}
