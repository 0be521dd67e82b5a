import { useEffect, useState } from "react";
import type { Toast as ToastData } from "~/utils/toast.server.ts";

export function Toast({ toast }: { toast: ToastData | null }) {
  const [visible, setVisible] = useState<ToastData | null>(toast);
  useEffect(() => setVisible(toast), [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {visible ? (
        <div className={`toast toast-${visible.type}`}>
          <div>
            <p className="toast-title">{visible.title}</p>
            {visible.description ? <p className="toast-description">{visible.description}</p> : null}
          </div>
          <button type="button" className="button-link" onClick={() => setVisible(null)}>
            Sluiten
          </button>
        </div>
      ) : null}
    </div>
  );
}
