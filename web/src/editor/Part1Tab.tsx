import { Anchor } from 'antd';
import type { Report } from '../../../src/domain/report-schema.ts';
import { ImportedNotes } from './common/ImportedNotes.tsx';
import type { SectionProps } from './common/section-props.ts';
import { AssessmentSection } from './part1/AssessmentSection.tsx';
import { BudgetExecutionSection } from './part1/BudgetExecutionSection.tsx';
import { DocumentInfoSection } from './part1/DocumentInfoSection.tsx';
import { LeadershipSection } from './part1/LeadershipSection.tsx';
import { ResultsSection } from './part1/ResultsSection.tsx';

const SECTIONS = [
  ['muc-van-ban', 'Văn bản'],
  ['muc-lanh-dao', '1. Lãnh đạo, chỉ đạo'],
  ['muc-ket-qua', '2. Kết quả'],
  ['muc-ho-so', 'Số liệu hồ sơ'],
  ['muc-ngan-sach', '3. Ngân sách'],
  ['muc-danh-gia', '4. Đánh giá'],
] as const;

/** Document information and Part I (implementation in the report year), section by section. */
export function Part1Tab(props: SectionProps & { update(change: (r: Report) => Report): void }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <nav aria-label="Các mục của Phần I" style={{ position: 'sticky', top: 56, zIndex: 5, background: '#f3f5f9', padding: '4px 0', margin: '-8px 0 -8px' }}>
        <Anchor
          direction="horizontal"
          replace
          targetOffset={120}
          items={SECTIONS.map(([key, title]) => ({ key, href: `#${key}`, title }))}
        />
      </nav>
      <ImportedNotes {...props} part="I" />
      <DocumentInfoSection {...props} />
      <LeadershipSection {...props} />
      <ResultsSection {...props} />
      <BudgetExecutionSection {...props} />
      <AssessmentSection {...props} />
    </div>
  );
}
