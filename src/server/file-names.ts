import type { Report } from '../domain/report-schema.ts';
import { searchKey } from '../domain/text.ts';

/** "Bao-cao-KHCN-xa-Kien-Thuy-2027.docx" and its Vietnamese form for RFC 5987 clients. */
export function documentFileName(report: Report, kind: string): { ascii: string; unicode: string } {
  const ext = kind.split('.').pop() ?? 'bin';
  const what = kind.startsWith('appendix') ? 'Biểu dự toán' : 'Báo cáo KHCN';
  const unicode = `${what} ${report.commune.kind} ${report.commune.name} ${report.planYear}.${ext}`.replace(/[\\/:*?"<>|\r\n]+/g, ' ');
  const ascii = searchKey(unicode.replace(/\.[a-z]+$/, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { ascii: `${ascii}.${ext}`, unicode };
}
