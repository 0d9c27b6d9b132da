import type { Finding } from '../../../src/domain/checks.ts';
import type { Report } from '../../../src/domain/report-schema.ts';
import { api } from './client.ts';
import type {
  Change, CommentItem, Health, ImportResult, ReportEnvelope, ReportListItem, ReportMeta, UnitItem, User, VersionItem,
} from './types.ts';

const enc = encodeURIComponent;
const reportPath = (id: string | number) => `/api/reports/${enc(String(id))}`;

export const endpoints = {
  health: () => api<Health>('/api/health'),
  login: (username: string, password: string) =>
    api<{ user: User; csrfToken: string }>('/api/auth/login', { method: 'POST', body: { username, password } }),
  logout: () => api<unknown>('/api/auth/logout', { method: 'POST', body: {} }),
  csrf: () => api<{ csrfToken: string }>('/api/auth/csrf'),
  me: () => api<{ user: User }>('/api/me'),
  units: (q = '') => api<{ items: UnitItem[] }>(`/api/units${q ? `?q=${enc(q)}` : ''}`),
  reports: () => api<{ items: ReportListItem[] }>('/api/reports'),
  report: (id: string | number) => api<ReportEnvelope>(reportPath(id)),
  save: (id: string | number, report: Report, version: number, keepalive = false, action: 'save' | 'import' = 'save') =>
    api<ReportEnvelope>(`${reportPath(id)}${action === 'import' ? '?action=import' : ''}`, { method: 'PUT', body: report, headers: { 'If-Match': String(version) }, keepalive }),
  /** Version `source` becomes a new version; `version` is the one being edited (If-Match). */
  restoreVersion: (id: string | number, source: number, version: number) =>
    api<ReportEnvelope>(`${reportPath(id)}/versions/${source}/restore`, { method: 'POST', body: {}, headers: { 'If-Match': String(version) } }),
  /** Submits `version`, the one on screen; 409 VERSION_CHANGED when a newer one was saved. */
  submit: (id: string | number, version: number, acknowledgeWarnings: boolean) =>
    api<{ meta: ReportMeta }>(`${reportPath(id)}/submit`, { method: 'POST', body: { acknowledgeWarnings }, headers: { 'If-Match': String(version) } }),
  comments: (id: string | number) => api<{ items: CommentItem[] }>(`${reportPath(id)}/comments`),
  checks: (id: string | number) => api<{ findings: Finding[] }>(`${reportPath(id)}/checks`),
  versions: (id: string | number) => api<{ items: VersionItem[] }>(`${reportPath(id)}/versions`),
  version: (id: string | number, version: number) => api<ReportEnvelope>(`${reportPath(id)}/versions/${version}`),
  diff: (id: string | number, from: number, to: number) =>
    api<{ changes: Change[] }>(`${reportPath(id)}/diff?from=${from}&to=${to}`),
  importFile: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<ImportResult>('/api/reports/import', { method: 'POST', body: form });
  },
  downloadUrl: (id: string | number, kind: 'document.docx' | 'appendix.xlsx' | 'document.pdf') => `${reportPath(id)}/${kind}`,
};
