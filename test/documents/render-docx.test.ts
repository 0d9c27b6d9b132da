import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/render/index.ts';
import { attrs, docxParagraphs, normalise, seedParagraphs, seedReport, tables, twipsToMm, unzip } from './render-helpers.ts';

const render = async (options = {}) => unzip(await renderDocx(seedReport(), options));

describe('report DOCX: the seed, word for word', () => {
  it('reads the seed as 59 paragraphs (the page-break split merged)', () => {
    expect(seedParagraphs()).toHaveLength(59);
  });

  it('reproduces every paragraph of the seed, in order, and nothing else after "BÁO CÁO" — the template\'s own lines spelling CĐS', async () => {
    const parts = await render();
    const paragraphs = docxParagraphs(parts['word/document.xml'] ?? '').map((p) => normalise(p.text)).filter(Boolean);
    const start = paragraphs.indexOf('BÁO CÁO');
    expect(start).toBeGreaterThan(0);
    // The seed writes "CDS" in five sentences that are the template's wording (the introduction,
    // the headings of parts I and II, and the two sentences stating the totals, which the template
    // writes from the figures); the template spells "CĐS" (issue 14). Nothing else differs.
    const templateLines = [
      'Ủy ban nhân dân xã Kiến Thụy báo cáo tình hình thực hiện kế hoạch khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KH, CN, ĐMST & CDS) năm 2026 và xây dựng kế hoạch, dự toán ngân sách năm 2027 như sau:',
      'I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH KH, CN, ĐMST & CDS NĂM 2026',
      'II. XÂY DỰNG KẾ HOẠCH, DỰ TOÁN NGÂN SÁCH KH,CN,ĐMST&CDS NĂM 2027',
      'Tổng dự toán ngân sách cho hoạt động KH,CN,ĐMST&CDS năm 2026 của xã là 8.212 triệu đồng (Bằng chữ: Tám tỷ hai trăm mười hai triệu đồng chẵn), trong đó:',
      'Căn cứ vào định hướng phát triển và nhu cầu thực tế của địa phương, Ủy ban nhân dân xã Kiến Thụy đề xuất dự toán kinh phí KH,CN,ĐMST&CDS năm 2027 là 3.480 triệu đồng (Bằng chữ: Ba tỷ bốn trăm tám mươi triệu đồng chẵn). Chi tiết các lĩnh vực như sau:',
    ];
    const seed = seedParagraphs();
    for (const line of templateLines) expect(seed).toContain(line);
    expect(paragraphs.slice(start)).toEqual(seed.map((p) => (templateLines.includes(p) ? p.replace('CDS', 'CĐS') : p)));
    expect(paragraphs.join('\n')).not.toContain('CDS');
  });

  it('puts the header (issuing body, number, Quốc hiệu, Tiêu ngữ, place and date) before it', async () => {
    const parts = await render();
    const paragraphs = docxParagraphs(parts['word/document.xml'] ?? '').map((p) => normalise(p.text)).filter(Boolean);
    expect(paragraphs.slice(0, 6)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ KIẾN THỤY',
      'Số: /BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kiến Thụy, ngày tháng năm 2026',
    ]);
  });
});

describe('report DOCX: the format of Nghị định 30/2020/NĐ-CP', () => {
  it('is A4 portrait with margins inside the decree ranges', async () => {
    const xml = (await render())['word/document.xml'] ?? '';
    const size = attrs(xml, 'w:pgSz');
    expect(size).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    const m = attrs(xml, 'w:pgMar');
    const mm = (k: string) => twipsToMm(Number(m[k]));
    expect(mm('w:top')).toBeGreaterThanOrEqual(19.9);
    expect(mm('w:top')).toBeLessThanOrEqual(25.1);
    expect(mm('w:bottom')).toBeGreaterThanOrEqual(19.9);
    expect(mm('w:bottom')).toBeLessThanOrEqual(25.1);
    expect(mm('w:left')).toBeGreaterThanOrEqual(29.9);
    expect(mm('w:left')).toBeLessThanOrEqual(35.1);
    expect(mm('w:right')).toBeGreaterThanOrEqual(14.9);
    expect(mm('w:right')).toBeLessThanOrEqual(20.1);
  });

  it('uses Times New Roman for every run and as the default font', async () => {
    const parts = await render();
    const fonts = [...(parts['word/document.xml'] ?? '').matchAll(/<w:rFonts ([^>]*)\/>/g)].map((f) => f[1] ?? '');
    expect(fonts.length).toBeGreaterThan(50);
    for (const f of fonts) expect(f).toContain('w:ascii="Times New Roman"');
    expect(parts['word/styles.xml']).toContain('w:ascii="Times New Roman"');
  });

  it('sets body paragraphs justified, 14 pt, first-line indent 1–1.27 cm, ≥ 6 pt after, spacing single to 1.5', async () => {
    const paragraphs = docxParagraphs((await render())['word/document.xml'] ?? '');
    const body = paragraphs.find((p) => p.text.startsWith('Ngay sau khi được kiện toàn'));
    expect(body).toBeDefined();
    const xml = body?.xml ?? '';
    expect(xml).toContain('<w:jc w:val="both"/>');
    const indent = twipsToMm(Number(attrs(xml, 'w:ind')['w:firstLine'])) / 10;
    expect(indent).toBeGreaterThanOrEqual(1);
    expect(indent).toBeLessThanOrEqual(1.27);
    const spacing = attrs(xml, 'w:spacing');
    expect(Number(spacing['w:after'])).toBeGreaterThanOrEqual(120);
    expect(Number(spacing['w:line'])).toBeGreaterThanOrEqual(240);
    expect(Number(spacing['w:line'])).toBeLessThanOrEqual(360);
    expect(xml).toContain('<w:sz w:val="28"/>');
  });

  it('lays the header out as a two-column borderless table with the rules under the body and the Tiêu ngữ', async () => {
    const [header = ''] = tables((await render())['word/document.xml'] ?? '');
    expect(header.match(/<w:gridCol /g)).toHaveLength(2);
    expect(header).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    const cells = header.split('<w:tc>').slice(1);
    expect(cells).toHaveLength(2);
    const [left = '', right = ''] = cells;
    const para = (cell: string, text: string) => docxParagraphs(cell).find((p) => p.text === text)?.xml ?? '';
    for (const t of ['ỦY BAN NHÂN DÂN', 'XÃ KIẾN THỤY']) expect(para(left, t)).toContain('<w:b/>');
    expect(para(right, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:b/>');
    expect(para(right, 'Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(para(right, 'Kiến Thụy, ngày      tháng      năm 2026')).toContain('<w:i/>');
    // A rule (a paragraph with a bottom border) follows the issuing body and the Tiêu ngữ.
    const ruleAfter = (cell: string, text: string) => {
      const ps = docxParagraphs(cell);
      const i = ps.findIndex((p) => p.text === text);
      return ps[i + 1]?.xml ?? '';
    };
    expect(ruleAfter(left, 'XÃ KIẾN THỤY')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(ruleAfter(right, 'Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('styles the blocks: bold centred title and summary, italic bases, bold sections and headings, plain items', async () => {
    const ps = docxParagraphs((await render())['word/document.xml'] ?? '');
    const find = (start: string) => ps.find((p) => p.text.startsWith(start))?.xml ?? '';
    expect(find('BÁO CÁO')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
    expect(find('Tình hình thực hiện kế hoạch')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
    expect(find('Căn cứ Nghị quyết số 57-NQ/TW')).toContain('<w:i/>');
    expect(find('I. ĐÁNH GIÁ')).toContain('<w:b/>');
    expect(find('1. Công tác lãnh đạo')).toContain('<w:b/>');
    expect(find('2.1. Khoa học, công nghệ')).toContain('<w:b/>');
    expect(find('a) Về khoa học, công nghệ')).not.toContain('<w:b/>');
    expect(find('Tổng dự toán ngân sách')).toMatch(/<w:i\/>[\s\S]*Bằng chữ: Tám tỷ hai trăm mười hai triệu đồng chẵn/);
  });

  it('ends the body with "./." and closes with "Nơi nhận" and the signature block in a two-column table', async () => {
    const xml = (await render())['word/document.xml'] ?? '';
    const all = tables(xml);
    const footer = all[all.length - 1] ?? '';
    const before = xml.slice(0, xml.lastIndexOf('<w:tbl>'));
    const bodyTexts = docxParagraphs(before).map((p) => p.text).filter(Boolean);
    expect(bodyTexts[bodyTexts.length - 1]).toMatch(/\.\/\.$/);
    const [left = '', right = ''] = footer.split('<w:tc>').slice(1);
    const ps = (cell: string) => docxParagraphs(cell).filter((p) => p.text);
    const label = ps(left)[0];
    expect(label?.text).toBe('Nơi nhận:');
    expect(label?.xml).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    for (const item of ps(left).slice(1)) expect(item.xml).toContain('<w:sz w:val="22"/>');
    expect(ps(right).map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lưu Văn Thụy']);
    for (const p of ps(right)) {
      expect(p.xml).toContain('<w:b/>');
      expect(p.xml).toContain('<w:jc w:val="center"/>');
    }
    // Room for the signature and the seal between the title and the name.
    expect(right).toMatch(/w:line="1[0-9]{3}" w:lineRule="exact"/);
  });

  it('numbers pages in the header, centred, from page 2 on', async () => {
    const parts = await render();
    const xml = parts['word/document.xml'] ?? '';
    expect(xml).toContain('<w:titlePg/>');
    const rels = parts['word/_rels/document.xml.rels'] ?? '';
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(xml)?.[1];
      const file = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return parts[`word/${file}`] ?? '';
    };
    const page = target('default');
    expect(page).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(page).toContain('<w:jc w:val="center"/>');
    expect(page).toContain('<w:sz w:val="26"/>');
    expect(target('first')).not.toContain('PAGE');
  });

  it('prints the content hash in small type in the footer when given', async () => {
    const hash = 'a1'.repeat(32);
    const parts = await render({ contentHash: hash });
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    for (const [, xml] of footers) {
      expect(xml).toContain(`Mã kiểm tra nội dung (SHA-256): ${hash}`);
      expect(xml).toContain('<w:sz w:val="16"/>');
    }
    const plain = await render();
    for (const [name, xml] of Object.entries(plain)) if (name.startsWith('word/footer')) expect(xml).not.toContain('SHA-256');
  });
});

describe('report DOCX: drafts', () => {
  it('marks every page of a draft "DỰ THẢO" at the top right, the first page too, and nothing else', async () => {
    const draft = await render({ draft: true, appendix: true });
    const headers = Object.entries(draft).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of headers) {
      expect(xml).toContain('DỰ THẢO');
      expect(xml).toContain('<w:jc w:val="right"/>');
    }
    // The body is the same text: the mark is in the page headers only.
    const text = (parts: Record<string, string>) => docxParagraphs(parts['word/document.xml'] ?? '').map((p) => p.text);
    expect(text(draft)).toEqual(text(await render({ appendix: true })));
    // A submitted report's document (no draft option) carries no mark.
    for (const [name, xml] of Object.entries(await render({ contentHash: 'a1'.repeat(32) }))) if (name.startsWith('word/')) expect(xml).not.toContain('DỰ THẢO');
  });
});

describe('report DOCX: the appendix section', () => {
  it('adds "Phụ lục" with the budget table on landscape pages only when asked', async () => {
    const without = (await render())['word/document.xml'] ?? '';
    expect(without).not.toContain('Phụ lục</w:t>');
    const xml = (await render({ appendix: true }))['word/document.xml'] ?? '';
    const texts = docxParagraphs(xml).map((p) => p.text);
    expect(texts).toContain('Phụ lục');
    expect(texts).toContain('BIỂU CHI TIẾT DỰ TOÁN NĂM 2027');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const table = tables(xml).find((t) => t.includes('TỔNG SỐ')) ?? '';
    expect(table).toContain('<w:tblHeader/>');
    const rowTexts = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => docxParagraphs(r[0]).map((p) => p.text));
    expect(rowTexts.find((r) => r[1] === 'TỔNG SỐ')).toEqual(['', 'TỔNG SỐ', '', '8.212', '', '3.480', '', '3.480', '']);
    expect(rowTexts.find((r) => r[0] === 'III')?.slice(0, 6)).toEqual(['III', 'Chuyển đổi số', '121', '', '', '1.710']);
    expect(rowTexts.find((r) => r[0] === '1.2')?.[5]).toBe('150');
  });
});

describe('report DOCX: determinism', () => {
  it('gives byte-identical files for the same input, with fixed package timestamps', async () => {
    const a = await renderDocx(seedReport(), { appendix: true, contentHash: 'ff'.repeat(32) });
    const b = await renderDocx(seedReport(), { appendix: true, contentHash: 'ff'.repeat(32) });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = unzip(a)['docProps/core.xml'] ?? '';
    expect(core).toMatch(/<dcterms:created[^>]*>2000-01-01T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2000-01-01T00:00:00Z<\/dcterms:modified>/);
    const dated = unzip(await renderDocx(seedReport(), { generatedAt: '2026-07-05T08:30:00Z' }))['docProps/core.xml'] ?? '';
    expect(dated).toContain('2026-07-05T08:30:00Z');
  });
});
