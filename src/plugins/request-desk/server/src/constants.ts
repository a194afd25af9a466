export const PLUGIN_ID = 'request-desk';
export const REQUEST_UID = 'api::disclosure-request.disclosure-request';

/** Admin permissions: each platform role is given the ones it needs (organization-access roles). */
export const ACTIONS = [
  { section: 'plugins', displayName: '查看依申请公开办理', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: '办理依申请公开（受理、补正、征求意见、决定、送达等）', uid: 'handle', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: '延长答复期限', uid: 'extend', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: '审核报批答复', uid: 'approve', pluginName: PLUGIN_ID },
];

/** Steps that need a permission of their own beside `handle`. */
export const RESTRICTED: Record<string, string> = { extend: 'extend', approve: 'approve' };
