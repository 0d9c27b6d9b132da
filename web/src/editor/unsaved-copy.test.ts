// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { Report } from '../../../src/domain/report-schema.ts';
import { clearUnsaved, pendingCopy, readUnsaved, writeUnsaved } from './unsaved-copy.ts';

const seed = Report.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../examples/kien-thuy-2026.json'), 'utf8')));
const edited: Report = { ...seed, implementation: { ...seed.implementation, leadership: { ...seed.implementation.leadership, focalUnit: 'Phòng Kinh tế' } } };

describe('local copy of unsaved edits', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one copy per report, keyed by report id and base version', () => {
    writeUnsaved(localStorage, 'r1', 3, edited);
    writeUnsaved(localStorage, 'r1', 4, edited);
    writeUnsaved(localStorage, 'r2', 1, seed);
    expect(Object.keys(localStorage).sort()).toEqual(['khcn:unsaved:r1:v4', 'khcn:unsaved:r2:v1']);
    expect(readUnsaved(localStorage, 'r1')?.baseVersion).toBe(4);
    clearUnsaved(localStorage, 'r1');
    expect(readUnsaved(localStorage, 'r1')).toBeUndefined();
    expect(readUnsaved(localStorage, 'r2')?.report).toEqual(seed);
  });

  it('is offered back when the server does not have it', () => {
    writeUnsaved(localStorage, 'r1', 3, edited);
    expect(pendingCopy(localStorage, 'r1', { report: seed, version: 3 })?.report).toEqual(edited);
    // The server moved on without these edits: still offered (restoring goes through the conflict).
    expect(pendingCopy(localStorage, 'r1', { report: seed, version: 5 })?.baseVersion).toBe(3);
  });

  it('is dropped when the save on leaving reached the server', () => {
    writeUnsaved(localStorage, 'r1', 3, edited);
    const sameContentOtherKeyOrder = JSON.parse(JSON.stringify(edited)) as Report;
    expect(pendingCopy(localStorage, 'r1', { report: sameContentOtherKeyOrder, version: 4 })).toBeUndefined();
    expect(readUnsaved(localStorage, 'r1')).toBeUndefined();
  });

  it('ignores a corrupt copy', () => {
    localStorage.setItem('khcn:unsaved:r1:v2', '{not json');
    expect(readUnsaved(localStorage, 'r1')).toBeUndefined();
  });
});
