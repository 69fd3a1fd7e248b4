"use client";
import { RouteError } from "@/components/ui/route-error";

export default function ConfigError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError
      title="Config"
      message="The Config page failed to load. Check that the state folder is readable."
      reset={reset}
    />
  );
}
