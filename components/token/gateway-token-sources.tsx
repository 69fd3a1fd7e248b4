import type { GatewayTokenSource, GatewayTokenView } from "@/lib/token/token-status";

const PLACE_LABELS: Record<GatewayTokenSource["place"], string> = {
  "auth-profile": "Auth profile (openclaw onboard)",
  "config-api-key": "models.providers.huggingface.apiKey",
  "process-env": "Process environment",
  "state-env-file": "State folder's .env",
  "config-env-vars": "env.vars in openclaw.json",
  "shell-env": "env.shellEnv (login shell)",
};

/** Where the agent's Gateway will read the Hugging Face token, in OpenClaw's order; the first present one wins. */
export function GatewayTokenSources({ view }: { view: GatewayTokenView }) {
  return (
    <section className="card space-y-3" aria-labelledby="gateway-token-title" data-testid="gateway-token-sources">
      <h2 id="gateway-token-title" className="text-lg font-semibold">
        Where the agent&apos;s Gateway reads the token
      </h2>
      {view.warning ? (
        <p className="alert-warn text-sm" role="alert" data-testid="gateway-token-warning">
          {view.warning}
        </p>
      ) : null}
      <p className="text-sm" data-testid="gateway-token-service">
        {view.serviceUses
          ? `A Gateway run as a service uses ${view.serviceUses}.`
          : "A Gateway run as a service finds no Hugging Face token."}
      </p>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {view.sources.map((s, i) => (
          <li key={`${s.place}-${s.name ?? ""}-${i}`} data-place={s.place} data-present={String(s.present)}>
            <span className="font-medium">{PLACE_LABELS[s.place]}</span>
            {s.name ? (
              <>
                {" "}
                <code>{s.name}</code>
              </>
            ) : null}
            {s.masked ? (
              <>
                {" "}
                (<code>{s.masked}</code>)
              </>
            ) : null}
            : <span className={s.present ? "" : "muted"}>{s.note}</span>
          </li>
        ))}
      </ol>
      <p className="muted text-xs">
        For each variable the highest place that sets it wins (none overrides a value already set); then
        HUGGINGFACE_HUB_TOKEN is used before HF_TOKEN.
      </p>
    </section>
  );
}
