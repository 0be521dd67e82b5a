// Any URL that matches no route: a Dutch 404 page inside the normal layout.
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { notFound } from "~/utils/http.server.ts";

export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
