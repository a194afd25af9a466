import type { OrganizationKind, OrganizationLevel } from '../domain/organization';

/** One demo organization; `parent` names another entry by its code. */
export interface DemoOrganization {
  /** Names the organization's demo sign-ins: editor.<key>@demo.gongkai.local, publisher.<key>@…. */
  key: string;
  name: string;
  shortName: string;
  code: string;
  level: OrganizationLevel;
  kind: OrganizationKind;
  parent?: string;
  sortOrder: number;
}

const CITY = '11140100434359248C';
const CITY_OFFICE = '111401003539991047';
const XIAODIAN = '11140105415074941C';
const QINGXU = '1114012175113291XU';
const GUJIAO = '111401819297153558';
const EDUCATION = '111401007464023139';
const MARKET = '1114010050687395XQ';

/**
 * Taiyuan's platform as the 2020 work points describe it: the city government, its general office
 * (which runs 政务公开), municipal departments, and three counties/districts with a department and
 * a township each. Codes follow GB 32100 (valid check characters) but are not the real ones.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'city', name: '太原市人民政府', shortName: '市政府', code: CITY, level: 'city', kind: 'people_government', sortOrder: 1 },
  { key: 'city-office', name: '太原市人民政府办公室', shortName: '市政府办公室', code: CITY_OFFICE, level: 'city', kind: 'government_department', parent: CITY, sortOrder: 1 },
  { key: 'open-gov', name: '太原市人民政府办公室政务公开科', shortName: '政务公开科', code: '11140100457336954A', level: 'city', kind: 'internal_unit', parent: CITY_OFFICE, sortOrder: 1 },
  { key: 'ecology', name: '太原市生态环境局', shortName: '市生态环境局', code: '11140100646164688T', level: 'city', kind: 'government_department', parent: CITY, sortOrder: 2 },
  { key: 'development', name: '太原市发展和改革委员会', shortName: '市发展改革委', code: '11140100083121130D', level: 'city', kind: 'government_department', parent: CITY, sortOrder: 3 },
  { key: 'education', name: '太原市教育局', shortName: '市教育局', code: EDUCATION, level: 'city', kind: 'government_department', parent: CITY, sortOrder: 4 },
  { key: 'education-office', name: '太原市教育局办公室', shortName: '市教育局办公室', code: '111401007301200127', level: 'city', kind: 'internal_unit', parent: EDUCATION, sortOrder: 1 },
  { key: 'finance', name: '太原市财政局', shortName: '市财政局', code: '11140100781145850N', level: 'city', kind: 'government_department', parent: CITY, sortOrder: 5 },
  { key: 'hrss', name: '太原市人力资源和社会保障局', shortName: '市人社局', code: '111401002796396012', level: 'city', kind: 'government_department', parent: CITY, sortOrder: 6 },
  { key: 'approval', name: '太原市行政审批服务管理局', shortName: '市审批局', code: '11140100313626004M', level: 'city', kind: 'government_department', parent: CITY, sortOrder: 7 },
  { key: 'market', name: '太原市市场监督管理局', shortName: '市市场监管局', code: MARKET, level: 'city', kind: 'government_department', parent: CITY, sortOrder: 8 },
  { key: 'market-registration', name: '太原市市场监督管理局登记注册处', shortName: '登记注册处', code: '111401007301200202', level: 'city', kind: 'internal_unit', parent: MARKET, sortOrder: 1 },
  { key: 'xiaodian', name: '太原市小店区人民政府', shortName: '小店区政府', code: XIAODIAN, level: 'county', kind: 'people_government', parent: CITY, sortOrder: 101 },
  { key: 'xiaodian-education', name: '太原市小店区教育局', shortName: '小店区教育局', code: '11140105014024302Y', level: 'county', kind: 'government_department', parent: XIAODIAN, sortOrder: 1 },
  { key: 'wucheng', name: '太原市小店区坞城街道办事处', shortName: '坞城街道', code: '111401056409686931', level: 'township', kind: 'subdistrict_office', parent: XIAODIAN, sortOrder: 2 },
  { key: 'qingxu', name: '清徐县人民政府', shortName: '清徐县政府', code: QINGXU, level: 'county', kind: 'people_government', parent: CITY, sortOrder: 102 },
  { key: 'qingxu-finance', name: '清徐县财政局', shortName: '清徐县财政局', code: '11140121830935526A', level: 'county', kind: 'government_department', parent: QINGXU, sortOrder: 1 },
  { key: 'qingyuan', name: '清徐县清源镇人民政府', shortName: '清源镇', code: '11140121946438310N', level: 'township', kind: 'people_government', parent: QINGXU, sortOrder: 2 },
  { key: 'gujiao', name: '古交市人民政府', shortName: '古交市政府', code: GUJIAO, level: 'county', kind: 'people_government', parent: CITY, sortOrder: 103 },
  { key: 'gujiao-health', name: '古交市卫生健康局', shortName: '古交市卫健局', code: '11140181624801236G', level: 'county', kind: 'government_department', parent: GUJIAO, sortOrder: 1 },
  { key: 'hekou', name: '古交市河口镇人民政府', shortName: '河口镇', code: '111401814919429744', level: 'township', kind: 'people_government', parent: GUJIAO, sortOrder: 2 },
];
