import { Writable } from 'stream';
import type { Column } from '../../../src/domain/audit-export';
import { writeRows } from '../../../src/plugins/audit-export/server/src/writers';

const columns: Column<number>[] = Array.from({ length: 12 }, (_, i) => ({
  key: `c${i}`,
  header: `列${i}`,
  type: i === 3 ? 'date' : 'string',
  width: 10,
  value: (row: number) => (i === 3 ? '2026-01-02' : `太原市第${row}号测试管理办法第${i}列`),
}));

describe('the XLSX writer', () => {
  it('sends the workbook out as the rows are written, not all at the end', async () => {
    let sent = 0;
    const sentWhenAsked: number[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        sent += chunk.length;
        setImmediate(callback);
      },
    });
    async function* pages() {
      for (let page = 0; page < 30; page += 1) {
        sentWhenAsked.push(sent);
        yield Array.from({ length: 1000 }, (_, k) => page * 1000 + k);
      }
    }
    expect(await writeRows('xlsx', columns, pages(), sink, '测试')).toBe(30000);
    // Were the sheet held back until the end (exceljs ignores its zip entry's back-pressure), next
    // to nothing would have left by the time the 20th page is asked for.
    expect(sentWhenAsked[20]).toBeGreaterThan(200_000);
    expect(sent).toBeGreaterThan(sentWhenAsked[20]);
  }, 30_000);
});
