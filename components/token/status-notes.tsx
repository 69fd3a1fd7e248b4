import { NEW_TOKEN_URL } from "@/lib/token/token-input";
import { REASON_LABELS, type TokenStatus } from "@/lib/token/token-status";

// Plain-language warnings about the token in effect, shared by the Token page and the Overview card.
export function StatusNotes({ status }: { status: TokenStatus }) {
  return (
    <div className="space-y-3">
      {status.outcome === "invalid" ? (
        <p className="alert-error" data-testid="note-invalid">
          Hugging Face rejects this token (wrong, revoked or expired). The agent&apos;s calls will fail until you
          replace it.
        </p>
      ) : null}
      {status.outcome === "no_permission" ? (
        <p className="alert-warn" data-testid="note-no-permission">
          This fine-grained token may not <strong>make calls to Inference Providers</strong>, so chat requests will be
          refused.{" "}
          <a className="link" href={NEW_TOKEN_URL} target="_blank" rel="noreferrer noopener">
            Create a token with that permission
          </a>{" "}
          and paste it here.
        </p>
      ) : null}
      {status.outcome === "unverified" ? (
        <p className="alert-warn" data-testid="note-unverified">
          Not verified yet: {status.reason ? REASON_LABELS[status.reason] : "the check did not finish."} The token is
          kept; check again later.
        </p>
      ) : null}
      {status.outcome === "valid" && status.router === "unreachable" ? (
        <p className="alert-warn" data-testid="note-router">
          The token is valid, but the Inference Providers router did not answer the dashboard&apos;s test call.
        </p>
      ) : null}
      {status.shadowing ? (
        <p className="alert-warn" data-testid="note-shadowing">
          {status.shadowing.message}
        </p>
      ) : null}
      {status.authProfile ? (
        <p className="alert-warn" data-testid="note-auth-profile">
          openclaw.json has a <code>huggingface</code> auth profile: OpenClaw uses the key stored with that profile
          first, before any token shown here. To make OpenClaw use this token, delete the{" "}
          <code>huggingface:default</code> entry under <code>auth.profiles</code> in openclaw.json (see it on the{" "}
          <a className="link" href="/config">
            Config page
          </a>
          ).
        </p>
      ) : null}
    </div>
  );
}
