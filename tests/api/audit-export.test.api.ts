import crypto from 'crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { IncomingMessage } from 'http';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { adminToken, bindToOrganizations, createAdminUser, createApiToken, createApiTokenRecord, createOrganization, signedInMember } from '../harness/fixtures';
import { publishDocument } from '../harness/documents';
import { chinaToday } from '../../src/domain/dates';

const RECORDS = 'plugin::audit-export.export-record';
const ACTIONS = ['plugin::audit-export.exports.documents', 'plugin::audit-export.exports.events', 'plugin::audit-export.exports.requests', 'plugin::audit-export.exports.log'];
let app: TestInstance;
let auditorToken: string;
let amended: string;
const orgs = {} as Record<'city' | 'finance', { id: number; documentId: string }>;

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

async function download(path: string, token = auditorToken) {
  const res = await request(app.server).get(path).set(bearer(token)).buffer(true).parse(binary);
  return { res, body: res.body as Buffer };
}

/** The log entry of an export, once the server has written it after the last byte. */
async function recordOf(exportId: string) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = await app.strapi.db.query(RECORDS).findOne({ where: { exportId } });
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no export record ${exportId}`);
}

beforeAll(async () => {
  app = await startStrapi();
  auditorToken = (await createApiTokenRecord(app.strapi, 'custom', ACTIONS)).accessKey;
  orgs.city = await createOrganization(app.strapi, { name: '太原市人民政府', kind: 'people_government' });
  orgs.finance = await createOrganization(app.strapi, { name: '太原市财政局', parent: orgs.city.documentId });
  amended = await publishDocument(app.strapi, {
    issuingOrganization: orgs.city.documentId,
    title: '太原市审计测试管理办法',
    documentNumber: '并政发〔2026〕1号',
    adoptedOn: '2026-01-05',
    publishedOn: '2026-01-10',
    effectiveFrom: '2026-01-10',
  });
  const basis = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId, documentNumber: '并政发〔2026〕9号', adoptedOn: '2026-03-10', publishedOn: '2026-03-12', effectiveFrom: '2026-03-12' });
  await app.strapi.plugin('document-lifecycle').service('lifecycle').transition(amended, { action: 'amend', date: '2026-03-15', basisDocumentId: basis }, { id: 'system', name: null });
  await publishDocument(app.strapi, { issuingOrganization: orgs.finance.documentId, title: '=HYPERLINK("http://evil.example","点击")', documentNumber: '并财发〔2026〕2号', adoptedOn: '2026-01-20', publishedOn: '2026-01-22', effectiveFrom: '2026-02-01' });
});

afterAll(async () => {
  await app.stop();
});

describe('document status export', () => {
  it('gives each document’s validity as of the chosen date: in force in February, amended in April', async () => {
    const february = await download('/api/audit-exports/documents?format=jsonl&asOf=2026-02-15');
    const april = await download('/api/audit-exports/documents?format=jsonl&asOf=2026-04-01');
    const rowOf = (body: Buffer) => body.toString('utf8').trim().split('\n').map((line) => JSON.parse(line)).find((row) => row.documentNumber === '并政发〔2026〕1号');
    expect(rowOf(february.body)).toMatchObject({ validity: 'in_force', validityLabel: '现行有效', lastAction: '登记发布', lastActionDate: '2026-01-10' });
    expect(rowOf(april.body)).toMatchObject({
      validity: 'amended',
      validityLabel: '已修改',
      lastAction: '修改',
      lastActionDate: '2026-03-15',
      lastActionBasis: '并政发〔2026〕9号',
      issuingOrganization: '太原市人民政府',
      publicationState: '已发布',
      interpretationCount: 0,
    });
  });

  it('writes CSV with a BOM for Excel and WPS, Chinese headers, and formula-looking cells escaped', async () => {
    const { res, body } = await download('/api/audit-exports/documents?format=csv&asOf=2026-04-01');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe(
      '索引号,文号,标题,文件类别,发文机关,联合发文机关,成文日期,发布日期,施行日期,有效期至,效力状态代码,效力状态,最近变更,变更日期,变更依据文号,解读数量,首篇解读是否及时,发布状态,公开网址路径',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('writes XLSX that opens with the right rows, dates as dates, a frozen header and a filter', async () => {
    const { res, body } = await download('/api/audit-exports/documents?format=xlsx&asOf=2026-04-01');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('规范性文件状态');
    expect(sheet.getRow(1).getCell(1).value).toBe('索引号');
    expect(sheet.rowCount).toBe(4);
    const row = [2, 3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(2).value === '并政发〔2026〕1号')!;
    expect(row.getCell(8).value).toEqual(new Date('2026-01-10T00:00:00Z'));
    expect(row.getCell(12).value).toBe('已修改');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('records every export, and the recorded SHA-256 is the hash of the bytes received', async () => {
    for (const format of ['csv', 'xlsx', 'jsonl']) {
      const { res, body } = await download(`/api/audit-exports/documents?format=${format}&asOf=2026-04-01&validity=amended`);
      const record = await recordOf(res.headers['x-export-id']);
      expect(record).toMatchObject({
        kind: 'documents',
        format,
        status: 'completed',
        rowCount: 1,
        sha256: crypto.createHash('sha256').update(body).digest('hex'),
        filters: expect.objectContaining({ asOf: '2026-04-01', validity: 'amended' }),
      });
      expect(Number(record.bytes)).toBe(body.length);
    }
    const log = await request(app.server).get('/api/audit-exports/log?pageSize=3').set(bearer(auditorToken));
    expect(log.status).toBe(200);
    expect(log.body.data.map((entry: { format: string }) => entry.format)).toEqual(['jsonl', 'xlsx', 'csv']);
  });

  it('filters by organization (with those below it), kind and publication dates', async () => {
    const lines = async (query: string) =>
      (await download(`/api/audit-exports/documents?format=jsonl&asOf=2026-04-01&${query}`)).body.toString('utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).documentNumber);
    expect((await lines(`organization=${orgs.finance.documentId}`))).toEqual(['并财发〔2026〕2号']);
    expect((await lines(`organization=${orgs.city.documentId}`)).sort()).toEqual(['并政发〔2026〕1号', '并政发〔2026〕9号', '并财发〔2026〕2号'].sort());
    expect(await lines('from=2026-03-01&to=2026-03-31')).toEqual(['并政发〔2026〕9号']);
    expect(await lines('kind=regulation')).toEqual([]);
    const empty = await download('/api/audit-exports/documents?format=csv&asOf=2026-04-01&kind=regulation');
    expect(empty.body.toString('utf8')).toMatch(/^\ufeff索引号,文号,标题,.*公开网址路径\n$/);
  });
});

describe('lifecycle event export', () => {
  it('lists the events of a period with their hash-chain check', async () => {
    const { body } = await download('/api/audit-exports/events?format=jsonl&from=2026-03-01&to=2026-03-31');
    const rows = body.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.documentNumber, row.action, row.to, row.date, row.chainValid])).toEqual(
      expect.arrayContaining([
        ['并政发〔2026〕1号', '修改', '已修改', '2026-03-15', true],
        ['并政发〔2026〕9号', '登记发布', '现行有效', '2026-03-12', true],
      ]),
    );
    expect(rows.every((row) => row.date >= '2026-03-01' && row.date <= '2026-03-31')).toBe(true);
  });

  it('marks the events of a tampered history as failing the chain check, from the changed event on', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId, documentNumber: '并政发〔2026〕31号', adoptedOn: '2026-02-01', publishedOn: '2026-02-02', effectiveFrom: '2026-02-02' });
    await app.strapi.plugin('document-lifecycle').service('lifecycle').transition(documentId, { action: 'repeal', date: '2026-02-20', basisReference: '并政发〔2026〕32号' }, { id: 'system', name: null });
    const chainOf = async () =>
      (await download('/api/audit-exports/events?format=jsonl&from=2026-02-01&to=2026-02-28')).body
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((row) => row.documentNumber === '并政发〔2026〕31号')
        .map((row) => [row.action, row.chainValid]);
    expect(await chainOf()).toEqual([
      ['登记发布', true],
      ['废止', true],
    ]);

    const events = app.strapi.db.metadata.get('plugin::document-lifecycle.lifecycle-event');
    const column = (name: string) => (events.attributes[name] as { columnName?: string }).columnName ?? name;
    await app.strapi.db.connection(events.tableName).where(column('document'), documentId).where(column('sequence'), 2).update({ [column('basisReference')]: '并政发〔2026〕99号' });
    expect(await chainOf()).toEqual([
      ['登记发布', true],
      ['废止', false],
    ]);
  });
});

describe('the request register (依申请公开登记)', () => {
  const APPLICANT = { applicantType: 'natural_person', applicantName: '李四光明', idType: 'resident_identity_card', idNumber: '140105198807150021', phone: '13512349876', email: 'lisi@example.cn', postalAddress: '太原市迎泽区解放南路9号' };
  const PERSONAL = ['李四光明', '140105198807150021', '13512349876', 'lisi@example.cn', '解放南路9号'];
  const today = chinaToday(new Date());
  let cityRequest: string;
  let financeRequest: string;

  beforeAll(async () => {
    const staffOf = async (organization: { id: number }) => {
      const token = await createApiTokenRecord(app.strapi, 'full-access');
      await bindToOrganizations(app.strapi, { apiToken: token.id }, [organization.id]);
      return token.accessKey;
    };
    const cityStaff = await staffOf(orgs.city);
    const register = async (key: string, organization: string, description: string, extra: Record<string, unknown> = {}) => {
      const res = await request(app.server)
        .post('/api/disclosure-requests')
        .set(bearer(key))
        .send({ data: { organization, ...APPLICANT, description, receivedVia: 'post', receivedOn: today, ...extra } });
      expect(res.status).toBe(201);
      return res.body.data.documentId as string;
    };
    cityRequest = await register(cityStaff, orgs.city.documentId, '本市2025年财政预算执行情况');
    for (const step of [
      { action: 'accept', date: today },
      { action: 'propose', date: today },
      { action: 'decide', date: today, decision: 'withheld', decisionReason: 'third_party_rights', replyType: 'withheld', replyText: '所申请信息涉及第三方商业秘密，不予公开。' },
      { action: 'approve', date: today },
      { action: 'deliver', date: today, method: 'post' },
    ]) {
      expect((await request(app.server).post(`/api/disclosure-requests/${cityRequest}/steps`).set(bearer(cityStaff)).send(step)).status).toBe(200);
    }
    financeRequest = await register(await staffOf(orgs.finance), orgs.finance.documentId, '财政局2025年政府采购合同', { applicantType: 'commercial_enterprise', applicantName: '山西晋阳测试科技有限公司', idType: null, idNumber: null, organizationCode: '91140100MA0K7Q3P0G' });
  });

  const rowsOf = (body: Buffer) => body.toString('utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));

  it('lists every request with its status, due date and decision in words, the applicant masked', async () => {
    const { res, body } = await download('/api/audit-exports/requests?format=jsonl');
    expect(res.status).toBe(200);
    const rows = rowsOf(body);
    expect(rows.find((row) => row.documentId === cityRequest)).toEqual({
      documentId: cityRequest,
      organization: '太原市人民政府',
      receivedOn: today,
      receivedVia: '邮寄',
      applicantType: '自然人',
      applicantName: '李****明',
      idNumber: '1401****0021',
      phone: '13****76',
      description: '本市2025年财政预算执行情况',
      status: 'delivered',
      statusLabel: '已送达',
      dueOn: expect.any(String),
      extended: false,
      overdue: false,
      closedOn: today,
      decision: '不予公开',
      decisionReason: '保护第三方合法权益',
      stepCount: 5,
    });
    expect(rows.find((row) => row.documentId === financeRequest)).toMatchObject({ applicantType: '商业企业', applicantName: '山西晋****限公司', idNumber: null, status: 'received', decision: null });
  });

  it.each(['csv', 'xlsx', 'jsonl'])('never carries the applicant whole in %s, on the bytes and in the cells', async (format) => {
    const { res, body } = await download(`/api/audit-exports/requests?format=${format}`);
    expect(res.status).toBe(200);
    let text = body.toString('utf8');
    if (format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('依申请公开登记');
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      text = cells.join('\n');
      expect(text).toContain('1401****0021');
    }
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).not.toMatch(/pd1:/);
  });

  it('writes Chinese headers in CSV', async () => {
    const { body } = await download('/api/audit-exports/requests?format=csv');
    expect(body.toString('utf8').slice(1).split('\n')[0]).toBe(
      '申请标识,办理机关,收到申请日期,申请方式,申请人类型,申请人（脱敏）,证件号码（脱敏）,联系电话（脱敏）,申请公开的政府信息,办理状态代码,办理状态,答复期限,是否延期,是否逾期,办结日期,办理结果,具体情形,办理步骤数',
    );
  });

  it('filters by organization, status and date of receipt, and keeps an organization’s token to its own requests', async () => {
    const ids = async (query: string, token = auditorToken) => rowsOf((await download(`/api/audit-exports/requests?format=jsonl&${query}`, token)).body).map((row) => row.documentId);
    expect(await ids(`organization=${orgs.finance.documentId}`)).toEqual([financeRequest]);
    expect(await ids('status=delivered')).toEqual([cityRequest]);
    expect(await ids(`from=${today}&to=${today}`)).toEqual(expect.arrayContaining([cityRequest, financeRequest]));
    expect(await ids('to=2020-01-01')).toEqual([]);
    const bound = await createApiTokenRecord(app.strapi, 'custom', ACTIONS);
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.finance.id]);
    expect(await ids('', bound.accessKey)).toEqual([financeRequest]);
    const elsewhere = await createOrganization(app.strapi, { name: '太原市审计测试外单位' });
    const outside = await request(app.server).get(`/api/audit-exports/requests?organization=${elsewhere.documentId}`).set(bearer(bound.accessKey));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.errors[0]).toMatchObject({ path: ['organization'], message: 'organization is not one this caller may export' });
  });

  it('is recorded in the export log like every export', async () => {
    const { res, body } = await download('/api/audit-exports/requests?format=csv&status=delivered');
    const record = await recordOf(res.headers['x-export-id']);
    expect(record).toMatchObject({ kind: 'requests', format: 'csv', status: 'completed', rowCount: 1, sha256: crypto.createHash('sha256').update(body).digest('hex'), filters: expect.objectContaining({ status: 'delivered' }) });
  });

  it('lets the auditor role export it from the admin; an editor may not', async () => {
    const auditor = (await signedInMember(app.server, app.strapi, 'gongkai-auditor', [])).token;
    const admin = await download('/audit-export/requests?format=jsonl', auditor);
    expect(admin.res.status).toBe(200);
    for (const value of PERSONAL) expect(admin.body.toString('utf8')).not.toContain(value);
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.city.id])).token;
    expect((await request(app.server).get('/audit-export/requests').set(bearer(editor))).status).toBe(403);
    expect((await request(app.server).get('/api/audit-exports/requests')).status).toBe(403);
  });

  it.each([
    ['a past date (the register is of today)', 'asOf=2026-01-01', 'asOf', 'asOf is not a parameter of this export (use format, organization, status, from, to)'],
    ['a document filter', 'validity=in_force', 'validity', 'validity is not a parameter of this export (use format, organization, status, from, to)'],
    ['an unknown status', 'status=open', 'status', 'status must be one of received, accepted, awaiting_correction, consulting, awaiting_fee, proposed, decided, approved, delivered, withdrawn, lapsed'],
  ])('refuses %s with a 400 naming it, recording nothing', async (_label, query, path, message) => {
    const before = await app.strapi.db.query(RECORDS).count();
    const res = await request(app.server).get(`/api/audit-exports/requests?${query}`).set(bearer(auditorToken));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
    expect(await app.strapi.db.query(RECORDS).count()).toBe(before);
  });
});

describe('the export process', () => {
  it('reads through a connection that cannot write', async () => {
    const { readOnlyConnection } = await import('../../src/plugins/audit-export/server/src/worker');
    const { client, connection } = app.strapi.config.get('database.connection') as { client: 'sqlite' | 'postgres'; connection: Record<string, unknown> };
    const knex = await readOnlyConnection({ client, connection });
    const table = app.strapi.db.metadata.get('api::organization.organization').tableName;
    try {
      expect(Number((await knex(table).count('* as n'))[0].n)).toBeGreaterThanOrEqual(2);
      // The driver's error may come from another module realm than the test's (jest reloads modules
      // per file, the native driver does not), so its message is compared, not its class.
      const refusal = await knex(table)
        .insert({ document_id: 'readonlyprobe', name: '只读测试' })
        .then(
          () => 'written',
          (error: { message?: unknown }) => String(error?.message),
        );
      expect(refusal).toMatch(/read-?only/i);
    } finally {
      await knex.destroy();
    }
    expect(await app.strapi.db.query('api::organization.organization').count({ where: { name: '只读测试' } })).toBe(0);
  });

  it('answers an export that cannot reach its database with an error, not a file, and logs it as failed', async () => {
    const original = app.strapi.config.get('database.connection') as { client: string };
    // The server keeps its open connection; only the export process gets a database it cannot open.
    const unreachable = original.client === 'sqlite' ? { filename: '/nonexistent/gongkai.db' } : { host: '127.0.0.1', port: 1, database: 'none', user: 'none' };
    app.strapi.config.set('database.connection', { ...original, connection: unreachable });
    try {
      const res = await request(app.server).get('/api/audit-exports/documents?format=csv&asOf=2026-04-01').set(bearer(auditorToken));
      expect(res.status).toBe(500);
      expect(res.body.error).toMatchObject({ status: 500, name: 'InternalServerError' });
      expect(res.headers['content-disposition']).toBeUndefined();
    } finally {
      app.strapi.config.set('database.connection', original);
    }
    const [latest] = await app.strapi.db.query(RECORDS).findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], limit: 1 });
    expect(latest).toMatchObject({ kind: 'documents', format: 'csv', status: 'failed', sha256: null, rowCount: null });
  });

  it('runs at most maxConcurrent exports at once and answers the next with a 429, recording nothing', async () => {
    app.strapi.config.set('plugin::audit-export.maxConcurrent', 1);
    const exporter = app.strapi.plugin('audit-export').service('exporter');
    // An export whose file nobody reads yet keeps its process, and its place, until it is read.
    const held = await exporter.start({ kind: 'documents', query: { format: 'csv', asOf: '2026-04-01' }, organizations: 'all', sheetName: '规范性文件状态' });
    try {
      const before = await app.strapi.db.query(RECORDS).count();
      const refused = await request(app.server).get('/api/audit-exports/documents?format=csv&asOf=2026-04-01').set(bearer(auditorToken));
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { running: 1, limit: 1 } });
      expect(refused.body.error.message).toMatch(/try again/);
      expect(await app.strapi.db.query(RECORDS).count()).toBe(before);
    } finally {
      held.data.resume();
      await held.rows;
    }
    try {
      const { res } = await download('/api/audit-exports/documents?format=csv&asOf=2026-04-01');
      expect(res.status).toBe(200);
    } finally {
      app.strapi.config.set('plugin::audit-export.maxConcurrent', 2);
    }
  });
});

describe('who may export', () => {
  it('keeps an organization’s token to its own organizations', async () => {
    const bound = await createApiTokenRecord(app.strapi, 'custom', ACTIONS);
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.finance.id]);
    const { body } = await download('/api/audit-exports/documents?format=jsonl&asOf=2026-04-01', bound.accessKey);
    expect(body.toString('utf8').trim().split('\n').map((line) => JSON.parse(line).documentNumber)).toEqual(['并财发〔2026〕2号']);
  });

  it('shows an organization’s token only the exports it made in the log', async () => {
    await download('/api/audit-exports/documents?format=csv&asOf=2026-04-01', auditorToken);
    const bound = await createApiTokenRecord(app.strapi, 'custom', ACTIONS);
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.finance.id]);
    const own = await download('/api/audit-exports/documents?format=csv&asOf=2026-04-01', bound.accessKey);
    const log = await request(app.server).get('/api/audit-exports/log?pageSize=100').set(bearer(bound.accessKey));
    expect(log.status).toBe(200);
    expect(log.body.data.map((record: { exportId: string }) => record.exportId)).toEqual([own.res.headers['x-export-id']]);
    expect(log.body.meta.pagination.total).toBe(1);
    const all = await request(app.server).get('/api/audit-exports/log?pageSize=100').set(bearer(auditorToken));
    expect(all.body.meta.pagination.total).toBeGreaterThan(1);
  });

  it('lets the auditor role export from the admin, and refuses everyone without the permission, recording nothing', async () => {
    const auditor = (await signedInMember(app.server, app.strapi, 'gongkai-auditor', [])).token;
    const admin = await download('/audit-export/documents?format=csv&asOf=2026-04-01', auditor);
    expect(admin.res.status).toBe(200);
    await recordOf(admin.res.headers['x-export-id']);

    const before = await app.strapi.db.query(RECORDS).count();
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.city.id])).token;
    expect((await request(app.server).get('/audit-export/documents').set(bearer(editor))).status).toBe(403);
    const readOnly = await createApiToken(app.strapi, 'read-only');
    expect((await request(app.server).get('/api/audit-exports/documents').set(bearer(readOnly))).status).toBe(403);
    expect((await request(app.server).get('/api/audit-exports/documents')).status).toBe(403);
    expect((await request(app.server).get('/api/audit-exports/log')).status).toBe(403);
    expect(await app.strapi.db.query(RECORDS).count()).toBe(before);
  });

  it('keeps the log append-only, even for the super admin', async () => {
    const superAdmin = await createAdminUser(app.strapi);
    const token = await adminToken(app.server, superAdmin.user.email, superAdmin.password);
    const [record] = await app.strapi.db.query(RECORDS).findMany({ limit: 1 });
    const edit = await request(app.server).put(`/content-manager/collection-types/${RECORDS}/${record.documentId}`).set(bearer(token)).send({ rowCount: 0 });
    expect(edit.status).toBe(403);
    const remove = await request(app.server).delete(`/content-manager/collection-types/${RECORDS}/${record.documentId}`).set(bearer(token));
    expect(remove.status).toBe(403);
    expect(await app.strapi.db.query(RECORDS).findOne({ where: { id: record.id } })).toEqual(record);
  });
});

describe('bad input', () => {
  it.each([
    ['pageSize=0', 'pageSize', 'pageSize must be a positive whole number'],
    ['page=abc', 'page', 'page must be a positive whole number'],
    ['sort=bytes', 'sort', 'sort is not a parameter of the export log (use page, pageSize)'],
  ])('answers the log asked with %s with a 400 naming it', async (query, path, message) => {
    const res = await request(app.server).get(`/api/audit-exports/log?${query}`).set(bearer(auditorToken));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
  });

  it.each([
    ['an unknown format', 'format=pdf', 'format', 'format must be one of csv, xlsx, jsonl'],
    ['an impossible date', 'asOf=2026-02-30', 'asOf', 'asOf must be a calendar date (YYYY-MM-DD)'],
    ['an as-of date in the future', 'asOf=2999-01-01', 'asOf', 'asOf must not be in the future'],
    ['a range that ends before it starts', 'from=2026-05-01&to=2026-04-01', 'to', 'to must not be before from'],
    ['an organization that does not exist', 'organization=nosuch', 'organization', 'organization does not exist'],
  ])('refuses %s with a 400 naming it, recording nothing', async (_label, query, path, message) => {
    const before = await app.strapi.db.query(RECORDS).count();
    const res = await request(app.server).get(`/api/audit-exports/documents?${query}`).set(bearer(auditorToken));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
    expect(await app.strapi.db.query(RECORDS).count()).toBe(before);
  });
});
