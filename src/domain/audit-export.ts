import { isIsoDate, type IsoDate } from './dates';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, isDocumentKind } from './document-kinds';
import { ACTION_LABELS, VALIDITY_LABELS, type LifecycleAction, type Validity } from './lifecycle';
import {
  APPLICANT_TYPE_LABELS,
  DECISION_LABELS,
  DECISION_REASON_LABELS,
  RECEIVED_VIA_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  type ApplicantType,
  type Decision,
  type DecisionReason,
  type ReceivedVia,
  type RequestStatus,
} from './disclosure-request';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson; charset=utf-8',
};


/** One column of an export: its key (JSON Lines), Chinese header (CSV, XLSX), type and width. */
export interface Column<Row> {
  key: string;
  header: string;
  type: 'string' | 'date' | 'number' | 'boolean';
  width: number;
  value: (row: Row) => string | number | boolean | null;
}

/** A lifecycle event as the exports need it. */
export interface ExportEvent {
  sequence: number;
  action: LifecycleAction;
  to: Validity;
  date: IsoDate;
  basisNumber: string | null;
  basisReference: string | null;
}

/** What the document export knows of one document before it is put in columns. */
export interface DocumentFacts {
  indexNumber: string | null;
  documentNumber: string | null;
  title: string;
  kind: string;
  issuingOrganization: string | null;
  coIssuers: string[];
  adoptedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  effectiveFrom: IsoDate | null;
  validUntil: IsoDate | null;
  /** The event whose validity the document had on the export's date (its validity period's); null before its first. */
  stateOn: ExportEvent | null;
  /** Publication dates (and timeliness) of its published interpretations. */
  interpretations: { publishedOn: IsoDate | null; timely: boolean | null }[];
  publicationState: 'published' | 'modified';
  slug: string | null;
}

/** A document's row as of a date: its validity and last action then, not now. */
export interface DocumentRow extends Omit<DocumentFacts, 'stateOn' | 'interpretations'> {
  validity: Validity | null;
  lastAction: LifecycleAction | null;
  lastActionDate: IsoDate | null;
  lastActionBasis: string | null;
  interpretationCount: number;
  firstInterpretationTimely: boolean | null;
  publicPath: string | null;
}

/**
 * The row of a document as of `asOf`, from the event of its validity period on that date;
 * interpretations published after it do not count. Written field by field: an export builds 100,000 of these.
 */
export function documentRowAsOf(facts: DocumentFacts, asOf: IsoDate, publicPath: (slug: string) => string): DocumentRow {
  const last = facts.stateOn;
  let interpretationCount = 0;
  let first: DocumentFacts['interpretations'][number] | null = null;
  for (const item of facts.interpretations) {
    if (item.publishedOn === null || item.publishedOn > asOf) continue;
    interpretationCount += 1;
    if (!first || item.publishedOn < (first.publishedOn as string)) first = item;
  }
  return {
    indexNumber: facts.indexNumber,
    documentNumber: facts.documentNumber,
    title: facts.title,
    kind: facts.kind,
    issuingOrganization: facts.issuingOrganization,
    coIssuers: facts.coIssuers,
    adoptedOn: facts.adoptedOn,
    publishedOn: facts.publishedOn,
    effectiveFrom: facts.effectiveFrom,
    validUntil: facts.validUntil,
    publicationState: facts.publicationState,
    slug: facts.slug,
    validity: last?.to ?? null,
    lastAction: last?.action ?? null,
    lastActionDate: last?.date ?? null,
    lastActionBasis: last ? (last.basisNumber ?? last.basisReference) : null,
    interpretationCount,
    firstInterpretationTimely: first?.timely ?? null,
    publicPath: facts.slug ? publicPath(facts.slug) : null,
  };
}

export const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  { key: 'indexNumber', header: '索引号', type: 'string', width: 30, value: (r) => r.indexNumber },
  { key: 'documentNumber', header: '文号', type: 'string', width: 22, value: (r) => r.documentNumber },
  { key: 'title', header: '标题', type: 'string', width: 50, value: (r) => r.title },
  { key: 'kind', header: '文件类别', type: 'string', width: 16, value: (r) => (isDocumentKind(r.kind) ? DOCUMENT_KIND_LABELS[r.kind] : r.kind) },
  { key: 'issuingOrganization', header: '发文机关', type: 'string', width: 24, value: (r) => r.issuingOrganization },
  { key: 'coIssuers', header: '联合发文机关', type: 'string', width: 24, value: (r) => r.coIssuers.join('、') || null },
  { key: 'adoptedOn', header: '成文日期', type: 'date', width: 12, value: (r) => r.adoptedOn },
  { key: 'publishedOn', header: '发布日期', type: 'date', width: 12, value: (r) => r.publishedOn },
  { key: 'effectiveFrom', header: '施行日期', type: 'date', width: 12, value: (r) => r.effectiveFrom },
  { key: 'validUntil', header: '有效期至', type: 'date', width: 12, value: (r) => r.validUntil },
  { key: 'validity', header: '效力状态代码', type: 'string', width: 12, value: (r) => r.validity },
  { key: 'validityLabel', header: '效力状态', type: 'string', width: 10, value: (r) => (r.validity ? VALIDITY_LABELS[r.validity] : null) },
  { key: 'lastAction', header: '最近变更', type: 'string', width: 14, value: (r) => (r.lastAction ? ACTION_LABELS[r.lastAction] : null) },
  { key: 'lastActionDate', header: '变更日期', type: 'date', width: 12, value: (r) => r.lastActionDate },
  { key: 'lastActionBasis', header: '变更依据文号', type: 'string', width: 22, value: (r) => r.lastActionBasis },
  { key: 'interpretationCount', header: '解读数量', type: 'number', width: 10, value: (r) => r.interpretationCount },
  { key: 'firstInterpretationTimely', header: '首篇解读是否及时', type: 'boolean', width: 16, value: (r) => r.firstInterpretationTimely },
  { key: 'publicationState', header: '发布状态', type: 'string', width: 10, value: (r) => (r.publicationState === 'published' ? '已发布' : '已发布（有未发布修改）') },
  { key: 'publicPath', header: '公开网址路径', type: 'string', width: 40, value: (r) => r.publicPath },
];

/** A lifecycle event in the event export, with whether its hash chain verifies up to it. */
export interface EventRow {
  documentId: string;
  documentNumber: string | null;
  title: string | null;
  sequence: number;
  action: LifecycleAction;
  from: Validity | null;
  to: Validity;
  date: IsoDate;
  basisNumber: string | null;
  basisReference: string | null;
  reason: string | null;
  actorName: string | null;
  occurredAt: string;
  hash: string;
  chainValid: boolean;
}

export const EVENT_COLUMNS: Column<EventRow>[] = [
  { key: 'documentNumber', header: '文号', type: 'string', width: 22, value: (r) => r.documentNumber },
  { key: 'title', header: '标题', type: 'string', width: 44, value: (r) => r.title },
  { key: 'documentId', header: '文件标识', type: 'string', width: 26, value: (r) => r.documentId },
  { key: 'sequence', header: '序号', type: 'number', width: 6, value: (r) => r.sequence },
  { key: 'action', header: '变更', type: 'string', width: 14, value: (r) => ACTION_LABELS[r.action] ?? r.action },
  { key: 'from', header: '变更前', type: 'string', width: 10, value: (r) => (r.from ? VALIDITY_LABELS[r.from] : null) },
  { key: 'to', header: '变更后', type: 'string', width: 10, value: (r) => VALIDITY_LABELS[r.to] ?? r.to },
  { key: 'date', header: '生效日期', type: 'date', width: 12, value: (r) => r.date },
  { key: 'basisNumber', header: '依据文号', type: 'string', width: 22, value: (r) => r.basisNumber },
  { key: 'basisReference', header: '依据说明', type: 'string', width: 30, value: (r) => r.basisReference },
  { key: 'reason', header: '原因', type: 'string', width: 30, value: (r) => r.reason },
  { key: 'actorName', header: '操作人', type: 'string', width: 14, value: (r) => r.actorName },
  { key: 'occurredAt', header: '记录时间', type: 'string', width: 24, value: (r) => r.occurredAt },
  { key: 'hash', header: 'SHA-256', type: 'string', width: 66, value: (r) => r.hash },
  { key: 'chainValid', header: '哈希链校验', type: 'boolean', width: 10, value: (r) => r.chainValid },
];

/**
 * A request (依申请公开) in the request register, its applicant already masked: an export never
 * carries an applicant's name, ID number or phone whole, nor their e-mail or address at all.
 */
export interface RequestRow {
  documentId: string;
  organization: string | null;
  receivedOn: IsoDate | null;
  receivedVia: ReceivedVia | null;
  applicantType: ApplicantType | null;
  applicantName: string | null;
  idNumber: string | null;
  phone: string | null;
  description: string | null;
  status: RequestStatus | null;
  dueOn: IsoDate | null;
  extended: boolean;
  overdue: boolean;
  closedOn: IsoDate | null;
  decision: Decision | null;
  decisionReason: DecisionReason | null;
  stepCount: number;
}

const labelOf = <Code extends string>(labels: Record<Code, string>, code: Code | null): string | null => (code === null ? null : (labels[code] ?? code));

export const REQUEST_COLUMNS: Column<RequestRow>[] = [
  { key: 'documentId', header: '申请标识', type: 'string', width: 26, value: (r) => r.documentId },
  { key: 'organization', header: '办理机关', type: 'string', width: 24, value: (r) => r.organization },
  { key: 'receivedOn', header: '收到申请日期', type: 'date', width: 12, value: (r) => r.receivedOn },
  { key: 'receivedVia', header: '申请方式', type: 'string', width: 10, value: (r) => labelOf(RECEIVED_VIA_LABELS, r.receivedVia) },
  { key: 'applicantType', header: '申请人类型', type: 'string', width: 14, value: (r) => labelOf(APPLICANT_TYPE_LABELS, r.applicantType) },
  { key: 'applicantName', header: '申请人（脱敏）', type: 'string', width: 16, value: (r) => r.applicantName },
  { key: 'idNumber', header: '证件号码（脱敏）', type: 'string', width: 22, value: (r) => r.idNumber },
  { key: 'phone', header: '联系电话（脱敏）', type: 'string', width: 16, value: (r) => r.phone },
  { key: 'description', header: '申请公开的政府信息', type: 'string', width: 50, value: (r) => r.description },
  { key: 'status', header: '办理状态代码', type: 'string', width: 12, value: (r) => r.status },
  { key: 'statusLabel', header: '办理状态', type: 'string', width: 10, value: (r) => labelOf(REQUEST_STATUS_LABELS, r.status) },
  { key: 'dueOn', header: '答复期限', type: 'date', width: 12, value: (r) => r.dueOn },
  { key: 'extended', header: '是否延期', type: 'boolean', width: 8, value: (r) => r.extended },
  { key: 'overdue', header: '是否逾期', type: 'boolean', width: 8, value: (r) => r.overdue },
  { key: 'closedOn', header: '办结日期', type: 'date', width: 12, value: (r) => r.closedOn },
  { key: 'decision', header: '办理结果', type: 'string', width: 12, value: (r) => labelOf(DECISION_LABELS, r.decision) },
  { key: 'decisionReason', header: '具体情形', type: 'string', width: 30, value: (r) => labelOf(DECISION_REASON_LABELS, r.decisionReason) },
  { key: 'stepCount', header: '办理步骤数', type: 'number', width: 10, value: (r) => r.stepCount },
];

/** Filters of an export, checked. */
export interface ExportQuery {
  format: ExportFormat;
  asOf: IsoDate;
  organization?: string;
  validity?: Validity;
  kind?: string;
  /** The request register only: the handling status. */
  status?: RequestStatus;
  from?: IsoDate;
  to?: IsoDate;
}

/** A refusal of one parameter, for a 400 that names it. */
export interface ParameterProblem {
  parameter: string;
  message: string;
}

const VALIDITIES = Object.keys(VALIDITY_LABELS) as Validity[];
export const EXPORT_PARAMETERS = ['format', 'asOf', 'organization', 'validity', 'kind', 'from', 'to'];
/** The request register is of requests as they stand: no past date, no validity, no document kind; `from` and `to` are dates of receipt. */
export const REQUEST_EXPORT_PARAMETERS = ['format', 'organization', 'status', 'from', 'to'];

/**
 * Reads an export's query: the format, the as-of date (default today, never in the future), and
 * the filters. The date range applies to the publication date (documents) or the event date (events).
 */
export function readExportQuery(query: Record<string, unknown>, today: IsoDate, parameters: readonly string[] = EXPORT_PARAMETERS): ExportQuery | ParameterProblem {
  const unknown = Object.keys(query).find((name) => !parameters.includes(name));
  if (unknown) return { parameter: unknown, message: `is not a parameter of this export (use ${parameters.join(', ')})` };
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string' || value === '') return { parameter: name, message: 'must be a single non-empty value' };
  }
  const text = query as Record<string, string | undefined>;
  const format = (text.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) return { parameter: 'format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` };
  for (const name of ['asOf', 'from', 'to']) {
    const value = text[name];
    if (value !== undefined && !isIsoDate(value)) return { parameter: name, message: 'must be a calendar date (YYYY-MM-DD)' };
  }
  const asOf = text.asOf ?? today;
  if (asOf > today) return { parameter: 'asOf', message: 'must not be in the future' };
  if (text.from && text.to && text.from > text.to) return { parameter: 'to', message: 'must not be before from' };
  if (text.validity !== undefined && !VALIDITIES.includes(text.validity as Validity)) {
    return { parameter: 'validity', message: `must be one of ${VALIDITIES.join(', ')}` };
  }
  if (text.kind !== undefined && !isDocumentKind(text.kind)) return { parameter: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` };
  if (text.status !== undefined && !(REQUEST_STATUSES as readonly string[]).includes(text.status)) {
    return { parameter: 'status', message: `must be one of ${REQUEST_STATUSES.join(', ')}` };
  }
  return {
    format,
    asOf,
    organization: text.organization,
    validity: text.validity as Validity | undefined,
    kind: text.kind,
    status: text.status as RequestStatus | undefined,
    from: text.from,
    to: text.to,
  };
}
