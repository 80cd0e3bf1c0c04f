import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { SeedMaterial } from './data/seed-types';

/** Fixed dates make each sample byte-for-byte reproducible, so re-seeding finds what it stored. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

/**
 * A small sample document (示范文本) for a demo material: one A4 page in the standard fonts (which
 * cannot draw Chinese, hence the ASCII text), a SAMPLE watermark, and the Chinese title in the
 * document metadata, where any text is allowed.
 */
export async function samplePdf(material: SeedMaterial): Promise<Buffer> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(`示范文本：${material.name}`);
  document.setSubject(material.sampleTitle);
  document.setKeywords([material.code, 'SAMPLE', '示范文本']);
  document.setCreator('Zhengwu Hall demo catalogue');
  document.setProducer('pdf-lib');
  document.setCreationDate(FIXED_DATE);
  document.setModificationDate(FIXED_DATE);

  const page = document.addPage([595.28, 841.89]);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  page.drawText('SAMPLE', { x: 120, y: 260, size: 110, font: bold, color: rgb(0.88, 0.88, 0.88), rotate: degrees(40) });
  page.drawText('SAMPLE DOCUMENT (Shifan wenben)', { x: 56, y: 770, size: 20, font: bold });
  page.drawText(`Material ${material.code}: ${material.sampleTitle}`, { x: 56, y: 735, size: 12, font: regular, maxWidth: 480 });
  const lines = [
    `Originals to show: ${material.originalCount}    Copies to hand in: ${material.copyCount}`,
    material.deferrable ? 'May be handed in after acceptance (rongque).' : 'Needed before acceptance.',
    material.commitmentAllowed ? 'A written commitment may replace it (gaozhi chengnuo).' : '',
    'Fill in every field, sign and date it; stamp it where an organisation applies.',
  ].filter(Boolean);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 690 - i * 22, size: 11, font: regular }));
  page.drawRectangle({ x: 56, y: 300, width: 483, height: 280, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1 });
  page.drawText('[ the filled-in material would appear here ]', { x: 150, y: 440, size: 11, font: regular, color: rgb(0.5, 0.5, 0.5) });
  page.drawText('Zhengwu Hall demo catalogue - not a real document', { x: 56, y: 60, size: 9, font: regular, color: rgb(0.4, 0.4, 0.4) });
  return Buffer.from(await document.save());
}
