/** Administrative level of an organization in the city's intensive platform (集约化平台). */
export const ORGANIZATION_LEVELS = {
  city: '市级',
  county: '县级（县、市、区）',
  township: '乡级（乡镇、街道）',
} as const;

export type OrganizationLevel = keyof typeof ORGANIZATION_LEVELS;

export const ORGANIZATION_KINDS = {
  people_government: '人民政府',
  government_department: '政府部门',
  agency: '直属机构',
  public_institution: '事业单位',
  subdistrict_office: '街道办事处/乡镇',
  internal_unit: '内设机构',
} as const;

export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;

/**
 * The chain of ancestors reached when `self` is put under `parent`, or null when that chain loops
 * back to `self`. `ancestorsOfParent` starts at the parent itself and climbs to the root.
 */
export function parentCycle(self: string, ancestorsOfParent: readonly string[]): string[] | null {
  const index = ancestorsOfParent.indexOf(self);
  return index === -1 ? null : [self, ...ancestorsOfParent.slice(0, index + 1)];
}
