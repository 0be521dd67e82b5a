// Participant: their own certificate of participation (deelnamebewijs) of a closed cohort, once the
// coordinator issued them: whether they qualify (and why not), and the PDF to download.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { findCertificate } from "~/models/cohort-closing.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDate } from "~/utils/dates.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Deelnamebewijs" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Deelnamebewijs") : "Deelnamebewijs — Leernetwerk" },
];

const NO_CERTIFICATE = "Er is (nog) geen deelnamebewijs voor dit leernetwerk.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  if (relation !== "participant") throw forbidden("Alleen deelnemers hebben een deelnamebewijs.");
  const certificate = await findCertificate(user, cohortId);
  if (!certificate) throw notFound(NO_CERTIFICATE);
  return { cohortId, certificate };
}

export default function CertificatePage() {
  const { cohortId, certificate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Deelnamebewijs</h1>
      {certificate.qualifies ? (
        <>
          <p>
            Je was aanwezig bij {certificate.attended} van de {certificate.held} bijeenkomsten van{" "}
            {certificate.cohortName}. Je deelnamebewijs is uitgegeven op {formatDate(certificate.issuedAt)}.
          </p>
          <p>
            <a href={`/leernetwerken/${cohortId}/deelnamebewijs.pdf`} className="button" download>
              Download je deelnamebewijs (PDF)
            </a>
          </p>
        </>
      ) : (
        <p>
          Je krijgt geen deelnamebewijs. {certificate.reason} Denk je dat dit niet klopt? Neem dan contact op met de
          coördinator.
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
