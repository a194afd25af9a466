import crypto from 'crypto';
import { type PassThrough, Transform, type Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Column, ExportFormat } from '../../../../domain/audit-export';

const yesNo = (value: boolean) => (value ? '是' : '否');

/** Counts and hashes the bytes on their way to the client: the log records what was sent. */
export class Fingerprint extends Transform {
  private readonly hash = crypto.createHash('sha256');
  bytes = 0;

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.push(chunk);
    callback();
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Writes rows as they come, in the format asked for, into `out`; resolves with the number of rows.
 * Memory stays flat: each row is handed to the stream and waits for it to drain when it is full.
 */
export async function writeRows<Row>(format: ExportFormat, columns: Column<Row>[], rows: AsyncIterable<Row>, out: PassThrough, sheetName: string): Promise<number> {
  let count = 0;
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width,
      style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    for await (const row of rows) {
      sheet
        .addRow(
          columns.map((column) => {
            const value = column.value(row);
            if (value === null) return null;
            if (column.type === 'date') return new Date(`${value}T00:00:00Z`);
            if (column.type === 'boolean') return yesNo(Boolean(value));
            return value;
          }),
        )
        .commit();
      count += 1;
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }

  const source = async function* () {
    for await (const row of rows) {
      count += 1;
      yield Object.fromEntries(columns.map((column) => [column.key, column.value(row)]));
    }
  };
  const encoder: Transform =
    format === 'csv'
      ? stringify({
          bom: true,
          header: true,
          columns: columns.map((column) => ({ key: column.key, header: column.header })),
          // A cell such as =HYPERLINK(...) is written as text, never run as a formula by Excel or WPS.
          escape_formulas: true,
          cast: { boolean: yesNo },
        })
      : new Transform({
          writableObjectMode: true,
          transform(record, _encoding, callback) {
            callback(null, `${JSON.stringify(record)}\n`);
          },
        });
  await pipeline(source() as unknown as Readable, encoder, out, { end: false });
  out.end();
  return count;
}
