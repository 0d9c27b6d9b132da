import { describe, expect, it } from 'vitest';

describe('PDF without LibreOffice', () => {
  it('fails with PDF_UNAVAILABLE and a Vietnamese explanation', async () => {
    // A fresh module (own test file, own process) so the availability probe sees this binary.
    process.env.KHCN_SOFFICE = '/nonexistent/soffice';
    const { convertToPdf, isPdfAvailable } = await import('../../src/documents/render/pdf.ts');
    expect(isPdfAvailable()).toBe(false);
    await expect(convertToPdf(new Uint8Array([1, 2, 3]), 'docx')).rejects.toMatchObject({
      code: 'PDF_UNAVAILABLE',
      message: expect.stringContaining('chưa cài LibreOffice'),
    });
  });
});
