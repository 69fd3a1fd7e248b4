"use client";
// .env is not watched by OpenClaw: a running Gateway keeps the token it read at start (a Gateway
// that had none picks a first one up at its next config reload). Shown after a token save or removal.
export function GatewayTokenNotice({ running }: { running: boolean }) {
  if (!running) return null;
  return (
    <p className="alert-warn" data-testid="gateway-token-notice">
      The running OpenClaw Gateway keeps using the old token until it restarts: run{" "}
      <code>openclaw gateway restart</code>. (A Gateway that had no token picks the first one up at its next config
      reload.)
    </p>
  );
}
