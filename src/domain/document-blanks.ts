import type { Finding, Rule } from './checks.ts';
import type { Report } from './report-schema.ts';

/**
 * DOCUMENT_BLANK: the number and symbol ("Số, ký hiệu") and the date of issue of the report. The
 * office often fills them in by hand after signing, so the printed document leaves blanks for
 * them and a draft may lack them; but a report submitted with blanks reaches the Department as an
 * unnumbered, undated paper, so the chairman is told before submitting (a warning to acknowledge).
 * It is not in RULES: an imported document or `khcn check` is not asked for them, only a submission.
 */
export const DOCUMENT_BLANK: Rule = {
  code: 'DOCUMENT_BLANK',
  severity: 'warning',
  description: 'Báo cáo có số, ký hiệu và ngày ban hành trước khi nộp.',
  run(r) {
    const out: Finding[] = [];
    if ((r.document.number ?? '').trim() === '') {
      out.push({
        code: this.code,
        severity: this.severity,
        message: 'Chưa ghi số, ký hiệu văn bản: bản in sẽ để trống “Số: …/BC-UBND”. Ghi số đã lấy ở văn thư trước khi nộp.',
        path: 'document.number',
      });
    }
    if (r.document.date === undefined) {
      out.push({
        code: this.code,
        severity: this.severity,
        message: 'Chưa ghi ngày ban hành: bản in sẽ để trống “ngày … tháng … năm …”. Chọn ngày ký báo cáo trước khi nộp.',
        path: 'document.date',
      });
    }
    return out;
  },
};

/** The checks that apply to a submission on top of RULES (the editor shows them while drafting). */
export const SUBMIT_RULES: readonly Rule[] = [DOCUMENT_BLANK];

export const submitChecks = (report: Report): Finding[] => SUBMIT_RULES.flatMap((rule) => rule.run(report, []));
