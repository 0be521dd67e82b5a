import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./domain-error.ts";
import {
  confirmBox,
  fieldError,
  formError,
  formIntents,
  formList,
  formValues,
  isFormError,
  listValue,
  NUL_CHARACTER,
  optionalText,
  parseForm,
  textValue,
  BAD_FORM,
  UNKNOWN_INTENT,
} from "./forms.ts";
import { domainErrorReply, invalid, readForm } from "./forms.server.ts";

function form(entries: [string, string][]): FormData {
  const formData = new FormData();
  for (const [key, value] of entries) formData.append(key, value);
  return formData;
}

const actions = formIntents({
  reply: z.object({ body: z.string().trim().min(1, "Schrijf eerst een reactie.") }),
  delete: z.object({ confirm: confirmBox("Vink aan dat je dit echt wilt verwijderen.") }),
  share: z.object({ audience: z.enum(["PRIVATE", "DUO"]) }),
});

describe("parseForm with one union of intents", () => {
  it("parses the fields of the intent that was sent, with the intent", () => {
    const parsed = parseForm(
      actions,
      form([
        ["intent", "reply"],
        ["body", "  Dank je  "],
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      data: { intent: "reply", body: "Dank je" },
      values: { intent: "reply", body: "  Dank je  " },
    });
  });

  it("refuses a missing or unknown intent as a whole, in Dutch, keeping what was typed", () => {
    for (const entries of [
      [["body", "Mijn tekst"]],
      [
        ["intent", "publish"],
        ["body", "Mijn tekst"],
      ],
      [
        ["intent", ""],
        ["body", "Mijn tekst"],
      ],
    ] as [string, string][][]) {
      const parsed = parseForm(actions, form(entries));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.error).toMatchObject({ status: "error", fieldErrors: {}, formError: UNKNOWN_INTENT });
      expect(parsed.error.values.body).toBe("Mijn tekst");
    }
  });

  it("gives the schema's Dutch messages per field", () => {
    const parsed = parseForm(actions, form([["intent", "delete"]]));
    expect(!parsed.ok && parsed.error).toEqual({
      status: "error",
      fieldErrors: { confirm: ["Vink aan dat je dit echt wilt verwijderen."] },
      formError: null,
      values: { intent: "delete" },
    });
  });

  it("answers in Dutch where the schema has no message of its own", () => {
    const parsed = parseForm(
      actions,
      form([
        ["intent", "share"],
        ["audience", "EVERYONE"],
      ]),
    );
    expect(!parsed.ok && parsed.error.fieldErrors.audience).toEqual(["Kies een van de mogelijkheden."]);
    const missing = parseForm(z.object({ name: z.string() }), form([]));
    expect(!missing.ok && missing.error.fieldErrors.name).toEqual(["Vul dit veld in."]);
    const twice = parseForm(
      z.object({ name: z.string() }),
      form([
        ["name", "a"],
        ["name", "b"],
      ]),
    );
    expect(!twice.ok && twice.error.fieldErrors.name).toEqual(["Dit veld is niet goed ingevuld."]);
    const own = z.object({
      status: z.enum(["A", "B"], { errorMap: () => ({ message: "Kies een status." }) }),
      title: z.string({ required_error: "Vul een titel in." }),
    });
    expect(
      !parseForm(own, form([["status", "C"]])).ok &&
        (parseForm(own, form([["status", "C"]])) as { error: { fieldErrors: unknown } }).error.fieldErrors,
    ).toEqual({
      status: ["Kies een status."],
      title: ["Vul een titel in."],
    });
  });

  it("keeps a check across the fields of one intent (superRefine on the union)", () => {
    const withCheck = formIntents({
      password: z.object({ password: z.string(), confirmPassword: z.string() }),
      logout: z.object({}),
    }).superRefine((data, ctx) => {
      if (data.intent === "password" && data.password !== data.confirmPassword) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["confirmPassword"],
          message: "De twee wachtwoorden zijn niet gelijk.",
        });
      }
    });
    const parsed = parseForm(
      withCheck,
      form([
        ["intent", "password"],
        ["password", "a"],
        ["confirmPassword", "b"],
      ]),
      {
        secretFields: ["password", "confirmPassword"],
      },
    );
    expect(!parsed.ok && parsed.error).toEqual({
      status: "error",
      fieldErrors: { confirmPassword: ["De twee wachtwoorden zijn niet gelijk."] },
      formError: null,
      values: { intent: "password" },
    });
    expect(parseForm(withCheck, form([["intent", "nope"]]))).toMatchObject({
      ok: false,
      error: { formError: UNKNOWN_INTENT },
    });
    expect(parseForm(withCheck, form([["intent", "logout"]]))).toMatchObject({ ok: true, data: { intent: "logout" } });
  });

  it("a plain schema (a page with one form) needs no intent", () => {
    const parsed = parseForm(z.object({ title: optionalText(5, "Te lang.") }), form([["title", "  Kort "]]));
    expect(parsed).toMatchObject({ ok: true, data: { title: "Kort" } });
    const tooLong = parseForm(z.object({ title: optionalText(5, "Te lang.") }), form([["title", "Veel te lang"]]));
    expect(!tooLong.ok && tooLong.error.fieldErrors.title).toEqual(["Te lang."]);
    expect(parseForm(z.object({ title: optionalText(5, "Te lang.") }), form([]))).toMatchObject({
      ok: true,
      data: { title: "" },
    });
  });

  it("reads a field sent more than once as a list", () => {
    const schema = z.object({ themes: formList(z.string()) });
    expect(
      parseForm(
        schema,
        form([
          ["themes", "a"],
          ["themes", "b"],
        ]),
      ),
    ).toMatchObject({ ok: true, data: { themes: ["a", "b"] } });
    expect(parseForm(schema, form([["themes", "a"]]))).toMatchObject({ ok: true, data: { themes: ["a"] } });
    expect(parseForm(schema, form([]))).toMatchObject({ ok: true, data: { themes: [] } });
  });
});

describe("what was submitted", () => {
  it("keeps every text field, lists for repeated fields, and never a secret or a file", () => {
    const formData = form([
      ["name", "Lisa"],
      ["themes", "a"],
      ["themes", "b"],
      ["password", "geheim-geheim"],
    ]);
    formData.append("file", new File(["x"], "x.txt"));
    const values = formValues(formData, ["password"]);
    expect(values).toEqual({ name: "Lisa", themes: ["a", "b"] });
    expect(listValue(values, "themes")).toEqual(["a", "b"]);
    expect(listValue(values, "name")).toEqual(["Lisa"]);
    expect(listValue(values, "missing")).toEqual([]);
    expect(textValue(values, "themes")).toBe("b");
    expect(textValue(undefined, "name")).toBeUndefined();
  });
});

describe("the one answer to invalid input", () => {
  it("puts a message at 'form' in formError, others at their fields", () => {
    expect(formError({ a: "1" }, { form: ["Het geheel klopt niet."], title: ["Te kort."] })).toEqual({
      status: "error",
      fieldErrors: { title: ["Te kort."] },
      formError: "Het geheel klopt niet.",
      values: { a: "1" },
    });
    expect(fieldError({}, "form", "Niet nu.")).toEqual({
      status: "error",
      fieldErrors: {},
      formError: "Niet nu.",
      values: {},
    });
    expect(fieldError({}, "body", "Leeg.")).toEqual({
      status: "error",
      fieldErrors: { body: ["Leeg."] },
      formError: null,
      values: {},
    });
    expect(isFormError(fieldError({}, "body", "Leeg."))).toBe(true);
    expect(isFormError({ status: "saved" })).toBe(false);
    expect(isFormError(null)).toBe(false);
  });

  it("is answered with status 400 unless another is asked for", () => {
    const answer = invalid(fieldError({}, "body", "Leeg."));
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({ status: "error", fieldErrors: { body: ["Leeg."] }, formError: null, values: {} });
    expect(invalid(fieldError({}, "form", "Al gewijzigd."), 409).init?.status).toBe(409);
  });
});

describe("domainErrorReply", () => {
  it("turns a refused rule into the form's answer, at its field, keeping the values", () => {
    const reply = domainErrorReply(new DomainError("Kies een bijeenkomst van dit leernetwerk.", "sessionId"), {
      title: "Opdracht 1",
    });
    expect(reply.init?.status).toBe(400);
    expect(reply.data).toEqual({
      status: "error",
      fieldErrors: { sessionId: ["Kies een bijeenkomst van dit leernetwerk."] },
      formError: null,
      values: { title: "Opdracht 1" },
    });
  });

  it("a refusal without a field is a form error; several fields at once stay together", () => {
    expect(domainErrorReply(new DomainError("Deze bijeenkomst is al afgerond."), {}).data).toMatchObject({
      fieldErrors: {},
      formError: "Deze bijeenkomst is al afgerond.",
    });
    const several = DomainError.fields({ title: ["Te kort."], themes: ["Kies een thema."] });
    expect(several.message).toBe("Te kort.");
    expect(several.field).toBe("title");
    expect(domainErrorReply(several, {}).data.fieldErrors).toEqual({
      title: ["Te kort."],
      themes: ["Kies een thema."],
    });
  });

  it("can put the message at the one field the form has", () => {
    expect(
      domainErrorReply(new DomainError("Deze begeleider hoort al bij dit leernetwerk."), {}, { field: "userId" }).data,
    ).toMatchObject({
      fieldErrors: { userId: ["Deze begeleider hoort al bij dit leernetwerk."] },
      formError: null,
    });
  });

  it("throws anything else on: a bug is not a refusal", () => {
    const bug = new TypeError("x is undefined");
    expect(() => domainErrorReply(bug, {})).toThrow(bug);
    const response = new Response("Niet gevonden", { status: 404 });
    expect(() => domainErrorReply(response, {})).toThrow();
  });
});

describe("readForm", () => {
  const post = (contentType: string | null, body: BodyInit) =>
    new Request("http://localhost/", {
      method: "POST",
      headers: contentType ? { "Content-Type": contentType } : {},
      body,
    });
  async function refusal(request: Request) {
    try {
      await readForm(request);
    } catch (error) {
      return error instanceof Response ? { status: error.status, text: await error.text() } : error;
    }
    return null;
  }

  it("reads a urlencoded and a multipart form", async () => {
    expect((await readForm(post(null, new URLSearchParams({ intent: "save" })))).get("intent")).toBe("save");
    const multipart = new FormData();
    multipart.set("intent", "save");
    expect((await readForm(post(null, multipart))).get("intent")).toBe("save");
  });

  it("answers a body that is not a form with a 400 and a Dutch message, never a 500", async () => {
    const broken = [
      post("application/json", JSON.stringify({ intent: "save" })),
      post("text/plain", "intent=save"),
      post(null, new Blob(["intent=save"])),
      post("multipart/form-data", '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--x--\r\n'),
      post("multipart/form-data; boundary=abc", "--xyz\r\nnonsense"),
      post("multipart/form-data; boundary=abc", '--abc\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsa'),
    ];
    for (const request of broken) {
      expect(await refusal(request), request.headers.get("Content-Type") ?? "no type").toEqual({
        status: 400,
        text: BAD_FORM,
      });
    }
  });
});

describe("parseForm and characters that cannot be stored", () => {
  it("refuses a NUL character at its field and keeps what was typed", () => {
    const parsed = parseForm(
      actions,
      form([
        ["intent", "reply"],
        ["body", "Dank\u0000 je"],
      ]),
    );
    expect(parsed).toEqual({
      ok: false,
      error: {
        status: "error",
        fieldErrors: { body: [NUL_CHARACTER] },
        formError: null,
        values: { intent: "reply", body: "Dank\u0000 je" },
      },
    });
  });

  it("refuses a NUL character in a secret field too, without sending the secret back", () => {
    const schema = z.object({ password: z.string() });
    const parsed = parseForm(schema, form([["password", "geheim\u0000"]]), { secretFields: ["password"] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.fieldErrors).toEqual({ password: [NUL_CHARACTER] });
      expect(parsed.error.values).toEqual({});
    }
  });

  it("keeps other unusual text: right-to-left marks, emoji, a replaced lone surrogate", () => {
    const text = "\u202egnp.exe 👩🏽‍💻 a\ufffdb";
    const parsed = parseForm(
      actions,
      form([
        ["intent", "reply"],
        ["body", text],
      ]),
    );
    expect(parsed.ok && parsed.data).toEqual({ intent: "reply", body: text });
  });
});
