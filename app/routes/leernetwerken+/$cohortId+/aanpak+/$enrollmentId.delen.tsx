// /leernetwerken/:cohortId/aanpak/:enrollmentId/delen: the duo chooses to share its plan (or one section) with
// the cohort. One member proposes, the other agrees; only then do the cohort's other duos and staff read it
// (under "Gedeelde plannen"). Either member stops sharing at any time. Only the duo: facilitators 403,
// coordinators 403, everyone else 404 (requirePlanAccess).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { canvasSections } from "~/models/action-plan-sections.ts";
import { isShared, shareScopeLabel, WHOLE_PLAN } from "~/models/plan-share-rules.ts";
import { agreeToShare, getShare, proposeShare, withdrawShare } from "~/models/plan-share.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, isFormError, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ enrollmentId }, cohortPath) => [
    { label: "Aanpak", to: `${cohortPath}/aanpak/${enrollmentId}` },
    { label: "Delen met het leernetwerk" },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Aanpak delen met het leernetwerk") : "Leernetwerk" },
];

async function requireDuo(request: Request, cohortId: string | undefined, enrollmentId: string | undefined) {
  const access = await requirePlanAccess(request, cohortId, enrollmentId);
  if (access.mode !== "duo") throw forbidden("Alleen het duo zelf kiest of het zijn aanpak deelt.");
  return access;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, enrollment } = await requireDuo(request, params.cohortId, params.enrollmentId);
  const share = await getShare(enrollment.id);
  const members = enrollment.members.map((member) => member.user);
  return {
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    share: share
      ? {
          sectionId: share.sectionId,
          scope: shareScopeLabel(share.sectionId),
          proposedBy: share.proposedBy?.id === user.id ? "jij" : (share.proposedBy?.name ?? "je duopartner"),
          since: share.updatedAt,
          shared: isShared(
            share,
            members.map((member) => member.id),
          ),
          agreedByMe: share.consents.some((consent) => consent.userId === user.id),
          waitingFor: members
            .filter((member) => !share.consents.some((consent) => consent.userId === member.id))
            .map((member) => member.name),
        }
      : null,
    sections: canvasSections.map((section) => ({ id: section.id, title: section.title })),
  };
}

const schema = formIntents({
  propose: z.object({ sectionId: z.string().max(100).default(WHOLE_PLAN) }),
  agree: z.object({ sectionId: z.string().max(100).default(WHOLE_PLAN) }),
  withdraw: z.object({}),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, enrollment } = await requireDuo(request, params.cohortId, params.enrollmentId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}/delen`;
  try {
    if (input.intent === "propose") {
      await proposeShare(user, enrollment.id, input.sectionId);
      const alone = enrollment.members.length === 1;
      return redirectWithToast(here, {
        title: alone ? "Jullie aanpak is gedeeld met het leernetwerk" : "Je voorstel om te delen is bewaard",
        description: alone ? undefined : "Je duopartner moet nog akkoord gaan; pas dan lezen anderen het.",
      });
    }
    if (input.intent === "agree") {
      await agreeToShare(user, enrollment.id, input.sectionId);
      return redirectWithToast(here, { title: "Jullie aanpak is gedeeld met het leernetwerk" });
    }
    await withdrawShare(user, enrollment.id);
    return redirectWithToast(here, {
      title: "Jullie aanpak wordt niet meer gedeeld",
      description: "Niemand anders kan hem nu nog lezen.",
    });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

function ScopeChoice({ sections, current }: { sections: { id: string; title: string }[]; current?: string }) {
  return (
    <fieldset className="field">
      <legend>Wat willen jullie delen?</legend>
      <div className="radio">
        <input
          type="radio"
          id="deel-alles"
          name="sectionId"
          value={WHOLE_PLAN}
          defaultChecked={(current ?? WHOLE_PLAN) === WHOLE_PLAN}
        />
        <label htmlFor="deel-alles">Het hele plan</label>
      </div>
      {sections.map((section) => (
        <div className="radio" key={section.id}>
          <input
            type="radio"
            id={`deel-${section.id}`}
            name="sectionId"
            value={section.id}
            defaultChecked={current === section.id}
          />
          <label htmlFor={`deel-${section.id}`}>Alleen “{section.title}”</label>
        </div>
      ))}
    </fieldset>
  );
}

export default function SharePlanPage() {
  const { enrollmentId, municipality, share, sections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cohort } = useCohortHeader();
  const error = isFormError(actionData) ? actionData.formError : null;
  return (
    <>
      <h1>Aanpak delen met het leernetwerk</h1>
      <p className="lead">
        Laat de andere duo's van jullie leernetwerk meelezen met de aanpak van {municipality}. Zij kunnen reageren;
        jullie zien de reacties en kunnen ze beantwoorden. Jullie delen alleen als jullie er allebei mee instemmen, en
        ieder van jullie kan het delen op elk moment stoppen.
      </p>
      <FormAlert message={error} />
      {share?.shared ? (
        <section aria-labelledby="status" className="panel">
          <h2 id="status">Gedeeld</h2>
          <p>
            Jullie delen {share.scope} met het leernetwerk, sinds {formatDateTime(share.since)}. De deelnemers,
            begeleiders en coördinatoren van dit leernetwerk kunnen het lezen.
          </p>
          <p>
            <Link to={`/leernetwerken/${cohort.id}/gedeelde-plannen/${enrollmentId}`}>
              Bekijk wat anderen zien, en de reacties
            </Link>
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="button-secondary">
              Delen stoppen
            </button>
          </Form>
        </section>
      ) : share ? (
        <section aria-labelledby="status" className="panel">
          <h2 id="status">Voorstel om te delen</h2>
          <p>
            {share.proposedBy === "jij" ? "Jij stelde" : `${share.proposedBy} stelde`} voor om {share.scope} te delen
            met het leernetwerk. Anderen lezen het pas als jullie allebei akkoord zijn.
          </p>
          {share.agreedByMe ? (
            <p>We wachten nog op het akkoord van {share.waitingFor.join(" en ")}.</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="sectionId" value={share.sectionId} />
              <button type="submit" name="intent" value="agree">
                Akkoord: {share.scope} delen
              </button>
            </Form>
          )}
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="button-secondary">
              {share.agreedByMe ? "Voorstel intrekken" : "Niet delen"}
            </button>
          </Form>
        </section>
      ) : null}
      {!share?.shared ? (
        <section aria-labelledby="kiezen">
          <h2 id="kiezen">{share ? "Iets anders voorstellen" : "Voorstellen om te delen"}</h2>
          <Form method="post">
            <ScopeChoice sections={sections} current={share?.sectionId} />
            <button type="submit" name="intent" value="propose">
              Voorstellen om te delen
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
