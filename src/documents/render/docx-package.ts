import { Packer, type File } from 'docx';
import { unzipSync } from 'fflate';
import { zipPackage, type PackageParts } from './zip-fix.ts';

/** What docx's Packer does before it zips: the document's parts by path, in package order. */
interface DocxCompiler {
  compile(file: File): PackageParts;
}

/**
 * The parts of a docx document, unzipped. Packer zips them (deflating every part), and a
 * deterministic package needs them zipped again with fixed timestamps: the extra deflate and
 * inflate were a fifth of a report's render time (profiled). So we ask the Packer's own compiler
 * for the parts — the same XML Packer would zip — and zip them once. The compiler is not in
 * docx's typings; should a docx release move it, the Packer's zip is read back instead (slower,
 * same bytes).
 */
function docxParts(doc: File): PackageParts | Promise<PackageParts> {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof compiler?.compile === 'function') return compiler.compile(doc);
  return Packer.toBuffer(doc).then((zip) => new Map(Object.entries(unzipSync(new Uint8Array(zip)))));
}

/** A docx document as the bytes of a deterministic .docx (see zipPackage). */
export async function packDocx(doc: File, generatedAt: string): Promise<Uint8Array> {
  return zipPackage(await docxParts(doc), generatedAt);
}
