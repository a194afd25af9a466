/** One demo 权责清单 item; organizations and basis documents are named by their demo keys. */
export interface DemoPower {
  code: string;
  name: string;
  category: string;
  organization: string;
  responsibleUnit?: string;
  basis: string[];
  lawCitations: string;
  responsibilities: { stage: string; description: string }[];
  accountability: string;
}

/**
 * Items of the demo 权责清单. Two rest on documents the demo amends or repeals, so the demo shows
 * items flagged for review.
 */
export const DEMO_POWERS: DemoPower[] = [
  {
    code: '140100-SJ-XK-001',
    name: '食品经营许可',
    category: 'licensing',
    organization: 'market',
    responsibleUnit: 'market-registration',
    basis: [],
    lawCitations: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
    responsibilities: [
      { stage: 'filing', description: '依法受理或不予受理申请，并一次性告知需要补正的全部材料。' },
      { stage: 'review', description: '对申请材料进行审查，需要现场核查的组织核查。' },
      { stage: 'decision', description: '在法定期限内作出准予或不予许可的决定，不予许可的说明理由。' },
      { stage: 'supervision', description: '对取得许可的经营者开展日常监督检查。' },
    ],
    accountability: '对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；对不符合法定条件的申请准予许可的。',
  },
  {
    code: '140100-SJ-JC-001',
    name: '“双随机、一公开”监督检查',
    category: 'inspection',
    organization: 'market',
    basis: ['double-random'],
    lawCitations: '《优化营商环境条例》第五十六条',
    responsibilities: [
      { stage: 'investigation', description: '随机抽取检查对象、随机选派执法检查人员实施检查。' },
      { stage: 'notice', description: '抽查情况及查处结果及时向社会公开。' },
    ],
    accountability: '未按规定开展随机抽查或者未公开抽查结果的。',
  },
  {
    code: '140100-SP-QR-001',
    name: '企业投资项目承诺制审批',
    category: 'confirmation',
    organization: 'approval',
    basis: ['commitment-approval'],
    lawCitations: '《企业投资项目核准和备案管理条例》',
    responsibilities: [
      { stage: 'filing', description: '受理企业承诺书和项目材料。' },
      { stage: 'decision', description: '对符合条件的项目出具审批意见。' },
      { stage: 'supervision', description: '对企业履行承诺情况开展事中事后监管。' },
    ],
    accountability: '对企业未履行承诺的情形未依法处理的。',
  },
  {
    code: '140100-RS-JF-001',
    name: '就业补助资金发放',
    category: 'payment',
    organization: 'hrss',
    basis: ['employment-subsidy'],
    lawCitations: '《中华人民共和国就业促进法》第十五条',
    responsibilities: [
      { stage: 'filing', description: '受理职业培训补贴、社会保险补贴申请。' },
      { stage: 'decision', description: '审核后按规定标准拨付补贴资金，并公示发放结果。' },
    ],
    accountability: '违规审核、发放补贴资金的。',
  },
  {
    code: '140181-ZF-JC-001',
    name: '煤矿安全生产监督检查',
    category: 'inspection',
    organization: 'gujiao',
    basis: ['gujiao-mine-safety'],
    lawCitations: '《中华人民共和国安全生产法》第六十五条',
    responsibilities: [
      { stage: 'investigation', description: '对煤矿企业执行安全生产法律法规情况实施监督检查。' },
      { stage: 'enforcement', description: '对检查中发现的安全隐患责令立即排除或限期整改。' },
    ],
    accountability: '对发现的重大事故隐患未依法处理的。',
  },
];
