export const PLUGIN_ID = 'document-lifecycle';
export const DOCUMENT_UID = 'api::normative-document.normative-document';
