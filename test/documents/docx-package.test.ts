import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx } from '../../src/documents/render/docx-package.ts';
import { normalizePackage } from '../../src/documents/render/zip-fix.ts';

const GENERATED_AT = '2026-07-05T02:00:00.000Z';
const sample = (): Document =>
  new Document({
    creator: 'khcn',
    sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'Kiến Thụy — Thuế, hồ sơ 6.797', bold: true, font: 'Times New Roman' })] })] }],
  });

describe('packDocx', () => {
  // packDocx takes the parts from docx's own compiler (zipping once); a docx upgrade that moved
  // the compiler would silently fall back to the slower path. This pins the fast path.
  it('reaches the compiler docx uses inside Packer', () => {
    const compiler = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
    expect(typeof compiler?.compile).toBe('function');
  });

  it('gives the same bytes as Packer.toBuffer made deterministic', async () => {
    const fast = await packDocx(sample(), GENERATED_AT);
    const slow = normalizePackage(new Uint8Array(await Packer.toBuffer(sample())), GENERATED_AT);
    expect(Buffer.from(fast).equals(Buffer.from(slow))).toBe(true);
  });
});
