import type { Core } from '@strapi/strapi';
import type { Actor } from './services/lifecycle';
import { SYSTEM } from './services/lifecycle';

interface RequestState {
  user?: { id?: number; firstname?: string; lastname?: string; username?: string; email?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string; username?: string } };
  isAuthenticated?: boolean;
}

/** Strapi 5.54 names the API-token strategy `content-api-token`; earlier 5.x releases `api-token`. */
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

/** Who is behind the current request: an admin, an API token, a users-permissions user, or the system. */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  const state = ctx?.state;
  if (!state) return SYSTEM;
  const strategy = state.auth?.strategy?.name;
  const credentials = state.auth?.credentials;
  if (strategy && API_TOKEN_STRATEGIES.includes(strategy) && credentials?.id !== undefined) {
    return { id: `api-token:${credentials.id}`, name: credentials.name ?? null };
  }
  if (strategy === 'users-permissions' && credentials?.id !== undefined) {
    return { id: `user:${credentials.id}`, name: credentials.username ?? null };
  }
  if (state.user?.id !== undefined) {
    const { firstname, lastname, email } = state.user;
    const name = [lastname, firstname].filter(Boolean).join('') || email || null;
    return { id: `admin:${state.user.id}`, name };
  }
  return SYSTEM;
}
