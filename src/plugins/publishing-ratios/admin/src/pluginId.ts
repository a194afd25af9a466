export const PLUGIN_ID = 'publishing-ratios';
export const INTERPRETATION_UID = 'api::policy-interpretation.policy-interpretation';
