import type { Report } from '../../../src/domain/report-schema.ts';
import type { SectionProps } from './common/section-props.ts';
import { AssessmentSection } from './part1/AssessmentSection.tsx';
import { BudgetExecutionSection } from './part1/BudgetExecutionSection.tsx';
import { DocumentInfoSection } from './part1/DocumentInfoSection.tsx';
import { LeadershipSection } from './part1/LeadershipSection.tsx';
import { ResultsSection } from './part1/ResultsSection.tsx';

/** Document information and Part I (implementation in the report year), section by section. */
export function Part1Tab(props: SectionProps & { update(change: (r: Report) => Report): void }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <DocumentInfoSection {...props} />
      <LeadershipSection {...props} />
      <ResultsSection {...props} />
      <BudgetExecutionSection {...props} />
      <AssessmentSection {...props} />
    </div>
  );
}
