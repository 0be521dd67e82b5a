// Signing in sends you on to the page you came for, but only to a page of this site: a target with a
// control character (which gave a 500, an invalid Location header) or another site goes to the start page.
import { describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { args, form, requestWithCookie } from "../support/requests.ts";
import { action } from "~/routes/_account+/inloggen.tsx";
import { prisma } from "~/utils/db.server.ts";

async function signIn(redirectTo: string) {
  const user = await createUser(prisma);
  const request = requestWithCookie(
    null,
    "http://localhost/inloggen",
    form({ email: user.email, password: DEMO_PASSWORD, redirectTo }),
  );
  const response = (await action(args(request))) as Response;
  return { status: response.status, location: response.headers.get("Location") };
}

describe("/inloggen redirectTo", () => {
  it("goes on to a page of this site", async () => {
    expect(await signIn("/account?x=1")).toEqual({ status: 302, location: "/account?x=1" });
  });

  it("goes to the start page, never an error, for control characters and other sites", async () => {
    for (const target of ["/account\u0001", "/account\r\nSet-Cookie: a=b", "//evil.example", "/\\evil.example"]) {
      expect(await signIn(target), JSON.stringify(target)).toEqual({ status: 302, location: "/" });
    }
  });
});
