import { Lucia, TimeSpan } from "lucia";
import { prisma, readRows } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { createLuciaAdapter, type SessionAttributes, type SessionUserAttributes } from "./lucia-adapter.server.ts";

export const SESSION_COOKIE_NAME = "ln_session";

function createLucia() {
  return new Lucia(createLuciaAdapter(prisma, readRows), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      attributes: { secure: getEnv().COOKIE_SECURE, sameSite: "lax" },
    },
    getSessionAttributes: (attributes) => ({
      lastSeenAt: attributes.lastSeenAt,
      userAgent: attributes.userAgent,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      // For the guard that keeps staff on the set-up page while the deployment requires two-factor sign-in.
      twoFactorEnabled: attributes.twoFactorEnabled,
      // The header's inbox count (issue 19), read in the same query as the session.
      unreadNotifications: attributes.unreadNotifications,
    }),
  });
}

let instance: ReturnType<typeof createLucia> | undefined;
export function getLucia() {
  instance ??= createLucia();
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: SessionUserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}
