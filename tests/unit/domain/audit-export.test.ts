import {
  REQUEST_COLUMNS,
  REQUEST_EXPORT_PARAMETERS, DOCUMENT_COLUMNS, documentRowAsOf, readExportQuery, type DocumentFacts, type ExportEvent } from '../../../src/domain/audit-export';
import { latestEventOn } from '../../../src/domain/lifecycle';

const events: ExportEvent[] = [
  { sequence: 1, action: 'register', to: 'in_force', date: '2026-01-10', basisNumber: null, basisReference: null },
  { sequence: 2, action: 'amend', to: 'amended', date: '2026-03-15', basisNumber: '并政发〔2026〕9号', basisReference: null },
];

const facts: Omit<DocumentFacts, 'stateOn'> = {
  indexNumber: '11140100434359248C/2026-00001',
  documentNumber: '并政发〔2026〕1号',
  title: '太原市测试管理办法',
  kind: 'normative_document',
  issuingOrganization: '太原市人民政府',
  coIssuers: ['太原市财政局', '太原市教育局'],
  adoptedOn: '2026-01-05',
  publishedOn: '2026-01-10',
  effectiveFrom: '2026-01-10',
  validUntil: '2031-01-09',
  interpretations: [
    { publishedOn: '2026-01-12', timely: true },
    { publishedOn: '2026-04-20', timely: false },
  ],
  publicationState: 'published',
  slug: 'tai-yuan-shi-ce-shi-guan-li-ban-fa',
};
const path = (slug: string) => `/zhengce/${slug}`;
/** The facts as the reader gives them for `asOf`: with the event of the validity period on that date. */
const factsOn = (asOf: string): DocumentFacts => ({ ...facts, stateOn: latestEventOn(events, asOf) });

describe('documentRowAsOf', () => {
  it.each([
    ['before publication', '2026-01-09', null, null, 0],
    ['in February, before the amendment', '2026-02-15', 'in_force', 'register', 1],
    ['in April, after the amendment', '2026-04-01', 'amended', 'amend', 1],
    ['after the second interpretation', '2026-05-01', 'amended', 'amend', 2],
  ])('gives the state %s', (_label, asOf, validity, lastAction, interpretations) => {
    const row = documentRowAsOf(factsOn(asOf), asOf, path);
    expect({ validity: row.validity, lastAction: row.lastAction, interpretations: row.interpretationCount }).toEqual({
      validity,
      lastAction,
      interpretations,
    });
  });

  it('fills every column, in Chinese where a person reads it', () => {
    const row = documentRowAsOf(factsOn('2026-04-01'), '2026-04-01', path);
    const values = Object.fromEntries(DOCUMENT_COLUMNS.map((column) => [column.header, column.value(row)]));
    expect(values).toEqual({
      索引号: '11140100434359248C/2026-00001',
      文号: '并政发〔2026〕1号',
      标题: '太原市测试管理办法',
      文件类别: '行政规范性文件',
      发文机关: '太原市人民政府',
      联合发文机关: '太原市财政局、太原市教育局',
      成文日期: '2026-01-05',
      发布日期: '2026-01-10',
      施行日期: '2026-01-10',
      有效期至: '2031-01-09',
      效力状态代码: 'amended',
      效力状态: '已修改',
      最近变更: '修改',
      变更日期: '2026-03-15',
      变更依据文号: '并政发〔2026〕9号',
      解读数量: 1,
      首篇解读是否及时: true,
      发布状态: '已发布',
      公开网址路径: '/zhengce/tai-yuan-shi-ce-shi-guan-li-ban-fa',
    });
  });
});

describe('readExportQuery', () => {
  const today = '2026-11-26';
  it('defaults to CSV as of today', () => {
    expect(readExportQuery({}, today)).toEqual({ format: 'csv', asOf: today });
  });

  it.each([
    [{ format: 'pdf' }, 'format', 'must be one of csv, xlsx, jsonl'],
    [{ asOf: '2026-02-30' }, 'asOf', 'must be a calendar date (YYYY-MM-DD)'],
    [{ asOf: '2026-11-27' }, 'asOf', 'must not be in the future'],
    [{ from: '2026-05-01', to: '2026-04-01' }, 'to', 'must not be before from'],
    [{ validity: 'valid' }, 'validity', 'must be one of pending, in_force, amended, repealed, expired'],
    [{ kind: 'law' }, 'kind', 'must be one of regulation, normative_document, policy_document'],
    [{ sort: 'title' }, 'sort', 'is not a parameter of this export (use format, asOf, organization, validity, kind, from, to)'],
    [{ format: ['csv', 'xlsx'] }, 'format', 'must be a single non-empty value'],
  ])('refuses %j, naming %s', (query, parameter, message) => {
    expect(readExportQuery(query, today)).toEqual({ parameter, message });
  });
});

describe('the request register', () => {
  const today = '2026-11-26';
  it('takes the handling status and dates of receipt, as of today', () => {
    expect(readExportQuery({ status: 'accepted', from: '2026-01-01' }, today, REQUEST_EXPORT_PARAMETERS)).toEqual({ format: 'csv', asOf: today, status: 'accepted', from: '2026-01-01' });
  });

  it.each([
    [{ asOf: '2026-01-01' }, 'asOf', 'is not a parameter of this export (use format, organization, status, from, to)'],
    [{ validity: 'in_force' }, 'validity', 'is not a parameter of this export (use format, organization, status, from, to)'],
    [{ status: 'open' }, 'status', 'must be one of received, accepted, awaiting_correction, consulting, awaiting_fee, proposed, decided, approved, delivered, withdrawn, lapsed'],
  ])('refuses %j, naming %s', (query, parameter, message) => {
    expect(readExportQuery(query, today, REQUEST_EXPORT_PARAMETERS)).toEqual({ parameter, message });
  });

  it('shows every code by its Chinese label and leaves out what is not there', () => {
    const row = {
      documentId: 'r1',
      organization: '太原市教育局',
      receivedOn: '2026-03-02',
      receivedVia: 'online',
      applicantType: 'commercial_enterprise',
      applicantName: '山西****公司',
      idNumber: null,
      phone: '1391***5678',
      description: '2025年招生计划',
      status: 'delivered',
      dueOn: '2026-03-30',
      extended: false,
      overdue: false,
      closedOn: '2026-03-20',
      decision: 'withheld',
      decisionReason: 'third_party_rights',
      stepCount: 4,
    } as const;
    const shown = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column.header, column.value(row)]));
    expect(shown).toMatchObject({ 申请方式: '网上申请', 申请人类型: '商业企业', 办理状态: '已送达', 办理结果: '不予公开', 具体情形: '保护第三方合法权益', '证件号码（脱敏）': null });
  });
});
