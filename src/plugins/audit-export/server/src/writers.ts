import crypto from 'crypto';
import { type PassThrough, Transform } from 'stream';
import { stringify, type Input, type Options } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Column, ExportFormat } from '../../../../domain/audit-export';

const yesNo = (value: boolean) => (value ? '是' : '否');

/** One page of CSV text, from csv-stringify's callback API. */
const csv = (records: Input, options: Options) =>
  new Promise<string>((resolve, reject) => stringify(records, options, (error, output) => (error ? reject(error) : resolve(output))));

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
 * Writes pages of rows as they come, in the format asked for, into `out`; resolves with the number
 * of rows. Memory stays flat: after each page the writer waits for the stream to drain.
 */
export async function writeRows<Row>(format: ExportFormat, columns: Column<Row>[], pages: AsyncIterable<Row[]>, out: PassThrough, sheetName: string): Promise<number> {
  let count = 0;
  const drained = () => (out.writableNeedDrain ? new Promise((resolve) => out.once('drain', resolve)) : Promise.resolve());

  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Only date columns carry a style: exceljs resolves a style for every styled cell.
    sheet.columns = columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width,
      ...(column.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    for await (const page of pages) {
      for (const row of page) {
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
      }
      count += page.length;
      await drained();
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }

  const write = async (text: string) => {
    if (!out.write(text)) await drained();
  };
  const keys = columns.map((column) => column.key);
  let first = true;
  for await (const page of pages) {
    if (format === 'csv') {
      const records = page.map((row) => columns.map((column) => column.value(row)));
      if (first) records.unshift(columns.map((column) => column.header));
      // A cell such as =HYPERLINK(...) is written as text, never run as a formula by Excel or WPS.
      await write(await csv(records, { bom: first, escape_formulas: true, cast: { boolean: yesNo } }));
    } else {
      await write(page.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((column, i) => [keys[i], column.value(row)])))}\n`).join(''));
    }
    first = false;
    count += page.length;
  }
  if (first && format === 'csv') await write(await csv([columns.map((column) => column.header)], { bom: true }));
  out.end();
  return count;
}
