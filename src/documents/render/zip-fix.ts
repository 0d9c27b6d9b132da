import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DEFAULT_GENERATED_AT } from './types.ts';

/** The parts of an OOXML package by path, in package order; an XML part may still be a string. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

/**
 * Makes an OOXML package deterministic. Both docx and ExcelJS stamp the current time into
 * docProps/core.xml and into every zip entry; we rewrite both from one fixed instant and
 * re-zip the parts in a stable order.
 */
export function normalizePackage(bytes: Uint8Array, generatedAt: string = DEFAULT_GENERATED_AT): Uint8Array {
  return zipPackage(new Map(Object.entries(unzipSync(bytes))), generatedAt);
}

/**
 * Zips the parts of a package deterministically: docProps/core.xml dated `generatedAt`, every
 * entry stamped with that instant, [Content_Types].xml first, the others in the order given.
 * The parts are deflated here and only here (level 6), so a writer that can hand over its parts
 * unzipped should, rather than zip them for normalizePackage to inflate and deflate again.
 */
export function zipPackage(parts: PackageParts, generatedAt: string = DEFAULT_GENERATED_AT): Uint8Array {
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
  const out: Zippable = {};
  // [Content_Types].xml first: OPC does not require it, but some readers sniff the first entry.
  const names = [...parts.keys()].sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    const data = parts.get(name) ?? '';
    let content = typeof data === 'string' ? strToU8(data) : data;
    if (name === 'docProps/core.xml') {
      const xml = (typeof data === 'string' ? data : new TextDecoder().decode(data)).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${iso}${close}`,
      );
      content = strToU8(xml);
    }
    out[name] = [content, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
