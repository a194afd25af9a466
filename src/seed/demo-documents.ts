import { addDays, type IsoDate } from '../domain/dates';

/** One demo document; `issuer` is an organization code from the demo organizations, `topic` a topic code. */
export interface DemoDocument {
  key: string;
  title: string;
  documentNumber: string;
  kind: 'regulation' | 'normative_document' | 'policy_document';
  issuer: string;
  topic: string;
  adoptedOn: string;
  publishedOn: string;
  effectiveFrom: string;
  validUntil?: string;
  summary: string;
}

/** A lifecycle change in the demo history, by document key. */
export interface DemoTransition {
  target: string;
  action: 'amend' | 'revise' | 'repeal' | 'declare_invalid';
  basis?: string;
  basisReference?: string;
  date: string;
  reason: string;
}

const CITY = '11140100434359248C';
const CITY_OFFICE = '111401003539991047';
const ECOLOGY = '11140100646164688T';
const DEVELOPMENT = '11140100083121130D';
const EDUCATION = '111401007464023139';
const FINANCE = '11140100781145850N';
const HUMAN_RESOURCES = '111401002796396012';
const APPROVALS = '11140100313626004M';
const MARKET = '1114010050687395XQ';
const XIAODIAN = '11140105415074941C';
const XIAODIAN_EDUCATION = '11140105014024302Y';
const QINGXU = '1114012175113291XU';
const QINGXU_FINANCE = '11140121830935526A';
const GUJIAO = '111401819297153558';
const GUJIAO_HEALTH = '11140181624801236G';

/**
 * Realistic documents of the Taiyuan platform (并 is Taiyuan's abbreviation in 文号). Titles and
 * numbers are modelled on real ones but invented; dates put some in force, one pending, one expired
 * (a 暂行 two-year term), one amended, one revised and one repealed.
 */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  { key: 'open-gov-rules', title: '太原市政务公开工作规定', documentNumber: '并政发〔2022〕12号', kind: 'normative_document', issuer: CITY, topic: '01', adoptedOn: '2022-06-10', publishedOn: '2022-06-15', effectiveFrom: '2022-07-01', summary: '规范全市政务公开工作，明确主动公开、依申请公开、政策解读和公开平台建设要求。' },
  { key: 'open-gov-rules-amendment', title: '太原市人民政府关于修改《太原市政务公开工作规定》的决定', documentNumber: '并政发〔2024〕5号', kind: 'normative_document', issuer: CITY, topic: '01', adoptedOn: '2024-03-01', publishedOn: '2024-03-04', effectiveFrom: '2024-03-10', summary: '将政策解读发布时限调整为与文件同步或三个工作日内。' },
  { key: 'normative-management', title: '太原市行政规范性文件制定和监督管理办法', documentNumber: '并政发〔2022〕20号', kind: 'normative_document', issuer: CITY, topic: '01', adoptedOn: '2022-09-01', publishedOn: '2022-09-05', effectiveFrom: '2022-10-01', summary: '规定规范性文件起草、合法性审核、集体审议、统一登记编号和有效期管理。' },
  { key: 'request-handling-interim', title: '太原市政府信息公开申请办理暂行办法', documentNumber: '并政办发〔2021〕18号', kind: 'normative_document', issuer: CITY_OFFICE, topic: '01', adoptedOn: '2021-04-15', publishedOn: '2021-04-20', effectiveFrom: '2021-05-01', summary: '暂行规定依申请公开的登记、补正、办理期限和答复格式。' },
  { key: 'request-handling', title: '太原市政府信息公开申请办理规定', documentNumber: '并政办发〔2023〕9号', kind: 'normative_document', issuer: CITY_OFFICE, topic: '01', adoptedOn: '2023-05-10', publishedOn: '2023-05-12', effectiveFrom: '2023-06-01', summary: '规定依申请公开的受理、办理、答复和归档，取代暂行办法。' },
  { key: 'policy-interpretation', title: '太原市人民政府办公室关于做好政策解读工作的通知', documentNumber: '并政办发〔2022〕31号', kind: 'policy_document', issuer: CITY_OFFICE, topic: '01', adoptedOn: '2022-08-01', publishedOn: '2022-08-03', effectiveFrom: '2022-08-03', summary: '落实“谁起草、谁解读”，文件与解读材料同步组织、同步审签、同步部署。' },
  { key: 'platform-rules', title: '太原市政府网站集约化平台管理办法', documentNumber: '并政办发〔2022〕40号', kind: 'normative_document', issuer: CITY_OFFICE, topic: '01', adoptedOn: '2022-10-10', publishedOn: '2022-10-12', effectiveFrom: '2022-11-01', summary: '统一平台、统一标准、统一安全防护，各单位在集约化平台发布信息。' },
  { key: 'eia-management', title: '太原市生态环境局关于加强建设项目环境影响评价管理的通知', documentNumber: '并环发〔2022〕20号', kind: 'normative_document', issuer: ECOLOGY, topic: '09', adoptedOn: '2022-03-01', publishedOn: '2022-03-05', effectiveFrom: '2022-04-01', summary: '严格“两高一危一化”项目环境准入，规范环评审批和事中事后监管。' },
  { key: 'clean-heating', title: '太原市城乡清洁取暖实施方案', documentNumber: '并环发〔2022〕35号', kind: 'normative_document', issuer: ECOLOGY, topic: '09', adoptedOn: '2022-09-20', publishedOn: '2022-09-25', effectiveFrom: '2022-10-15', summary: '推进城乡清洁取暖改造，明确补贴标准和实施步骤。' },
  { key: 'fenhe-protection', title: '太原市汾河流域水污染防治实施细则', documentNumber: '并环发〔2023〕8号', kind: 'normative_document', issuer: ECOLOGY, topic: '09', adoptedOn: '2023-02-10', publishedOn: '2023-02-15', effectiveFrom: '2023-03-01', summary: '细化汾河流域排污管控、断面考核和生态补偿。' },
  { key: 'investment-projects', title: '太原市政府投资项目管理办法', documentNumber: '并发改发〔2022〕15号', kind: 'normative_document', issuer: DEVELOPMENT, topic: '02', adoptedOn: '2022-05-05', publishedOn: '2022-05-10', effectiveFrom: '2022-06-01', summary: '规范政府投资项目审批、建设管理和绩效评价。' },
  { key: 'enrollment', title: '太原市义务教育阶段学校招生入学工作办法', documentNumber: '并教发〔2023〕6号', kind: 'normative_document', issuer: EDUCATION, topic: '10', adoptedOn: '2023-04-01', publishedOn: '2023-04-06', effectiveFrom: '2023-05-01', summary: '坚持免试就近入学，规范划片招生和随迁子女入学。' },
  { key: 'budget-disclosure', title: '太原市预决算公开操作规程', documentNumber: '并财发〔2022〕11号', kind: 'normative_document', issuer: FINANCE, topic: '03', adoptedOn: '2022-02-15', publishedOn: '2022-02-20', effectiveFrom: '2022-03-01', summary: '规定部门预决算公开的时限、内容、表格和说明。' },
  { key: 'employment-subsidy', title: '太原市就业补助资金管理办法', documentNumber: '并人社发〔2022〕23号', kind: 'normative_document', issuer: HUMAN_RESOURCES, topic: '14', adoptedOn: '2022-07-10', publishedOn: '2022-07-15', effectiveFrom: '2022-08-01', summary: '规范职业培训补贴、社会保险补贴和公益性岗位补贴的申领与发放。' },
  { key: 'employment-subsidy-revision', title: '太原市就业补助资金管理办法（2024年修订）', documentNumber: '并人社发〔2024〕4号', kind: 'normative_document', issuer: HUMAN_RESOURCES, topic: '14', adoptedOn: '2024-01-20', publishedOn: '2024-01-25', effectiveFrom: '2024-02-01', summary: '全面修订补贴标准和申领流程。' },
  { key: 'commitment-approval', title: '太原市企业投资项目承诺制审批实施办法', documentNumber: '并审批发〔2022〕7号', kind: 'normative_document', issuer: APPROVALS, topic: '02', adoptedOn: '2022-04-10', publishedOn: '2022-04-15', effectiveFrom: '2022-05-01', summary: '推行承诺制改革，企业承诺后即可开工，部门强化事中事后监管。' },
  { key: 'double-random', title: '太原市“双随机、一公开”监管工作细则', documentNumber: '并市监发〔2022〕19号', kind: 'normative_document', issuer: MARKET, topic: '08', adoptedOn: '2022-06-01', publishedOn: '2022-06-06', effectiveFrom: '2022-07-01', summary: '随机抽取检查对象、随机选派执法检查人员，抽查情况和查处结果及时公开。' },
  { key: 'xiaodian-grassroots', title: '小店区基层政务公开标准目录管理办法', documentNumber: '小政发〔2022〕8号', kind: 'normative_document', issuer: XIAODIAN, topic: '01', adoptedOn: '2022-11-01', publishedOn: '2022-11-05', effectiveFrom: '2022-12-01', summary: '编制并动态更新26个领域基层政务公开标准目录。' },
  { key: 'xiaodian-school-safety', title: '小店区中小学校园安全管理办法', documentNumber: '小教发〔2022〕12号', kind: 'normative_document', issuer: XIAODIAN_EDUCATION, topic: '10', adoptedOn: '2022-08-20', publishedOn: '2022-08-25', effectiveFrom: '2022-09-01', summary: '落实校园安全责任，规范安保、食品和交通安全管理。' },
  { key: 'qingxu-rural-roads', title: '清徐县农村公路养护管理办法', documentNumber: '清政发〔2022〕15号', kind: 'normative_document', issuer: QINGXU, topic: '06', adoptedOn: '2022-05-20', publishedOn: '2022-05-25', effectiveFrom: '2022-06-15', summary: '明确农村公路县道、乡道、村道的养护责任和资金保障。' },
  // Dated from the day of seeding (see demoDocument), so that the demo always has one not yet in force.
  { key: 'qingxu-agri-subsidy', title: '清徐县涉农补贴资金发放管理办法', documentNumber: '清财发〔{year}〕3号', kind: 'normative_document', issuer: QINGXU_FINANCE, topic: '05', adoptedOn: '-16', publishedOn: '-6', effectiveFrom: '+36', summary: '涉农补贴通过“一卡通”发放，发放结果公示。' },
  // Dated from the day of seeding, so the current year's publishing ratios have something to show.
  { key: 'open-gov-notice', title: '太原市人民政府办公室关于进一步做好政务公开工作的通知', documentNumber: '并政办发〔{year}〕22号', kind: 'policy_document', issuer: CITY_OFFICE, topic: '01', adoptedOn: '-20', publishedOn: '-18y', effectiveFrom: '-18y', summary: '推进政策解读多样化、多渠道发布，提升政务公开质量。' },
  { key: 'after-school', title: '太原市中小学课后服务管理办法', documentNumber: '并教发〔{year}〕9号', kind: 'normative_document', issuer: EDUCATION, topic: '10', adoptedOn: '-25', publishedOn: '-21y', effectiveFrom: '-10y', summary: '规范中小学课后服务的内容、时间、收费和监管。' },
  { key: 'gujiao-family-doctor', title: '古交市家庭医生签约服务管理办法', documentNumber: '古卫健发〔2022〕9号', kind: 'normative_document', issuer: GUJIAO_HEALTH, topic: '12', adoptedOn: '2022-03-15', publishedOn: '2022-03-20', effectiveFrom: '2022-04-01', summary: '规范家庭医生签约、履约和考核。' },
  { key: 'gujiao-mine-safety', title: '古交市煤矿安全生产监督管理办法', documentNumber: '古政发〔2022〕10号', kind: 'normative_document', issuer: GUJIAO, topic: '08', adoptedOn: '2022-01-20', publishedOn: '2022-01-25', effectiveFrom: '2022-02-10', summary: '强化煤矿安全生产主体责任和属地监管责任。' },
  { key: 'gujiao-mine-safety-repeal', title: '古交市人民政府关于废止《古交市煤矿安全生产监督管理办法》的决定', documentNumber: '古政发〔2025〕2号', kind: 'normative_document', issuer: GUJIAO, topic: '08', adoptedOn: '2025-01-05', publishedOn: '2025-01-08', effectiveFrom: '2025-01-08', summary: '上位法修订后，原办法不再适用，予以废止。' },
];

/** `days` from `today`, but not before the first of January of `today`'s year. */
export function thisYear(today: IsoDate, days: number): IsoDate {
  const date = addDays(today, days);
  const start = `${today.slice(0, 4)}-01-01`;
  return date < start ? start : date;
}

/** Resolves dates given as days from `today` ('-16', '+36') and the {year} of the 文号. */
export function demoDocument(document: DemoDocument, today: IsoDate): DemoDocument {
  const resolve = (date: string) => {
    if (/^[+-]\d+$/.test(date)) return addDays(today, Number(date));
    // '-18y': 18 days ago, but within this year, so this year's figures always include it.
    const withinYear = /^([+-]\d+)y$/.exec(date);
    if (withinYear) return thisYear(today, Number(withinYear[1]));
    return date;
  };
  const adoptedOn = resolve(document.adoptedOn);
  return {
    ...document,
    adoptedOn,
    publishedOn: resolve(document.publishedOn),
    effectiveFrom: resolve(document.effectiveFrom),
    documentNumber: document.documentNumber.replace('{year}', adoptedOn.slice(0, 4)),
  };
}

export const DEMO_TRANSITIONS: DemoTransition[] = [
  { target: 'open-gov-rules', action: 'amend', basis: 'open-gov-rules-amendment', date: '2024-03-10', reason: '调整政策解读发布时限' },
  { target: 'employment-subsidy', action: 'revise', basis: 'employment-subsidy-revision', date: '2024-02-01', reason: '全面修订' },
  { target: 'gujiao-mine-safety', action: 'repeal', basis: 'gujiao-mine-safety-repeal', date: '2025-01-08', reason: '上位法已修订' },
];
