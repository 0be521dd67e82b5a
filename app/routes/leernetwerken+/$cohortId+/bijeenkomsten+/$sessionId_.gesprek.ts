// POST /leernetwerken/:cohortId/bijeenkomsten/:sessionId/gesprek: the session's discussion (shown on the
// session page, app/routes/…/bijeenkomsten+/$sessionId/discussion.tsx, which posts here with a fetcher).
// Who: as the session page (the cohort's members; others 404). A question: staff only (participants 403);
// answers and reactions: everyone of the cohort; deleting: only the writer (others 403).
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireCohortSession } from "~/auth/guards.server.ts";
import { askQuestion, deletePost, replyToPost } from "~/models/session-discussion.server.ts";
import { formIntents, idField, parseForm, requiredText } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

const body = requiredText(1, 5000, "Schrijf eerst je tekst.", "Een bericht mag maximaal 5.000 tekens hebben.");
const schema = formIntents({
  question: z.object({ body }),
  reply: z.object({ parentId: idField("Kies de vraag of het antwoord waarop je reageert."), body }),
  delete: z.object({ postId: idField("Kies het bericht dat je wilt verwijderen.") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const page = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`;
  if (input.intent === "question") {
    if (relation === "participant") throw forbidden("Alleen begeleiders en coördinatoren stellen de vraag.");
    try {
      const post = await askQuestion(user, relation, session.id, input.body);
      return redirectWithToast(`${page}#bericht-${post.id}`, { title: "Je vraag staat bij de bijeenkomst" });
    } catch (error) {
      return domainErrorReply(error, values, { field: "body" });
    }
  }
  if (input.intent === "reply") {
    try {
      const post = await replyToPost(user, session.id, input.parentId, input.body);
      return redirectWithToast(`${page}#bericht-${post.id}`, { title: "Je bericht is geplaatst" });
    } catch (error) {
      return domainErrorReply(error, values, { field: "body" });
    }
  }
  const result = await deletePost(user, session.id, input.postId);
  if (result === "forbidden") throw forbidden("Alleen wie het bericht schreef, kan het verwijderen.");
  return redirectWithToast(`${page}#gesprek`, {
    title: result === "deleted" ? "Je bericht is verwijderd" : "Dit bericht bestaat niet meer",
  });
}
