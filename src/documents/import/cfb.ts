/**
 * Just enough of the Compound File Binary format (MS-CFB, the "OLE" container) to tell what an
 * OLE file is before anything heavier reads it: a password-protected DOCX (an OOXML package
 * encrypted into "EncryptionInfo" and "EncryptedPackage" streams), a Word 97–2003 document (a
 * "WordDocument" stream; its FIB says whether it is password-protected), or something else
 * (an Excel or PowerPoint file, …). Only the header, the FAT and the directory are read, every
 * offset checked against the file; a malformed container is 'invalid', never an exception.
 */
export type CfbKind = 'encrypted-ooxml' | 'word97' | 'word97-encrypted' | 'other' | 'invalid';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** Sector numbers at or above this are markers (FAT, DIFAT, end of chain, free). */
const MAX_REGULAR = 0xfffffffa;

export function inspectCfb(bytes: Uint8Array): CfbKind {
  try {
    return inspect(bytes);
  } catch {
    return 'invalid';
  }
}

function inspect(bytes: Uint8Array): CfbKind {
  if (bytes.length < 512) return 'invalid';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (u16(0x1c) !== 0xfffe) return 'invalid';
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) return 'invalid';
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil(bytes.length / sectorSize);
  // Sector n starts after the header sector; reads past the end throw (RangeError) → 'invalid'.
  const sectorAt = (n: number): number => {
    if (n >= MAX_REGULAR || (n + 1) * sectorSize >= bytes.length) throw new Error('sector out of range');
    return (n + 1) * sectorSize;
  };
  // The FAT's sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  if (fatCount > sectorCount) return 'invalid';
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat < MAX_REGULAR; hops++) {
    if (hops > sectorCount) return 'invalid';
    const at = sectorAt(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + perSector * 4);
  }
  const perFatSector = sectorSize / 4;
  const next = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / perFatSector)];
    if (fatSector === undefined || fatSector >= MAX_REGULAR) throw new Error('no FAT entry');
    return u32(sectorAt(fatSector) + (n % perFatSector) * 4);
  };
  // The directory: 128-byte entries along its chain. Names are UTF-16LE.
  const names = new Map<string, { start: number; size: number }>();
  let sector = u32(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN && sector !== FREE; hops++) {
    if (hops > sectorCount) return 'invalid';
    const at = sectorAt(sector);
    for (let e = at; e + 128 <= at + sectorSize; e += 128) {
      const nameBytes = Math.min(u16(e + 0x40), 64);
      const type = bytes[e + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      let name = '';
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(u16(e + i));
      names.set(name, { start: u32(e + 0x74), size: u32(e + 0x78) });
    }
    sector = next(sector);
  }
  if (names.size === 0) return 'invalid';
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-ooxml';
  const word = names.get('WordDocument');
  if (!word) return 'other';
  // The FIB starts the WordDocument stream: wIdent 0xA5EC, then at 0x0A the flags whose bit 8 is
  // fEncrypted. A stream under the cutoff (4096) lives in the mini stream, 64-byte sectors
  // inside the root entry's chain; only its first sector is needed.
  let fib: number;
  if (word.size >= u32(0x38)) {
    fib = sectorAt(word.start);
  } else {
    const root = names.get('Root Entry');
    if (!root) return 'invalid';
    const offset = word.start * 64;
    let s = root.start;
    for (let i = 0; i < Math.floor(offset / sectorSize); i++) {
      if (i > sectorCount) return 'invalid';
      s = next(s);
    }
    fib = sectorAt(s) + (offset % sectorSize);
  }
  if (u16(fib) !== 0xa5ec) return 'invalid';
  return u16(fib + 0x0a) & 0x0100 ? 'word97-encrypted' : 'word97';
}
