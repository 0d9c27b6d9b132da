import { unzipSync, zipSync, type Zippable } from 'fflate';
import { DEFAULT_GENERATED_AT } from './types.ts';

/**
 * Makes an OOXML package deterministic. Both docx and ExcelJS stamp the current time into
 * docProps/core.xml and into every zip entry; we rewrite both from one fixed instant and
 * re-zip the parts in a stable order.
 */
export function normalizePackage(bytes: Uint8Array, generatedAt: string = DEFAULT_GENERATED_AT): Uint8Array {
  const instant = new Date(generatedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Thời điểm tạo tệp không hợp lệ: ${generatedAt}`);
  const iso = `${instant.toISOString().slice(0, 19)}Z`;
  // fflate encodes DOS time from *local* getters; building the Date from the UTC fields makes
  // the stored time the same on every machine whatever its time zone.
  const mtime = new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  // [Content_Types].xml first: OPC does not require it, but some readers sniff the first entry.
  const names = Object.keys(entries).sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    const data = entries[name] as Uint8Array;
    let content = data;
    if (name === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(data).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${iso}${close}`,
      );
      content = new TextEncoder().encode(xml);
    }
    out[name] = [content, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
