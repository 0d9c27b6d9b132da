import { describe, expect, it } from 'vitest';
import type { VersionItem } from '../../api/types.ts';
import { actionLabel, versionSessions } from './version-sessions.ts';

const v = (version: number, at: string, action = 'save', createdBy = 'Nguyễn Văn A'): VersionItem => ({ version, createdAt: `2026-12-01T${at}:00.000Z`, action, createdBy });

describe('versionSessions', () => {
  it('puts one person’s autosaves within ten minutes of each other in one session, and nothing else', () => {
    const items = [
      v(1, '01:00', 'create', 'Hệ thống'),
      v(2, '08:00'), v(3, '08:01'), v(4, '08:05'), v(5, '08:14'), // 08:14 is 9 minutes after 08:05
      v(6, '08:15', 'save', 'Trần Thị B'),
      v(7, '08:16'),
      v(8, '08:17', 'import'),
      v(9, '08:40'),
      v(10, '08:41', 'submit'),
    ];
    const sessions = versionSessions(items);
    expect(sessions.map((s) => s.versions.map((x) => x.version))).toEqual([[10], [9], [8], [7], [6], [5, 4, 3, 2], [1]]);
    expect(sessions[5]).toMatchObject({ first: { version: 2 }, last: { version: 5 } });
  });

  it('starts a new session after a pause longer than ten minutes', () => {
    expect(versionSessions([v(2, '08:00'), v(3, '08:11')]).map((s) => s.versions.length)).toEqual([1, 1]);
  });
});

describe('actionLabel', () => {
  it('names actions as people would', () => {
    expect(actionLabel({ action: 'import' })).toBe('Nhập từ tệp');
    expect(actionLabel({ action: 'restore', sourceVersion: 3 })).toBe('Khôi phục phiên bản 3');
    expect(actionLabel({ action: 'save' })).toBe('Lưu');
    expect(actionLabel({ action: 'something-new' })).toBe('Thao tác khác');
  });
});
