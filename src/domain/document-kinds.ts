/**
 * The kinds of policy document (文件类别) a normative-document record may be. 规章 and 行政规范性文件
 * carry a 文号 and follow the 立改废 lifecycle in law; other policy documents are published beside
 * them. The content type's `kind` enumeration lists the same keys.
 */
export const DOCUMENT_KIND_LABELS = {
  regulation: '规章',
  normative_document: '行政规范性文件',
  policy_document: '其他政策文件',
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KIND_LABELS;

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

/** Kinds that must carry a 文号 to be published. */
export const NUMBERED_KINDS: readonly DocumentKind[] = ['regulation', 'normative_document'];

export const isDocumentKind = (value: unknown): value is DocumentKind => typeof value === 'string' && (DOCUMENT_KINDS as string[]).includes(value);
