/**
 * Demo requests for disclosure, one in each state an office meets, so the desk's case panel and
 * due page have something to show. Dates are working days before the seeding day; steps are
 * working days after receipt. Applicants and numbers are made up.
 */
export interface DemoRequest {
  organization: string;
  applicantName: string;
  idNumber: string;
  phone: string;
  description: string;
  purpose?: string;
  receivedVia: 'in_person' | 'post' | 'online';
  receivedWorkingDaysAgo: number;
  steps: ({ action: string; after: number } & Record<string, unknown>)[];
}

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    organization: 'city-office',
    applicantName: '演示申请人甲',
    idNumber: '140105199001010011',
    phone: '13800000001',
    description: '2025年太原市政府信息公开工作年度报告中依申请公开的统计口径说明',
    receivedVia: 'online',
    receivedWorkingDaysAgo: 0,
    steps: [],
  },
  {
    organization: 'city-office',
    applicantName: '演示申请人乙',
    idNumber: '140105198502020022',
    phone: '13800000002',
    description: '市政府2025年第12次常务会议研究老旧小区改造事项的会议纪要',
    purpose: '了解本小区是否纳入改造计划',
    receivedVia: 'post',
    receivedWorkingDaysAgo: 12,
    steps: [
      { action: 'accept', after: 1 },
      { action: 'consult', after: 3, party: 'agency', dueOn: null },
    ],
  },
  {
    organization: 'education',
    applicantName: '演示申请人丙',
    idNumber: '140105197803030033',
    phone: '13800000003',
    description: '2025年太原市义务教育阶段学校招生计划及划片范围',
    receivedVia: 'in_person',
    receivedWorkingDaysAgo: 24,
    steps: [
      { action: 'accept', after: 1 },
      { action: 'propose', after: 10, reason: '拟予以公开，提供招生计划表' },
    ],
  },
  {
    organization: 'education',
    applicantName: '演示申请人丁',
    idNumber: '140105199204040044',
    phone: '13800000004',
    description: '本市2025年教师招聘考试成绩及录用名单',
    receivedVia: 'online',
    receivedWorkingDaysAgo: 18,
    steps: [
      { action: 'accept', after: 1 },
      { action: 'propose', after: 5 },
      { action: 'decide', after: 7, decision: 'partially_disclosed', replyType: 'can_disclose', replyText: '现将录用名单提供给您；考生个人成绩涉及个人隐私，不予公开。' },
      { action: 'approve', after: 8 },
      { action: 'deliver', after: 9, method: 'email' },
    ],
  },
];
