import crypto from 'crypto';
import { Transform, type Writable } from 'stream';
import { stringify as csv } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
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
 * Writes pages of rows as they come, in the format asked for, into `out`; resolves with the number
 * of rows. Memory stays flat: after each page the writer waits for the stream to drain.
 */
export async function writeRows<Row>(format: ExportFormat, columns: Column<Row>[], pages: AsyncIterable<Row[]>, out: Writable, sheetName: string): Promise<number> {
  let count = 0;
  const drained = () => (out.writableNeedDrain ? new Promise((resolve) => out.once('drain', resolve)) : Promise.resolve());

  if (format === 'xlsx') {
    // Loaded only for workbooks: it is the heaviest module of an export process's start.
    const { stream: xlsx } = (await import('exceljs')) as typeof ExcelJS;
    const workbook = new xlsx.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    // One style object per column, shared by its cells: exceljs remembers the id of a style object
    // it has seen, where a fresh object per cell (its default) is rendered to XML and looked up.
    const styles = columns.map((column): Partial<ExcelJS.Style> => (column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}));
    // exceljs writes the sheet into its zip entry without waiting for it (write's answer is
    // ignored), so the rows of a whole export would pile up uncompressed in the entry's stream. That
    // stream (archiver's PassThrough, from readable-stream, which has no `writableNeedDrain`) does
    // know when it is over its limit, and says 'drain' once the compressor has caught up.
    type EntryStream = Writable & { _writableState?: { needDrain?: boolean } };
    const compressed = () => {
      const entry = (sheet as unknown as { stream: { pipes: EntryStream[] } }).stream.pipes[0];
      return entry?._writableState?.needDrain ? new Promise((resolve) => entry.once('drain', resolve)) : Promise.resolve();
    };
    for await (const page of pages) {
      for (const row of page) {
        const added = sheet.addRow(
          columns.map((column) => {
            const value = column.value(row);
            if (value === null) return null;
            if (column.type === 'date') return new Date(`${value}T00:00:00Z`);
            if (column.type === 'boolean') return yesNo(Boolean(value));
            return value;
          }),
        );
        added.eachCell({ includeEmpty: true }, (cell, number) => (cell.style = styles[number - 1]));
        added.commit();
      }
      count += page.length;
      await compressed();
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
      await write(csv(records, { bom: first, escape_formulas: true, cast: { boolean: yesNo } }));
    } else {
      await write(page.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((column, i) => [keys[i], column.value(row)])))}\n`).join(''));
    }
    first = false;
    count += page.length;
  }
  if (first && format === 'csv') await write(csv([columns.map((column) => column.header)], { bom: true }));
  out.end();
  return count;
}
