import { Form } from "@remix-run/react";
import type { StepAction } from "~/models/intervision-steps.ts";

export function StepButton({
  action,
  fromStep,
  label,
  busy,
  secondary,
}: {
  action: StepAction;
  fromStep: number | null;
  label: string;
  busy: boolean;
  secondary?: boolean;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={action} />
      <input type="hidden" name="fromStep" value={fromStep ?? ""} />
      <button type="submit" className={secondary ? "button-secondary" : undefined} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}
