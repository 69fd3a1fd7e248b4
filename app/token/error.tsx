"use client";
import { RouteError } from "@/components/ui/route-error";

export default function TokenError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError
      title="Token"
      message="The token status could not be read (is the state folder readable?)."
      reset={reset}
    />
  );
}
