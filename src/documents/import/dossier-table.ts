import type { Dossiers } from '../../domain/report-schema.ts';
import { parseCount, parseRate } from './amounts.ts';
import { cellFigure, distinct, dossierKeyOf, keyOf, refOf, type CellRef, type DossierKey, type GridCell } from './tables.ts';
import type { ImportWarning, SourceTable } from './types.ts';

/**
 * A table of dossier figures → `implementation.dossiers`. Labels may run down the first column
 * ("Tiếp nhận trực tuyến | 6.608 | 99,98") or across the header ("Kỳ trước chuyển sang | Trong kỳ
 * | Trực tuyến | …" over one row of figures), with split headers ("Đã giải quyết" over "Đúng hạn |
 * Quá hạn"). Each figure takes the meaning of its row label, else of the labels above it; when
 * both name a figure the more specific one wins ("Tổng số" under "Trực tuyến" is the online count).
 * A figure in a "Tỷ lệ" column, or written with "%", is a stated rate (RATE_STATED compares it).
 */
export interface DossierTableRead {
  dossiers: Dossiers;
  refs: Partial<Record<keyof Dossiers, CellRef>>;
  warnings: ImportWarning[];
}

type CountKey = Exclude<DossierKey, 'digitizationRate' | 'onlinePaymentRate'>;

/** A label is words: not a figure, nor a figure with words ("6.608 (99,98%)"). */
const isLabel = (g: GridCell) => cellFigure(g.cell.text).kind === 'text' && !/^\d/.test(g.cell.text.trim());
const isRateLabel = (text: string) => /ty le|%/.test(keyOf(text));

function labelKey(texts: readonly string[]): DossierKey | undefined {
  const keys = texts.map(dossierKeyOf).filter((k): k is DossierKey => k !== undefined);
  return keys.find((k) => k !== 'total') ?? keys[0];
}

export function readDossierTable(source: SourceTable, grid: (GridCell | undefined)[][], table: number): DossierTableRead {
  const out: DossierTableRead = { dossiers: {}, refs: {}, warnings: [] };
  const d = out.dossiers as Record<string, number>;
  const set = (key: keyof Dossiers, value: number, ref: CellRef, text: string) => {
    const had = d[key];
    if (had === undefined) {
      d[key] = value;
      out.refs[key] = ref;
    } else if (had !== value) {
      out.warnings.push({
        code: 'IMPORT_AMBIGUOUS',
        message: `Bảng số liệu hồ sơ ghi hai số khác nhau cho cùng một chỉ tiêu (${had} và ${text}); đã giữ số đầu tiên, hãy kiểm tra.`,
        line: ref.line,
        text,
      });
    }
  };
  grid.forEach((line, r) => {
    distinct(line).forEach((g) => {
      if (g.first !== r) return;
      const raw = g.cell.text.trim();
      // "6.608 hồ sơ", "6.608 (99,98%)", "6.608, đạt 99,98%": a count and the rate stated with it.
      const both = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*hồ sơ)?(?:(?:\s*\(\s*|\s*[,;]\s+|\s+)(?:(?:đạt|chiếm)(?:\s+tỷ lệ)?\s*)?(\d{1,3}(?:,\d+)?)\s*%\s*\)?)?$/iu.exec(raw);
      const percent = /%\s*$/.test(raw) && !both?.[2];
      const f = both ? { kind: 'figure' as const, number: both[1] ?? '', unit: undefined } : cellFigure(raw.replace(/\s*%\s*$/, ''));
      if (f.kind !== 'figure' || f.unit) return;
      const c = line.indexOf(g);
      // Row label: the text cells left of the figure; column labels: the text cells above it.
      const rowLabels = distinct(line.slice(0, c)).filter(isLabel).map((x) => x.cell.text);
      const colLabels = distinct(grid.slice(0, r).map((l) => l[c])).filter(isLabel).map((x) => x.cell.text);
      const key = labelKey(rowLabels) && labelKey(colLabels) && labelKey(rowLabels) === 'total' ? labelKey(colLabels) : (labelKey(rowLabels) ?? labelKey(colLabels));
      if (!key) return;
      const rate = percent || [...rowLabels, ...colLabels].some(isRateLabel) || key === 'digitizationRate' || key === 'onlinePaymentRate';
      const ref = refOf(table, g, source.firstLine);
      if (rate) {
        const value = parseRate(f.number);
        if (value === undefined) return;
        if (key === 'online') set('statedOnlineRate', value, ref, raw);
        else if (key === 'resolvedOnTime') set('statedOnTimeRate', value, ref, raw);
        else if (key === 'digitizationRate' || key === 'onlinePaymentRate') set(key, value, ref, raw);
        return;
      }
      if (f.number.includes(',')) return;
      set(key satisfies CountKey, parseCount(f.number), ref, raw);
      const rateWith = both?.[2] !== undefined ? parseRate(both[2]) : undefined;
      if (rateWith !== undefined && key === 'online') set('statedOnlineRate', rateWith, ref, raw);
      if (rateWith !== undefined && key === 'resolvedOnTime') set('statedOnTimeRate', rateWith, ref, raw);
    });
  });
  return out;
}
