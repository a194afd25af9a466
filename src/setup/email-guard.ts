import type { Core } from '@strapi/strapi';
import { fieldError, statusOfError } from '../utils/errors';

interface EmailController {
  send: (ctx: { request: { body?: unknown } }) => Promise<unknown>;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const addresses = (value: unknown): string[] | null => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list || list.length === 0) return null;
  return list.every((item) => typeof item === 'string' && EMAIL.test(item.trim())) ? (list as string[]) : null;
};

/**
 * The email plugin's content-API route (`POST /api/email`) hands its body to the mail provider
 * and answers any refusal with a 500. Its input is checked here first, each problem a 400
 * naming the field.
 */
export function guardEmailRoute(strapi: Core.Strapi): void {
  const controller = strapi.plugin('email')?.controller('email') as unknown as EmailController | undefined;
  if (!controller) return;
  const send = controller.send;
  controller.send = async function checkedSend(this: unknown, ctx) {
    const body = ctx.request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fieldError('to', 'is required: one or more e-mail addresses');
    const mail = body as Record<string, unknown>;
    if (!addresses(mail.to)) throw fieldError('to', 'must be one or more e-mail addresses', mail.to);
    for (const field of ['cc', 'bcc', 'from', 'replyTo']) {
      if (mail[field] !== undefined && !addresses(mail[field])) throw fieldError(field, 'must be one or more e-mail addresses', mail[field]);
    }
    for (const field of ['subject', 'text', 'html']) {
      if (mail[field] !== undefined && typeof mail[field] !== 'string') throw fieldError(field, 'must be text', mail[field]);
    }
    if (typeof mail.subject !== 'string' || mail.subject.trim() === '') throw fieldError('subject', 'is required', mail.subject);
    if (typeof mail.text !== 'string' && typeof mail.html !== 'string') throw fieldError('text', 'is required (or html)');
    return send.call(this, ctx);
  };
}

interface AuthController {
  forgotPassword: (ctx: { body?: unknown; request: { body?: unknown } }) => Promise<unknown>;
}

/**
 * A password reset for a known address answered 500 when the mail could not be sent, and `ok` for
 * an unknown one: a way to learn who has an account. Both now answer `ok`; the failure is logged
 * for the platform's staff.
 */
export function guardPasswordReset(strapi: Core.Strapi): void {
  const controller = strapi.plugin('users-permissions')?.controller('auth') as unknown as AuthController | undefined;
  if (!controller) return;
  const forgotPassword = controller.forgotPassword;
  controller.forgotPassword = async function quietForgotPassword(this: unknown, ctx) {
    try {
      return await forgotPassword.call(this, ctx);
    } catch (error) {
      if (statusOfError(error) < 500) throw error;
      strapi.log.error(`Password reset mail not sent: ${(error as Error).message}`);
      ctx.body = { ok: true };
      return undefined;
    }
  };
}
