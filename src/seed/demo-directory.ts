/**
 * 机构职能目录 entries for some demo organizations, keyed by their demo key. Illustrative text in
 * the form city directories use; names, phone numbers and addresses are not the real ones.
 */
export const DEMO_DIRECTORY: Record<string, Record<string, unknown>> = {
  city: {
    responsibilities: '<p style="text-indent:2em">执行市人民代表大会及其常务委员会的决议，执行上级国家行政机关的决定和命令，规定行政措施，发布决定和命令；领导所属各工作部门和各县（市、区）人民政府的工作。</p>',
    setupBasis: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》',
    leaders: [
      { name: '王演示', title: '市长', duties: '主持市政府全面工作。', sortOrder: 1 },
      { name: '李演示', title: '常务副市长', duties: '负责市政府常务工作，分管发展改革、财政、审批服务。', sortOrder: 2 },
    ],
    contact: { address: '太原市杏花岭区府西街69号（演示）', postalCode: '030002', phone: '0351-0000001', officeHours: '工作日 8:30-12:00，14:30-17:30', website: 'https://www.taiyuan.gov.cn' },
  },
  'city-office': {
    responsibilities: '<p style="text-indent:2em">负责市政府日常运转，协助市政府领导组织起草公文；组织、指导、协调、监督全市政务公开工作，承担政府信息公开年度报告的编制发布。</p>',
    setupBasis: '《太原市人民政府办公室职能配置、内设机构和人员编制规定》',
    leaders: [{ name: '赵演示', title: '秘书长、办公室主任', duties: '主持办公室全面工作。', sortOrder: 1 }],
    contact: { address: '太原市杏花岭区府西街69号（演示）', phone: '0351-0000002', officeHours: '工作日 8:30-12:00，14:30-17:30', email: 'zwgk@demo.gongkai.local' },
  },
  education: {
    responsibilities: '<p style="text-indent:2em">贯彻执行国家教育方针、政策和法律法规，拟订全市教育发展规划并组织实施；统筹管理全市各级各类教育；负责义务教育招生入学和学校安全管理的指导监督。</p>',
    setupBasis: '《太原市教育局职能配置、内设机构和人员编制规定》',
    leaders: [
      { name: '张演示', title: '局长', duties: '主持局全面工作。', sortOrder: 1 },
      { name: '刘演示', title: '副局长', duties: '分管基础教育、招生考试。', sortOrder: 2 },
    ],
    contact: { address: '太原市迎泽区新建南路（演示）', postalCode: '030001', phone: '0351-0000003', officeHours: '工作日 8:30-12:00，14:30-17:30', email: 'jyj@demo.gongkai.local' },
  },
  'education-office': {
    responsibilities: '<p>负责机关日常运转、文电、会务、政务公开和政策解读的组织协调。</p>',
    contact: { phone: '0351-0000004' },
  },
  market: {
    responsibilities: '<p style="text-indent:2em">负责市场综合监督管理，统一登记市场主体并建立信息公示和共享机制；组织市场监管综合执法，推行“双随机、一公开”监管；负责食品安全监督管理。</p>',
    setupBasis: '《太原市市场监督管理局职能配置、内设机构和人员编制规定》',
    leaders: [{ name: '陈演示', title: '局长', duties: '主持局全面工作。', sortOrder: 1 }],
    contact: { address: '太原市小店区长风街（演示）', phone: '0351-0000005', officeHours: '工作日 8:30-12:00，14:30-17:30', website: 'https://scjgj.taiyuan.gov.cn' },
  },
  'market-registration': {
    responsibilities: '<p>承担各类市场主体登记注册和营业执照核发工作。</p>',
    contact: { phone: '0351-0000006' },
  },
  xiaodian: {
    responsibilities: '<p style="text-indent:2em">执行区人民代表大会及其常务委员会的决议，管理本行政区域内的经济、教育、科学、文化、卫生、民政等行政工作；编制并更新基层政务公开标准目录。</p>',
    leaders: [{ name: '孙演示', title: '区长', duties: '主持区政府全面工作。', sortOrder: 1 }],
    contact: { address: '太原市小店区（演示）', phone: '0351-0000007', officeHours: '工作日 8:30-12:00，14:30-17:30' },
  },
};
