import { useActionData, type useLoaderData } from "@remix-run/react";
import { CommentThread } from "~/components/action-plan.tsx";
import { findSection } from "~/models/action-plan-sections.ts";
import { isFormError, textValue } from "~/utils/forms.ts";
import type { action, loader } from "./route.tsx";

export function CommentThreadWithErrors({
  sectionId,
  comments,
  label,
  formId,
}: {
  sectionId: string;
  comments: ReturnType<typeof useLoaderData<typeof loader>>["comments"];
  label: string;
  formId?: string;
}) {
  const actionData = useActionData<typeof action>();
  const section = findSection(sectionId)!;
  const own = comments.filter((comment) => comment.sectionId === sectionId);
  const error =
    isFormError(actionData) &&
    textValue(actionData.values, "intent") === "comment" &&
    textValue(actionData.values, "sectionId") === sectionId
      ? actionData
      : null;
  return (
    <CommentThread
      // A new comment empties the field (the thread is drawn anew).
      key={`${sectionId}-${own.length}`}
      section={section}
      comments={own}
      label={label}
      formId={formId}
      values={error ? { body: textValue(error.values, "body") ?? "" } : undefined}
      errors={error?.fieldErrors.body}
    />
  );
}
